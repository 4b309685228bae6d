"""Nothing lost: a process killed (SIGKILL) while saving the collection leaves the file as the
old or the new complete version, never a mix, a truncation or nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.data.collection import Collection, read_collection

ROUNDS = 50
ROOT = Path(__file__).resolve().parents[1]

#: Saves alternately a collection of `a` and of `b` drawings, forever, as fast as it can;
#: big enough (a few hundred kB) that a kill often lands mid-write.
CHILD = """
import sys
import numpy as np
from model.data.collection import make_drawing, write_collection
path, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(a)
pool = [make_drawing([rng.uniform(10, 270, (60, 2))], i % 10) for i in range(max(a, b))]
print("ready", flush=True)
while True:
    write_collection(path, pool[:a])
    write_collection(path, pool[:b])
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_during_save_leaves_old_or_new_complete_file(tmp_path):
    path = tmp_path / "collection.json"
    a, b = 150, 210
    rng = random.Random(0)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = set()
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(a), str(b)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if not path.exists():  # killed before its first save ever finished
            continue
        count = len(read_collection(path))  # raises on any partial file
        assert count in (a, b)
        seen.add(count)
    assert seen, "no save ever finished: the test measured nothing"
    assert len(Collection.open(path)) in (a, b)
    kept = ("collection.json", "collection.json.lock")  # the lock file (empty) stays, by design
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in kept]
    Collection.open(path).keep([[(1.0, 1.0), (50.0, 50.0)]], 1)  # a save cleans dead temps
    assert [p.name for p in tmp_path.iterdir() if p.name not in kept] == [], leftovers
