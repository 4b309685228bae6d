"""Where the shipped weights live, in a source checkout and in an installed package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED_NAME = "lenet5.pt"


def shipped_weights_path() -> Path:
    """`weights/lenet5.pt` of the checkout, or the copy installed as `model/shipped/`."""
    installed = Path(str(resources.files("model"))) / "shipped" / SHIPPED_NAME
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "weights" / SHIPPED_NAME
