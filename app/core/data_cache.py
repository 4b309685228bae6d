"""Keeping the loaded MNIST (and the drawn real pen digits) between runs of the Retrain dialog."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import torch

from model.config import TrainConfig
from model.data.mnist import FILES, find_file
from model.training.loop import TrainingData


class DataCache:
    """The last MNIST loaded, restyled digits included, so that "Train again" starts at once.

    Loading and restyling take ~4 s of a ~13 s one-epoch run, drawing the real pen digits ~10 s
    more; users retrain repeatedly to compare settings. One entry (~300 MB for all of MNIST),
    keyed by folder, subsets and the files' sizes and times, and one pen-digit pool (~20 MB a
    variant) keyed likewise; the dialog clears both when it closes. Only one run (thread) uses
    it at a time.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._data: TrainingData | None = None
        self._pen_key: tuple | None = None
        self._pen: tuple[torch.Tensor, torch.Tensor] | None = None

    @staticmethod
    def key(data_dir: Path, config: TrainConfig) -> tuple:
        files = []
        for spec in FILES.values():
            path = find_file(Path(data_dir), spec)
            try:
                stat = path.stat() if path is not None else None
            except OSError:  # vanished meanwhile: a miss, and loading will say what is wrong
                stat = None
            files.append((str(path), stat.st_size, stat.st_mtime_ns) if stat else None)
        return (str(data_dir), config.train_subset, config.test_subset, tuple(files))

    def get(self, key: tuple) -> TrainingData | None:
        with self._lock:
            return self._data if key == self._key else None

    def put(self, key: tuple, data: TrainingData) -> None:
        with self._lock:
            self._key, self._data = key, data

    @staticmethod
    def pen_key(pen_file: Path, config: TrainConfig) -> tuple:
        """The drawn pool depends on the file, the number of variants, the seed and the subset."""
        try:
            st = os.stat(pen_file)
            identity = (str(pen_file), st.st_size, st.st_mtime_ns)
        except OSError:
            identity = (str(pen_file), None, None)
        return (identity, config.pen_variants, config.seed, config.train_subset)

    def get_pen(self, key: tuple) -> tuple[torch.Tensor, torch.Tensor] | None:
        """The drawn pen-digit pool (images, labels) for `key`, or None."""
        with self._lock:
            return self._pen if key == self._pen_key else None

    def put_pen(self, key: tuple, images: torch.Tensor, labels: torch.Tensor) -> None:
        with self._lock:
            self._pen_key, self._pen = key, (images, labels)

    def clear(self) -> None:
        with self._lock:
            self._key, self._data = None, None
            self._pen_key, self._pen = None, None


DATA_CACHE = DataCache()
