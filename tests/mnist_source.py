"""Where the tests find MNIST: a folder that already has it, never a download.

A test run that fetched 11 MB from the internet when the data were missing would be slow,
flaky offline and silent about the missing setup; instead a missing MNIST skips the tests that
need it with a message saying how to provide it, or fails them when LENET_LENS_REQUIRE_DATA=1
(as in CI, where the data must be there).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from model.data.mnist import ENV_VAR, FILES, find_file, resolve_data_dir

REQUIRE_DATA_VAR = "LENET_LENS_REQUIRE_DATA"


def default_candidates() -> list[Path]:
    """$LENET_LENS_DATA (else the per-user cache), then ../shared/data/mnist of the checkout."""
    return [
        resolve_data_dir(None),
        Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mnist",
    ]


def locate_mnist(candidates: Sequence[Path]) -> Path | None:
    """The first folder holding all four IDX files, or None."""
    for root in candidates:
        if all(find_file(root, spec) for spec in FILES.values()):
            return root
    return None


def mnist_dir_or_skip(require: bool, candidates: Sequence[Path] | None = None) -> Path:
    """The MNIST folder; else skip (or fail when `require`) saying how to provide it."""
    searched = list(candidates) if candidates is not None else default_candidates()
    root = locate_mnist(searched)
    if root is not None:
        return root
    message = (
        f"MNIST not found (looked in {', '.join(str(p) for p in searched)}); the tests never "
        f"download it. Set {ENV_VAR} to a folder with the four IDX files, or fetch them once "
        "with `python -m model.cli.get_mnist`"
    )
    if require:
        pytest.fail(message + f" ({REQUIRE_DATA_VAR}=1: the data must be there)")
    pytest.skip(message)


def require_data() -> bool:
    return os.environ.get(REQUIRE_DATA_VAR) == "1"
