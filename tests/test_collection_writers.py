"""Two writers of one collection never lose a kept drawing (issue 20, item 5: two processes
keeping 40 drawings each at once kept only 46 of 80; the last rename won)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.data.collection import Collection, read_collection
from model.errors import SaveError
from model.files.lock import FileLock

ROOT = Path(__file__).resolve().parents[1]
EACH = 40

#: Keeps EACH distinct drawings, one save each, as soon as the "go" file appears.
CHILD = """
import sys, time
from pathlib import Path
from model.data.collection import Collection
path, who, go, each = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
collection = Collection.open(path)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
for i in range(each):
    x = 20.0 + i * 5
    y = 30.0 + who * 100
    collection.keep([[(x, y), (x + 3.0, y + 60.0), (x + 1.5, y + 90.0 + who)]], i % 10)
print(len(collection), flush=True)
"""


def test_two_processes_keeping_at_once_keep_everything(tmp_path: Path) -> None:
    path = tmp_path / "collection.json"
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(who), str(go), str(EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for who in (0, 1)
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    drawings = read_collection(path)
    assert len(drawings) == 2 * EACH
    assert sorted(d.label for d in drawings) == sorted(list(range(10)) * 8)


SEVEN = [[(60.0, 60.0), (200.0, 60.0), (120.0, 230.0)], [(100.0, 140.0), (180.0, 140.0)]]
ONE = [[(140.0, 40.0), (140.0, 240.0)]]
FOUR = [[(80.0, 40.0), (60.0, 160.0), (200.0, 160.0)], [(170.0, 60.0), (170.0, 250.0)]]


def test_each_change_applies_to_what_is_on_disk(tmp_path: Path) -> None:
    """Two sessions open on one file: each change is made to the file as it is now."""
    path = tmp_path / "c.json"
    a, b = Collection.open(path), Collection.open(path)
    seven = a.keep(SEVEN, 7)
    one = b.keep(ONE, 1)  # b never saw the 7: it is kept anyway
    assert {d.id for d in read_collection(path)} == {seven.id, one.id}
    assert {d.id for d in b} == {seven.id, one.id}  # b now shows what the file holds
    a.relabel(seven.id, 9)
    a.keep(FOUR, 4)
    b.delete(one.id)
    on_disk = {d.id: d.label for d in read_collection(path)}
    assert on_disk == {seven.id: 9, a.drawings[-1].id: 4}
    assert a.undo_last_keep().label == 4
    assert {d.id for d in read_collection(path)} == {seven.id}


def test_a_lock_held_too_long_is_a_save_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    collection = Collection.open(path)
    with FileLock(path, timeout=5):
        holder = FileLock(path, timeout=0.2)
        with pytest.raises(SaveError, match=r"c\.json: .*another"):
            with holder:
                pass
        slow = Collection.open(path)
        slow.lock_timeout = 0.2
        with pytest.raises(SaveError, match=r"c\.json"):
            slow.keep(SEVEN, 7)
    assert not path.exists()  # nothing was written while the lock was held
    collection.keep(SEVEN, 7)  # released: saving works again
    assert len(read_collection(path)) == 1
