"""Shared fixtures. Qt must be told to run offscreen before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's log file goes to the per-user state folder: never the developer's own during tests.
os.environ["XDG_STATE_HOME"] = __import__("tempfile").mkdtemp(prefix="lenet-lens-state-")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from model.data.mnist import FILES, download, find_file, resolve_data_dir  # noqa: E402
from model.errors import DataError  # noqa: E402

REQUIRE_DATA_VAR = "LENET_LENS_REQUIRE_DATA"


def _mnist_dir() -> Path | None:
    candidates = [
        resolve_data_dir(None),
        Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mnist",
    ]
    for root in candidates:
        if all(find_file(root, spec) for spec in FILES.values()):
            return root
    return None


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The MNIST folder, fetched into the user cache if absent and reachable.

    Skips when it is absent and cannot be fetched, or fails instead when
    LENET_LENS_REQUIRE_DATA=1 (as in CI, where the data must be there).
    """
    root = _mnist_dir()
    if root is None:
        try:
            root = download(resolve_data_dir(None), timeout=10)
        except DataError as exc:
            message = (
                f"MNIST not available ({exc}). Set LENET_LENS_DATA to a folder with the four "
                "IDX files, or run `python -m model.cli.get_mnist` where the internet is reachable"
            )
            if os.environ.get(REQUIRE_DATA_VAR) == "1":
                pytest.fail(message)
            pytest.skip(message)
    return root
