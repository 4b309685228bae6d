"""Shared fixtures. Qt must be told to run offscreen before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from model.mnist import FILES, find_file, resolve_data_dir  # noqa: E402

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
    """The MNIST folder; skips (or fails, when LENET_LENS_REQUIRE_DATA=1, as in CI) if absent."""
    root = _mnist_dir()
    if root is None:
        message = (
            "MNIST not found: set LENET_LENS_DATA to a folder with the four IDX files, "
            "or run `python -m model.download`"
        )
        if os.environ.get(REQUIRE_DATA_VAR) == "1":
            pytest.fail(message)
        pytest.skip(message)
    return root
