"""A save into a read-only place says what happened (issue 20, item 7: the message named a
temporary file that was never created)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from model.data.collection import Collection
from model.errors import SaveError
from model.files.atomic import atomic_write_bytes

ONE = [[(140.0, 40.0), (140.0, 240.0)]]


@pytest.fixture
def read_only_fs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`tmp_path/ro` behaves as on a read-only mount: creating or removing anything in it
    fails with EROFS (even removing a file that is not there), reading works."""
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "old.json").write_bytes(b"old")
    real_open, real_unlink, real_mkdir = os.open, os.unlink, os.mkdir

    def inside(path: object) -> bool:
        return Path(os.fsdecode(path)).resolve().is_relative_to(folder.resolve())

    def ro_open(path, flags, *args, **kwargs):
        if inside(path) and flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    def ro_unlink(path, *args, **kwargs):
        if inside(path):
            raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))
        return real_unlink(path, *args, **kwargs)

    def ro_mkdir(path, *args, **kwargs):
        if inside(path):
            raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", ro_open)
    monkeypatch.setattr(os, "unlink", ro_unlink)
    monkeypatch.setattr(os, "mkdir", ro_mkdir)
    return folder


def _says_read_only(message: str, folder: Path) -> None:
    assert "read-only" in message and str(folder) in message, message
    assert ".tmp" not in message and "temporary" not in message, message


@pytest.mark.parametrize("name", ["new.json", "old.json"])
def test_atomic_save_on_a_read_only_file_system(read_only_fs: Path, name: str) -> None:
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(read_only_fs / name, b"new")
    _says_read_only(str(info.value), read_only_fs)
    assert str(info.value).startswith(str(read_only_fs / name))
    assert (read_only_fs / "old.json").read_bytes() == b"old"


def test_keeping_a_drawing_on_a_read_only_file_system(read_only_fs: Path) -> None:
    collection = Collection.open(read_only_fs / "collection.json")
    with pytest.raises(SaveError) as info:
        collection.keep(ONE, 1)
    _says_read_only(str(info.value), read_only_fs)
    assert len(collection) == 0
    nested = Collection.open(read_only_fs / "lenet-lens" / "collection.json")
    with pytest.raises(SaveError) as info:
        nested.keep(ONE, 1)
    _says_read_only(str(info.value), read_only_fs)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_without_write_permission_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="no permission to write in the folder") as info:
            atomic_write_bytes(folder / "x.json", b"x")
        assert ".tmp" not in str(info.value)
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", ["new.pt", "old.json", "sub/new.pt"])
def test_training_refuses_a_read_only_output_before_training(
    read_only_fs: Path, name: str, capsys: pytest.CaptureFixture
) -> None:
    """Issue 19, item 5: the output folder is checked for writing before any training (the
    check used to pass a read-only folder and the save failed after the epochs)."""
    from model.cli import common as cli
    from model.cli import train

    out = read_only_fs / name
    argv = ["--epochs", "1", "--data-dir", str(read_only_fs / "no-data"), "--out", str(out)]
    assert cli.run(train.main, argv) == 1  # no data either: the output is checked first
    err = capsys.readouterr().err
    assert "nothing trained" in err and "Traceback" not in err
    _says_read_only(err, read_only_fs)
