"""Shared fixtures. Qt must be told to run offscreen before any QApplication exists.

No test touches the developer's own per-user folders: the XDG data, config, cache and state
homes point at temporary folders from the start (for anything resolved at import time) and at
fresh ones for every test (`_private_user_folders`), so a drawing kept, a log written or a
setting saved by one test is never seen by the next, nor left in ~/.local. Tests that need
MNIST find it in a folder that has it; they never download it (tests/mnist_source.py).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.mnist_source import default_candidates, mnist_dir_or_skip, require_data

# Where MNIST may already be, the developer's own cache included (read, never written), looked
# up before that cache is redirected below.
_CANDIDATES = default_candidates()

XDG_HOMES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
# Before any import that might resolve a per-user folder: none of them is the developer's own.
_SESSION_HOME = tempfile.mkdtemp(prefix="lenet-lens-test-home-")
atexit.register(shutil.rmtree, _SESSION_HOME, True)
for _var in XDG_HOMES:
    os.environ[_var] = os.path.join(_SESSION_HOME, _var.lower())

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # One of several test processes (README: `pytest -n 2`): torch's thread pool on a core
        # the other worker keeps busy stalls at every operation (app/core/cpu.py measured an
        # epoch 2-3x slower than on one thread), so each worker computes on one thread.
        import torch

        torch.set_num_threads(1)
    config.addinivalue_line(
        "markers",
        "shared_window: the module's tests share one window, reset before each "
        "(tests/gui/conftest.py)",
    )


@pytest.fixture(autouse=True)
def _private_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fresh XDG data/config/cache/state homes for every test, under pytest's temporary base."""
    home = tmp_path_factory.mktemp("xdg")
    for var in XDG_HOMES:
        folder = home / var.lower()
        folder.mkdir()
        monkeypatch.setenv(var, str(folder))


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The MNIST folder ($LENET_LENS_DATA, the user cache as it was before the tests redirected
    it, or ../shared/data/mnist); skips when absent, or fails when LENET_LENS_REQUIRE_DATA=1."""
    return mnist_dir_or_skip(require_data(), _CANDIDATES)


@pytest.fixture(scope="session")
def pen_sources():
    """Every pen source (UCI and UNIPEN), read once; skips unless both are found, or fails when
    LENET_LENS_REQUIRE_DATA=1."""
    from model.data.pen_sources import load_pen_sources
    from model.data.pen_split import VALIDATION

    pens = load_pen_sources()
    if not pens.files or len({d.source for d in pens.digits(VALIDATION)}) < 2:
        message = "pen sources not found: set LENET_LENS_PEN_DATA and LENET_LENS_UNIPEN_DATA"
        if require_data():
            pytest.fail(message)
        pytest.skip(message)
    return pens


@pytest.fixture
def one_thread() -> Iterator[None]:
    """Torch on one thread for the test (`pytest.mark.usefixtures("one_thread")`): tiny networks
    run fastest so, and a busy machine's thread pool is not waited for."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
