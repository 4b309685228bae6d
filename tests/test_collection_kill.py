"""Nothing lost: a process killed (SIGKILL) while saving the collection leaves the file as the
old or the new complete version, never a mix, a truncation or nothing.

One driver process imports the collection code once and, each round, forks a writer and kills it
at a random moment; the test reads the file after every kill. A fresh interpreter per kill (as
this test once started) cost about 0.6 s of imports each, 35 s in all; a fork costs milliseconds,
and the writer it kills is a real process saving through the same code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.data.collection import Collection, read_collection

ROUNDS = 50
ROOT = Path(__file__).resolve().parents[1]

#: Each round: fork a writer that saves alternately a collection of `a` and of `b` drawings,
#: forever, as fast as it can (big enough, a few hundred kB, that a kill often lands mid-write);
#: SIGKILL it after a random wait, say "killed" and wait for the test's "next".
DRIVER = """
import os, random, signal, sys, time
import numpy as np
from model.data.collection import make_drawing, write_collection
path, a, b, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(a)
pool = [make_drawing([rng.uniform(10, 270, (60, 2))], i % 10) for i in range(max(a, b))]
wait = random.Random(0)
for _ in range(rounds):
    pid = os.fork()
    if pid == 0:
        while True:
            write_collection(path, pool[:a])
            write_collection(path, pool[:b])
    time.sleep(wait.uniform(0.0, 0.15))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print("killed", flush=True)
    if sys.stdin.readline().strip() != "next":
        break
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL and fork are POSIX")
def test_kill_during_save_leaves_old_or_new_complete_file(tmp_path):
    path = tmp_path / "collection.json"
    a, b = 150, 210
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = set()
    driver = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(path), str(a), str(b), str(ROUNDS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        for _ in range(ROUNDS):
            assert driver.stdout.readline().strip() == "killed"
            if path.exists():  # else killed before its first save ever finished
                count = len(read_collection(path))  # raises on any partial file
                assert count in (a, b)
                seen.add(count)
            driver.stdin.write("next\n")
            driver.stdin.flush()
        assert driver.wait(timeout=60) == 0
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
        driver.stdin.close()
        driver.stdout.close()
    assert seen, "no save ever finished: the test measured nothing"
    assert len(Collection.open(path)) in (a, b)
    kept = ("collection.json", "collection.json.lock")  # the lock file (empty) stays, by design
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in kept]
    Collection.open(path).keep([[(1.0, 1.0), (50.0, 50.0)]], 1)  # a save cleans dead temps
    assert [p.name for p in tmp_path.iterdir() if p.name not in kept] == [], leftovers
