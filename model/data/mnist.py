"""MNIST: where it lives, loading it with checks, and fetching it from the public mirrors.

The data directory is, in order: an explicit argument (`--data-dir`), the environment variable
`LENET_LENS_DATA`, else a per-user cache directory. Each of the four files may be `.gz` or raw;
its decompressed bytes must have the canonical sha256, which holds for every faithful copy
whatever the gzip settings that compressed it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from model.data.fetch import fetch_bytes
from model.data.idx import idx_size, parse_idx, read_idx
from model.errors import DataError, DownloadError, MnistDownloadError, MnistError, SaveError
from model.files.atomic import atomic_write_bytes
from model.files.bounded import decompress_gzip
from model.files.user_dirs import user_cache_dir

ENV_VAR = "LENET_LENS_DATA"


@dataclass(frozen=True)
class MnistFile:
    name: str  # decompressed file name
    sha256: str  # of the decompressed bytes
    shape: tuple[int, ...]


FILES = {
    "train_images": MnistFile(
        "train-images-idx3-ubyte",
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        (60000, 28, 28),
    ),
    "train_labels": MnistFile(
        "train-labels-idx1-ubyte",
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        (60000,),
    ),
    "test_images": MnistFile(
        "t10k-images-idx3-ubyte",
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        (10000, 28, 28),
    ),
    "test_labels": MnistFile(
        "t10k-labels-idx1-ubyte",
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
        (10000,),
    ),
}

MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)


@dataclass(frozen=True)
class MnistSplit:
    images: np.ndarray  # (N, 28, 28) uint8, 0 background, 255 ink
    labels: np.ndarray  # (N,) int64


def default_data_dir() -> Path:
    """The per-user cache directory (XDG on Linux, the usual places elsewhere)."""
    return user_cache_dir() / "mnist"


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """Explicit argument, else $LENET_LENS_DATA, else the per-user cache directory."""
    if data_dir:
        return Path(data_dir).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return default_data_dir()


def find_file(data_dir: Path, spec: MnistFile) -> Path | None:
    for candidate in (data_dir / f"{spec.name}.gz", data_dir / spec.name):
        if candidate.is_file():
            return candidate
    return None


def missing_files(data_dir: Path) -> list[str]:
    return [spec.name for spec in FILES.values() if find_file(data_dir, spec) is None]


def missing_data_message(data_dir: Path) -> str:
    names = ", ".join(f"{spec.name}.gz" for spec in FILES.values())
    return (
        f"MNIST not found in {data_dir}. Put the four IDX files ({names}) there, "
        f"point --data-dir or ${ENV_VAR} at a folder that has them, "
        "or download them (python -m model.cli.get_mnist)."
    )


def _load_file(data_dir: Path, key: str) -> np.ndarray:
    spec = FILES[key]
    path = find_file(data_dir, spec)
    if path is None:
        raise MnistError(missing_data_message(data_dir), reason="mnist.missing", path=data_dir)
    try:
        array = read_idx(path, sha256=spec.sha256, max_bytes=idx_size(spec.shape))
    except MnistError:
        raise
    except DataError as exc:  # the IDX reader knows no data set: say which one failed
        raise MnistError(str(exc), **exc.details()) from None
    if array.shape != spec.shape:
        raise MnistError(
            f"{path}: expected shape {spec.shape}, found {array.shape}",
            reason="data.wrong_size",
            path=path,
        )
    return array


def load_split(split: str, data_dir: str | os.PathLike | None = None) -> MnistSplit:
    """Load 'train' or 'test', verified against the canonical checksums."""
    if split not in ("train", "test"):
        raise ValueError("split must be 'train' or 'test'")
    root = resolve_data_dir(data_dir)
    images = _load_file(root, f"{split}_images")
    labels = _load_file(root, f"{split}_labels").astype(np.int64)
    return MnistSplit(images.copy(), labels)  # copy: frombuffer arrays are read-only


ProgressFn = Callable[[str, int, int], None]  # (file name, bytes done, bytes total or 0)
CancelFn = Callable[[], bool]


def download(
    data_dir: str | os.PathLike | None = None,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    mirrors: tuple[str, ...] = MIRRORS,
    timeout: float = 30.0,
) -> Path:
    """Fetch the missing MNIST files, verify them, and write each atomically as `.gz`."""
    root = resolve_data_dir(data_dir)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MnistDownloadError(
            f"{root}: cannot create the data directory ({exc})",
            reason="download.no_folder",
            path=root,
        ) from None
    for spec in FILES.values():
        if find_file(root, spec) is not None:
            continue
        errors = []
        for mirror in mirrors:
            url = f"{mirror}{spec.name}.gz"
            try:
                cap = idx_size(spec.shape) + (1 << 20)  # gzip never makes MNIST larger
                payload = _fetch(url, spec.name, progress, should_cancel, timeout, cap)
                data = _decompress(payload, url, idx_size(spec.shape))
                if hashlib.sha256(data).hexdigest() != spec.sha256:
                    raise DownloadError(
                        f"{url}: checksum mismatch", reason="download.checksum", path=url
                    )
                parse_idx(data, url)
            except DataError as exc:  # a cancel (Cancelled) is not one: it ends the loop
                errors.append(str(exc))
                continue
            try:
                atomic_write_bytes(root / f"{spec.name}.gz", payload)
            except SaveError as exc:
                raise MnistDownloadError(str(exc), **exc.details()) from None
            break
        else:
            raise MnistDownloadError(
                f"could not download {spec.name}: "
                + "; ".join(errors)
                + ". "
                + missing_data_message(root),
                reason="mnist.download_failed",
                path=f"{spec.name}.gz",
            )
    return root


def _decompress(payload: bytes, url: str, max_bytes: int) -> bytes:
    return decompress_gzip(payload, max_bytes, url, DownloadError)


def _fetch(
    url: str,
    name: str,
    progress: ProgressFn | None,
    should_cancel: CancelFn | None,
    timeout: float,
    max_bytes: int,
) -> bytes:
    report = (lambda done, total: progress(name, done, total)) if progress else None
    return fetch_bytes(url, max_bytes, report, should_cancel, timeout)
