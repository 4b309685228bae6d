"""Benchmarks of the window (not tests): `python -m tools.bench [--weights FILE] [--json]`,
or `python -m tools.bench --preset NAME [--preset NAME ...]` (`--preset all`: every preset of
the architecture lab, plus "caps", a design at the caps: 64 maps of 28x28 in C1, 1.96 M
multiply-adds) for the stroke latency with that design as the active network.

- latency: a 200-event stroke replayed as real mouse events; per event, the time from sending
  the event to the prediction done and every panel repainted (no throttling: each event is
  forced through the whole pipeline, the worst case). Target p95 <= 16 ms (one 60 Hz frame).
- start-up: a fresh `python -m app`-like process, from launch to the first painted window.
  Target <= 3 s.
- memory: resident set size after 100 and after 1,000 draw/clear cycles; no growth expected.

With `--preset`, each design gets random weights (seeded) and is made active as Retrain's
"Use" makes a network active, so every panel lays out that design; only the stroke latency is
measured, one row per design (the shipped weights first, for reference).

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display platform is forced.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTUP_PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from app.shell.theme import themed_application
app = themed_application()
from app.shell.start import open_window
from app.shell.settings import scratch_settings
tmp, settings = scratch_settings()
window = open_window(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None, settings)

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False

probe = Painted()
window.canvas.installEventFilter(probe)
window.show()
app.exec()
"""


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def measure_startup(weights: str | None, runs: int = 3) -> list[float]:
    """Seconds from launching a fresh interpreter to the window's first paint event.

    Timed at the child's "painted" line, so interpreter shutdown is not counted.
    """
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", STARTUP_PROBE, weights or ""],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait()
        if line.strip() != "painted":
            raise RuntimeError("start-up probe failed")
        times.append(elapsed)
    return times


def caps_design():
    """A design at the caps for the panels: 64 maps in C1 (the most the lab allows), 1.96 M
    multiply-adds of the 2 M allowed."""
    from model.network.architecture import Architecture, ConvStage, Dense, Pooling

    pool = Pooling("max", 2, 2)
    return Architecture(
        stages=(
            ConvStage(64, 5, "valid", 1, "relu", pool),
            ConvStage(8, 3, "valid", 1, "relu", pool),
        ),
        dense=(Dense(120), Dense(84)),
    )


def designed_predictor(name: str):
    """A random-weight network of preset `name` (or "caps"), as the lab would hand it over."""
    import torch

    from model.config import Normalization
    from model.files.checkpoint import Checkpoint
    from model.network.architecture import preset
    from model.network.builder import build
    from model.network.inference import Predictor

    torch.manual_seed(0)
    design = caps_design() if name == "caps" else preset(name)
    return Predictor(Checkpoint(build(design).eval(), Normalization()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", help="weights file (default: the shipped weights)")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--cycles", type=int, default=1000, help="draw/clear cycles")
    parser.add_argument(
        "--preset",
        action="append",
        default=[],
        metavar="NAME",
        help="stroke latency with this design active (random weights); repeat, or 'all'",
    )
    args = parser.parse_args(argv)
    presets: list[str] = []
    for name in args.preset:
        if name == "all":
            from model.network.architecture import PRESETS

            presets += [*PRESETS, "caps"]
        else:
            presets.append(name)

    from PySide6.QtCore import QEvent

    from app.shell.theme import themed_application
    from tests.gui.mouse import mouse, to_widget

    app = themed_application()
    from app.shell.settings import scratch_settings
    from app.shell.start import open_window

    tmp, settings = scratch_settings()
    window = open_window(args.weights, settings)
    window.resize(1600, 1000)
    window.show()
    from app.core.long_lived import settle_long_lived

    settle_long_lived()  # as the app's start does
    for _ in range(5):
        app.processEvents()
    canvas = window.canvas

    def send(kind: QEvent.Type, x: float, y: float) -> None:
        mouse(canvas, kind, *to_widget(canvas, (x, y)))  # tests/gui/mouse.py: one real event

    # a 200-event stroke: a looping "2"-ish path across the canvas
    import math

    path = [
        (140 + 70 * math.cos(t) * (1 - t / 20), 140 + 90 * math.sin(t * 0.7) * (1 - t / 25))
        for t in (i * 0.06 for i in range(200))
    ]

    def replay(full_repaint: bool) -> list[float]:
        """Per-event ms: event -> prediction -> panels updated -> painted.

        full_repaint=False paints what the update marked dirty (as the event loop does);
        True repaints the whole window every event (an upper bound).
        """
        latencies = []
        send(QEvent.Type.MouseButtonPress, *path[0])
        app.processEvents()
        for x, y in path[1:]:
            start = time.perf_counter()
            send(QEvent.Type.MouseMove, x, y)
            window.session.throttle.flush()  # prediction + every panel's setImage, without waiting
            if full_repaint:
                window.repaint()
            else:
                app.processEvents()  # the posted update requests: every changed panel paints
            latencies.append((time.perf_counter() - start) * 1000)
        send(QEvent.Type.MouseButtonRelease, *path[-1])
        window.session.throttle.flush()
        window.context.drawing.clear()
        window.session.throttle.flush()
        app.processEvents()
        return latencies

    if presets:
        return preset_table(window, presets, replay, args.json)

    replay(False)  # warm-up
    latencies = replay(False)
    full = replay(True)

    # memory over draw/clear cycles
    short = path[:12]
    marks = {}
    for cycle in range(1, args.cycles + 1):
        send(QEvent.Type.MouseButtonPress, *short[0])
        for p in short[1:]:
            send(QEvent.Type.MouseMove, *p)
        send(QEvent.Type.MouseButtonRelease, *short[-1])
        window.session.throttle.flush()
        app.processEvents()
        window.context.drawing.clear()
        window.session.throttle.flush()
        app.processEvents()
        if cycle in (100, args.cycles):
            marks[cycle] = rss_mb()
    window.close()

    startup = measure_startup(args.weights)
    report = {
        "stroke_events": len(latencies),
        "latency_ms_p50": round(percentile(latencies, 50), 2),
        "latency_ms_p95": round(percentile(latencies, 95), 2),
        "latency_ms_max": round(max(latencies), 2),
        "full_repaint_latency_ms_p50": round(percentile(full, 50), 2),
        "full_repaint_latency_ms_p95": round(percentile(full, 95), 2),
        "startup_s": [round(t, 2) for t in startup],
        "startup_s_median": round(sorted(startup)[len(startup) // 2], 2),
        "rss_mb_after_100_cycles": round(marks[100], 1),
        f"rss_mb_after_{args.cycles}_cycles": round(marks[args.cycles], 1),
        "rss_growth_mb": round(marks[args.cycles] - marks[100], 1),
        "platform": os.environ["QT_QPA_PLATFORM"],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{'measure':36s} {'value':>12s}  target")
        print(f"{'stroke latency p50 (ms)':36s} {report['latency_ms_p50']:12.2f}")
        print(f"{'stroke latency p95 (ms)':36s} {report['latency_ms_p95']:12.2f}  <= 16")
        print(
            f"{'start-up to first paint (s, median)':36s} {report['startup_s_median']:12.2f}  <= 3"
        )
        print(f"{'RSS after 100 cycles (MB)':36s} {report['rss_mb_after_100_cycles']:12.1f}")
        last = report[f"rss_mb_after_{args.cycles}_cycles"]
        print(f"{f'RSS after {args.cycles} cycles (MB)':36s} {last:12.1f}  no growth")
        print(json.dumps(report))
    return 0


def preset_table(window, presets: list[str], replay, as_json: bool) -> int:
    """Stroke latency with each design active: one row per design, the shipped one first."""
    from model.network.architecture import multiply_adds

    rows = {}
    for name in ["shipped", *presets]:
        if name != "shipped":
            window.context.session.set_predictor(designed_predictor(name), label=name)
        replay(False)  # warm-up: the panels' items for this design are built by now
        latencies = replay(False)
        rows[name] = {
            "p50": round(percentile(latencies, 50), 2),
            "p95": round(percentile(latencies, 95), 2),
            "max": round(max(latencies), 2),
            "macs": multiply_adds(window.session.predictor.architecture),
        }
    window.close()
    report = {"stroke_events": len(latencies), "presets": rows, "cpus": os.cpu_count()}
    if as_json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'design':22s} {'MACs':>10s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}  target p95")
    for name, row in rows.items():
        print(
            f"{name:22s} {row['macs']:10,d} {row['p50']:8.2f} {row['p95']:8.2f} "
            f"{row['max']:8.2f}  <= 16"
        )
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
