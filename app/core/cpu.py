"""How many CPU threads a retrain should use: the cores other processes leave idle."""

from __future__ import annotations

import os
import time


def training_threads() -> int:
    """The cores other processes leave idle, at least one.

    On a quiet 2-core machine two threads train ~30% faster than one. But when another
    process is computing, torch's OpenMP threads wait on each other at every operation and an
    epoch becomes 2-3x slower than with a single thread (measured: 47 s against 19 s).
    """
    cores = os.cpu_count() or 1
    busy = busy_cores_elsewhere()
    if busy is None:
        return cores
    taken = int(busy + 0.25)  # a core counts as taken when it is at least 75% busy
    return max(1, min(cores, cores - taken))


def busy_cores_elsewhere(sample: float = 0.25) -> float | None:
    """Cores used by other processes right now: /proc/stat over `sample` seconds minus this
    process's own use (the GUI may be busy for a moment; it yields to training). Elsewhere than
    Linux, the load average; None when neither is known."""
    try:
        first, own, wall = _cpu_times(), _own_cpu(), time.perf_counter()
        time.sleep(sample)
        second = _cpu_times()
        own = _own_cpu() - own
        wall = time.perf_counter() - wall
    except (OSError, ValueError, IndexError):
        try:
            return os.getloadavg()[0]
        except (AttributeError, OSError):
            return None
    total = second[1] - first[1]
    if total <= 0 or wall <= 0:
        return 0.0
    busy = (1.0 - (second[0] - first[0]) / total) * (os.cpu_count() or 1)
    return max(0.0, busy - own / wall)


def _cpu_times() -> tuple[int, int]:
    """(idle, total) jiffies of all CPUs, from the first line of /proc/stat."""
    with open("/proc/stat", encoding="ascii") as fh:
        values = [int(v) for v in fh.readline().split()[1:9]]
    return values[3] + values[4], sum(values)


def _own_cpu() -> float:
    """CPU seconds this process has used (all threads)."""
    t = os.times()
    return t.user + t.system
