"""One cache for data that is slow to load: MNIST, the pen digits, Insight's data sets.

Reading MNIST's gzipped files takes about a second, turning them into training tensors and
restyling digits ~4 s of a ~13 s one-epoch retrain, drawing the real pen digits ~10 s more; users
retrain, fine-tune, run the shift test and evaluate data sets again and again. Before, each
feature kept its own copy (Retrain's and Fine-tune's MNIST, the shift test's test split,
Insight's data sets, Fine-tune's pen digits); now every one asks this cache, so a file is read
once per session and two features share one object.

Entries are grouped by kind; each kind keeps at most a few entries (the least recently used go
first), so memory stays bounded: at most one set of training tensors (~300 MB for all of MNIST)
and one drawn pen pool, the raw train and test splits of one folder (~55 MB), four Insight data
sets. Keys name the folder or file, what was made of it, and the files' sizes and times, so
replacing a file is a miss. Loads run on job threads: `get_or_load` loads a key once even when
two jobs ask at the same time, and a failed or cancelled load leaves nothing behind.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import torch

from model.config import TrainConfig
from model.data.mnist import FILES, MnistSplit, find_file, load_split
from model.data.pen_digits import load_pen_digits, training_writers
from model.training.loop import TrainingData

T = TypeVar("T")

#: The kinds of entries, and how many of each are kept.
MNIST_SPLIT = "mnist-split"  # MnistSplit: (folder, files, "train"/"test")
TRAINING = "mnist-training"  # TrainingData: (folder, subsets, files)
PEN_POOL = "pen-pool"  # (images, labels) of drawn pen digits: (file, variants, seed, subset)
PEN_DIGITS = "pen-digits"  # the training writers' PenDigits of a file: (file identity,)
DATASET = "dataset"  # Insight's DataSets: the source's key (names the folder and the subset)
CAPACITY = {MNIST_SPLIT: 2, TRAINING: 1, PEN_POOL: 1, PEN_DIGITS: 1, DATASET: 4}


def file_identity(path: Path | None) -> tuple | None:
    """(path, size, mtime) of a file, None where it is absent: a replaced file is a new key."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:  # vanished meanwhile: a miss, and loading will say what is wrong
        return (str(path), None, None)
    return (str(path), st.st_size, st.st_mtime_ns)


def mnist_files(data_dir: Path) -> tuple:
    """The identities of the four MNIST files in `data_dir`."""
    return tuple(file_identity(find_file(Path(data_dir), spec)) for spec in FILES.values())


class DataCache:
    """Loaded data by kind and key; thread-safe. See the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, OrderedDict[Hashable, object]] = {}
        self._loading: dict[tuple[str, Hashable], threading.Lock] = {}

    # ----- the generic cache ------------------------------------------------------------------
    def get(self, kind: str, key: Hashable) -> object | None:
        with self._lock:
            entries = self._entries.get(kind)
            if entries is None or key not in entries:
                return None
            entries.move_to_end(key)
            return entries[key]

    def put(self, kind: str, key: Hashable, value: object) -> None:
        with self._lock:
            entries = self._entries.setdefault(kind, OrderedDict())
            entries[key] = value
            entries.move_to_end(key)
            while len(entries) > CAPACITY.get(kind, 1):
                entries.popitem(last=False)

    def get_or_load(self, kind: str, key: Hashable, load: Callable[[], T]) -> T:
        """The entry for `key`, loaded by `load()` on a miss (once, whoever asks meanwhile).

        Before a load the kind makes room, so a large kind (the training tensors) never holds
        two copies at once. An exception from `load` (a `DataError`, `Cancelled`) propagates
        and caches nothing."""
        with self._lock:
            loading = self._loading.setdefault((kind, key), threading.Lock())
        try:
            with loading:
                cached = self.get(kind, key)
                if cached is not None:
                    return cached  # type: ignore[return-value]
                self._make_room(kind)
                value = load()
                self.put(kind, key, value)
                return value
        finally:
            with self._lock:
                self._loading.pop((kind, key), None)

    def clear(self, *kinds: str) -> None:
        """Forget the given kinds (all without arguments)."""
        with self._lock:
            for kind in kinds or list(self._entries):
                self._entries.pop(kind, None)

    def _make_room(self, kind: str) -> None:
        with self._lock:
            entries = self._entries.get(kind)
            while entries and len(entries) >= CAPACITY.get(kind, 1):
                entries.popitem(last=False)

    # ----- MNIST ------------------------------------------------------------------------------
    def mnist_split(self, data_dir: str | Path, split: str) -> MnistSplit:
        """MNIST's "train" or "test" split of `data_dir`, read once. Raises `DataError`."""
        data_dir = Path(data_dir)
        key = (str(data_dir.resolve()), mnist_files(data_dir), split)
        return self.get_or_load(MNIST_SPLIT, key, lambda: load_split(split, data_dir))

    @staticmethod
    def training_key(data_dir: Path, config: TrainConfig) -> tuple:
        """The training tensors depend on the folder, the subsets and the files themselves."""
        return (str(data_dir), config.train_subset, config.test_subset, mnist_files(data_dir))

    def training_data(
        self,
        data_dir: Path,
        config: TrainConfig,
        check_cancel: Callable[[], None] | None = None,
        on_load: Callable[[], None] | None = None,
    ) -> TrainingData:
        """MNIST as training tensors for `config`'s subsets (Retrain, Fine-tune).

        `on_load()` is called before a real load (the stage line says "Loading MNIST…");
        `check_cancel()` between the splits, the one long step the training loop's own
        cancel check does not cover. Raises `DataError`, or what `check_cancel` raises."""

        def load() -> TrainingData:
            if on_load is not None:
                on_load()
            train = self.mnist_split(data_dir, "train")
            if check_cancel is not None:
                check_cancel()
            test = self.mnist_split(data_dir, "test")
            if check_cancel is not None:
                check_cancel()
            return TrainingData.from_splits(train, test, config.train_subset, config.test_subset)

        return self.get_or_load(TRAINING, self.training_key(data_dir, config), load)

    # ----- the real pen digits ------------------------------------------------------------------
    def pen_digits(self, pen_file: Path) -> list:
        """The training writers' digits of `pen_file`, read once (the same list each time, so
        `model.training.replay` can cache its renders). Raises `DataError`."""
        key = (file_identity(Path(pen_file)),)
        return self.get_or_load(
            PEN_DIGITS, key, lambda: training_writers(load_pen_digits(pen_file))
        )

    @staticmethod
    def pen_key(pen_file: Path, config: TrainConfig) -> tuple:
        """A drawn pool depends on the file, the number of variants, the seed and the subset."""
        return (
            file_identity(Path(pen_file)),
            config.pen_variants,
            config.seed,
            config.train_subset,
        )

    def pen_pool(
        self, key: tuple, draw: Callable[[], tuple[torch.Tensor, torch.Tensor]]
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """The drawn pen-digit pool (images, labels) for `key`, drawn by `draw()` on a miss."""
        return self.get_or_load(PEN_POOL, key, draw)


#: The application's one data cache (the app context hands it to the features).
DATA_CACHE = DataCache()
