"""Keeping the loaded MNIST between runs of the Retrain dialog."""

from __future__ import annotations

import threading
from pathlib import Path

from model.config import TrainConfig
from model.mnist import FILES, find_file
from model.training import TrainingData


class DataCache:
    """The last MNIST loaded, restyled digits included, so that "Train again" starts at once.

    Loading and restyling take ~4 s of a ~13 s one-epoch run; users retrain repeatedly to compare
    settings. One entry (~300 MB for all of MNIST), keyed by folder, subsets and the files' sizes
    and times; the dialog clears it when it closes. Only one run (thread) uses it at a time.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._data: TrainingData | None = None

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

    def clear(self) -> None:
        with self._lock:
            self._key, self._data = None, None


DATA_CACHE = DataCache()
