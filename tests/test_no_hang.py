"""Every reader in model/ refuses a FIFO, a device or a folder at once instead of blocking on it
(issue 20, item 3: `python -m model.cli.finetune --unipen FIFO` hung forever on a plain open)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from model.data.collection import read_collection
from model.data.collection_import import drawings_from_unipen
from model.data.idx import read_idx
from model.data.images import load_image
from model.data.pen_digits import load_pen_digits
from model.data.unipen_text import read_unipen
from model.errors import LeNetLensError
from model.files.checkpoint import load_checkpoint

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")

ROOT = Path(__file__).resolve().parents[1]
#: How long a refusal may take before the test calls it a hang: generous, a busy CI machine
#: answers in milliseconds; a blocked open never answers at all.
HANG = 60.0

READERS: dict[str, Callable[[Path], object]] = {
    "unipen": read_unipen,
    "unipen import": drawings_from_unipen,
    "pen digits": lambda p: load_pen_digits(p, verify=False),
    "image": load_image,
    "idx": read_idx,
    "collection": read_collection,
    "checkpoint": load_checkpoint,
}


def _refusal(reader: Callable[[Path], object], path: Path) -> BaseException | None:
    """What `reader(path)` raised, unblocking the FIFO (writer side) if it was left waiting."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            reader(path)
            outcome.append(None)
        except BaseException as exc:  # reported to the test below
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG)
    if thread.is_alive():  # blocked in open(): let it go, then fail
        if path.exists() and not path.is_dir():
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        thread.join(HANG)
        pytest.fail(f"{path}: the reader blocked instead of refusing a non-regular file")
    return outcome[0]


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_non_regular_files_are_refused_at_once(tmp_path: Path, reader: str, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "input.tra"
        os.mkfifo(path)
    elif kind == "directory":
        path = tmp_path / "folder.tra"
        path.mkdir()
    else:
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero")
    error = _refusal(READERS[reader], path)
    assert isinstance(error, LeNetLensError), error
    assert str(path) in str(error) and "not a regular file" in str(error)


def test_finetune_cli_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "digits.tra"
    os.mkfifo(fifo)
    cmd = [sys.executable, "-m", "model.cli.finetune", "--unipen", str(fifo), "--out"]
    cmd.append(str(tmp_path / "out.pt"))
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=HANG * 2)
    except subprocess.TimeoutExpired:
        pytest.fail("`model.cli.finetune --unipen FIFO` hung")
    assert done.returncode != 0
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.pt").exists()


def test_a_path_with_a_nul_byte_is_refused_with_the_readers_error(tmp_path: Path) -> None:
    """os.stat raises ValueError for a NUL byte: the caller's fallback (e.g. to the shipped
    weights) only runs for the project's own errors, so the reader must say it in one."""
    from model.errors import CheckpointError
    from model.files.bounded import open_regular

    with pytest.raises(CheckpointError, match="NUL byte"):
        open_regular(str(tmp_path / "bad\0name.pt"), CheckpointError, "weights file")
