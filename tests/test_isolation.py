"""The test suite never touches the developer's own folders and never downloads MNIST."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from model.files.user_dirs import user_cache_dir, user_data_dir, user_state_dir

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def _under(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def test_every_per_user_folder_is_a_private_temporary_one(tmp_path_factory) -> None:
    base = tmp_path_factory.getbasetemp()
    for var in XDG:
        assert var in os.environ and _under(Path(os.environ[var]), base), var
    for folder in (user_data_dir(), user_cache_dir(), user_state_dir()):
        assert _under(folder, base) and not _under(folder, Path.home() / ".local")


_seen: dict[str, str] = {}


@pytest.mark.parametrize("turn", [1, 2])
def test_each_test_gets_fresh_folders(turn: int) -> None:
    """A file a test keeps in its data folder is not there for the next test."""
    data = os.environ["XDG_DATA_HOME"]
    if turn == 1:
        _seen["data"] = data
        (Path(data) / "left-behind").write_text("x")
    else:
        assert data != _seen["data"]
        assert not (Path(data) / "left-behind").exists()


def test_a_missing_mnist_is_never_downloaded(tmp_path: Path, monkeypatch) -> None:
    from tests import mnist_source

    def no_network(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the tests tried to download MNIST")

    monkeypatch.setattr("model.data.fetch.fetch_bytes", no_network)
    monkeypatch.setattr("model.data.mnist.fetch_bytes", no_network)
    empty = [tmp_path / "none"]
    with pytest.raises(pytest.skip.Exception, match="LENET_LENS_DATA"):
        mnist_source.mnist_dir_or_skip(require=False, candidates=empty)
    with pytest.raises(pytest.fail.Exception, match="LENET_LENS_DATA"):
        mnist_source.mnist_dir_or_skip(require=True, candidates=empty)
    assert not any((tmp_path / "none").parent.rglob("*.gz"))
