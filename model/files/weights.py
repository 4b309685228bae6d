"""Where the shipped weights live, in a source checkout and in an installed package, and where
training writes by default."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from model.files.user_dirs import user_data_dir

SHIPPED_NAME = "lenet5.pt"
AVG_POOL_NAME = "lenet5_avg.pt"  # LeNet-5 with average pooling, for the max-vs-avg comparison
FLAT_NAME = "mlp.pt"  # the fully-connected network of "why not flatten" (model/network/flat.py)
CHECKOUT_WEIGHTS = Path(__file__).resolve().parents[2] / "weights"  # model/files/ -> root


def shipped_weights_path(name: str = SHIPPED_NAME) -> Path:
    """`weights/<name>` of the checkout, or the copy installed as `model/shipped/`
    (default: the LeNet-5 the app starts with; also `AVG_POOL_NAME`, `FLAT_NAME`)."""
    installed = Path(str(resources.files("model"))) / "shipped" / name
    if installed.is_file():
        return installed
    return CHECKOUT_WEIGHTS / name


def user_weights_dir() -> Path:
    """A per-user folder for trained weights (never inside an installed package)."""
    return user_data_dir() / "weights"


def default_training_output() -> Path:
    """A per-user file, from a checkout as when installed: a training run never overwrites the
    shipped weights unless told to (`--out weights/lenet5.pt`, as the README's command does),
    and never writes into site-packages."""
    return user_weights_dir() / SHIPPED_NAME
