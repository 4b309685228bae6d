"""Data sets for the insight workspace: images as the network sees them, before normalisation.

A `DataSet` holds (N, 32, 32) float32 images in [0, 1] units (ink 1, padded like LeNet-5's
input), labels (-1 where unknown) and a `key` naming its contents for caches. Images are kept
before normalisation because each checkpoint brings its own mean and std: `network_inputs`
applies them. Builders: the MNIST test set, a slice of the training set, any list of rasters
(drawings, the pen set) through the canvas's preprocessing, and a folder of image files, which
reads what it can and lists the files it could not read with the reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

from model.config import Normalization
from model.data.images import EXTENSIONS, load_image
from model.data.mnist import MnistSplit, load_split
from model.drawing.preprocess import PAD, preprocess
from model.errors import ImageReadError, NoInkError
from model.jobs import CancelCheck, ProgressCallback, check_cancel, report

UNKNOWN = -1  # the label of a sample whose true digit is not known

_NAME_LABEL = re.compile(r"^(\d)(?:$|[^0-9])")


@dataclass(frozen=True)
class DataSet:
    name: str  # for the user, e.g. "MNIST test"
    key: str  # identity of the contents, for caches
    images: np.ndarray  # (N, 32, 32) float32 in [0, 1], ink = 1
    labels: np.ndarray  # (N,) int64, UNKNOWN where not known
    sources: list[str] | None = None  # file of each sample (folder sets)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    # sets drawn from strokes: which samples the canvas's stroke check would call not a digit
    # (model/network/verdict.py `flagged_by_strokes`); None for images, which have no strokes
    stroke_flags: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def labelled(self) -> bool:
        return bool((self.labels != UNKNOWN).any())

    def network_inputs(self, normalization: Normalization) -> torch.Tensor:
        """(N, 1, 32, 32) normalised with a checkpoint's statistics."""
        x = torch.from_numpy(self.images)[:, None]
        return normalization.apply(x)


def _unit32(images: np.ndarray) -> np.ndarray:
    t = torch.from_numpy(np.ascontiguousarray(images)).float().div_(255.0)
    return F.pad(t, (PAD, PAD, PAD, PAD)).numpy()


def from_mnist(
    split: MnistSplit, name: str, key: str, start: int = 0, stop: int | None = None
) -> DataSet:
    """A slice of an MNIST split as a `DataSet`."""
    images, labels = split.images[start:stop], split.labels[start:stop]
    return DataSet(name, key, _unit32(images), labels.astype(np.int64))


def mnist_test(data_dir: str | os.PathLike | None = None) -> DataSet:
    """The 10,000 MNIST test images. Raises `DataError` if MNIST is missing."""
    return from_mnist(load_split("test", data_dir), "MNIST test", "mnist-test")


def mnist_train_slice(
    start: int = 0, stop: int = 10_000, data_dir: str | os.PathLike | None = None
) -> DataSet:
    """Training images start..stop-1 (the network has seen these: expect fewer mistakes)."""
    split = load_split("train", data_dir)
    stop = min(stop, len(split.labels))
    if not 0 <= start < stop:
        raise ValueError(f"empty slice {start}:{stop} of {len(split.labels)} training images")
    name = f"MNIST train {start}–{stop - 1}"
    return from_mnist(split, name, f"mnist-train[{start}:{stop}]", start, stop)


def from_rasters(
    name: str,
    key: str,
    rasters: Sequence[np.ndarray],
    labels: Sequence[int] | None = None,
    sources: Sequence[str] | None = None,
) -> DataSet:
    """Rasters of any size (drawings, rendered pen digits) through the canvas's preprocessing.
    Blank ones are listed as unreadable, not guessed."""
    images, kept, kept_sources, bad = [], [], [], []
    for i, raster in enumerate(rasters):
        where = sources[i] if sources is not None else f"#{i}"
        try:
            images.append(np.pad(preprocess(raster).image28, PAD))
        except NoInkError as exc:
            bad.append((where, str(exc)))
            continue
        kept.append(UNKNOWN if labels is None else int(labels[i]))
        kept_sources.append(where)
    return DataSet(
        name,
        key,
        np.stack(images).astype(np.float32) if images else np.zeros((0, 32, 32), np.float32),
        np.array(kept, dtype=np.int64),
        kept_sources if sources is not None else None,
        bad,
    )


def label_from_path(path: Path) -> int:
    """The digit a file is labelled with: its folder's name ("3/…") or the start of its name
    ("3_….png", "3-….png", "3.png"); UNKNOWN otherwise."""
    if len(path.parent.name) == 1 and path.parent.name.isdigit():
        return int(path.parent.name)
    match = _NAME_LABEL.match(path.stem)
    return int(match.group(1)) if match else UNKNOWN


def image_files(folder: Path, recursive: bool = True) -> list[Path]:
    pattern = "**/*" if recursive else "*"
    return sorted(p for p in folder.glob(pattern) if p.is_file() and p.suffix.lower() in EXTENSIONS)


def folder_dataset(
    folder: str | os.PathLike,
    recursive: bool = True,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> DataSet:
    """Every image file under `folder` (by extension) read and preprocessed like the canvas.

    Files that cannot be read, or show no ink, are skipped and listed in `unreadable` with the
    reason; labels come from `label_from_path`. Raises `ImageReadError` if `folder` is not a
    folder, `Cancelled` when asked to stop.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ImageReadError(f"{folder}: not a folder")
    files = image_files(folder, recursive)
    images, labels, sources, bad = [], [], [], []
    for i, path in enumerate(files):
        if i % 32 == 0:
            check_cancel(should_cancel, "reading the folder")
        try:
            images.append(np.pad(preprocess(load_image(path)).image28, PAD))
        except (ImageReadError, NoInkError) as exc:
            message = str(exc)
            bad.append((str(path), message if str(path) in message else f"{path}: {message}"))
        else:
            labels.append(label_from_path(path))
            sources.append(str(path))
        if (i + 1) % 32 == 0 or i + 1 == len(files):
            report(on_progress, i + 1, len(files))
    stamp = max((p.stat().st_mtime_ns for p in files), default=0)
    return DataSet(
        folder.name or str(folder),
        f"folder:{folder.resolve()}:{len(files)}:{stamp}",
        np.stack(images).astype(np.float32) if images else np.zeros((0, 32, 32), np.float32),
        np.array(labels, dtype=np.int64),
        sources,
        bad,
    )
