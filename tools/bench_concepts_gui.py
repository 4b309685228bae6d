"""Benchmark of the Concepts workspace (not a test): `python -m tools.bench_concepts_gui`.

Per interaction, the time from the change to every affected view updated and painted (p50 and
p95 in ms; target p95 <= 16 ms, one 60 Hz frame):

- stroke: a 200-event stroke replayed as real mouse events on the canvas while the Concepts
  workspace is shown (every concepts view follows the drawing), each event forced through the
  whole pipeline and the event loop drained (the worst case: no frame throttling). In the app
  the canvas is in the Draw workspace, whose stroke path these views are not attached to; this
  is the cost when the drawing changes under them (Clear, Open image, an undo);
- each view's own update for one drawing (`refresh()`), to see where the time goes; the shift
  view's two sweeps run once the drawing settles (40 ms without change), measured apart;
- arithmetic step, shift slider step, playground padding change: the interactive controls.

Runs offscreen unless a display platform is forced. Figures from a busy machine are provisional.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(values, 50), 2), "p95": round(percentile(values, 95), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--repeats", type=int, default=100, help="repeats per control")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent

    from app.shell.theme import themed_application
    from tests.gui.mouse import mouse, to_widget

    app = themed_application()
    from app.shell.settings import scratch_settings
    from app.shell.start import open_window

    _tmp, settings = scratch_settings()
    window = open_window(None, settings)
    window.resize(1600, 1000)
    window.show()
    window.switch_workspace("concepts")
    for _ in range(5):
        app.processEvents()
    canvas = window.canvas
    panels = {k: window.panels[k] for k in ("arithmetic", "playground", "shifts", "flatten")}

    def send(kind: QEvent.Type, x: float, y: float) -> None:
        mouse(canvas, kind, *to_widget(canvas, (x, y)))

    path = [
        (140 + 70 * math.cos(t) * (1 - t / 20), 140 + 90 * math.sin(t * 0.7) * (1 - t / 25))
        for t in (i * 0.06 for i in range(200))
    ]
    stroke = []
    send(QEvent.Type.MouseButtonPress, *path[0])
    app.processEvents()
    for x, y in path[1:]:
        start = time.perf_counter()
        send(QEvent.Type.MouseMove, x, y)
        window.session.throttle.flush()
        app.processEvents()
        stroke.append((time.perf_counter() - start) * 1000)
    send(QEvent.Type.MouseButtonRelease, *path[-1])
    window.session.throttle.flush()
    app.processEvents()

    def timed(action: Callable[[], None]) -> list[float]:
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            action()
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        return times

    results = {"stroke event, all concepts views": summary(stroke)}
    for key, panel in panels.items():
        results[f"{key} update per drawing"] = summary(timed(panel.refresh))
    shifts = panels["shifts"]
    results["shifts: both sweeps, once settled"] = summary(timed(shifts.sweep_now))
    arithmetic = panels["arithmetic"]
    arithmetic.select("C2", (3, 0, 0))
    results["arithmetic step (C2)"] = summary(timed(arithmetic.step))
    values = iter(range(10**6))
    results["shift slider step"] = summary(
        timed(lambda: shifts.slider.setValue(next(values) % 9 - 4))
    )
    playground = panels["playground"]
    playground.padding_box.setCurrentIndex(playground.padding_box.findData("number"))
    results["playground padding change"] = summary(
        timed(lambda: playground.padding_spin.setValue((playground.padding_spin.value() + 1) % 4))
    )
    window.close()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, figures in results.items():
            print(f"{name:40s} p50 {figures['p50']:7.2f} ms   p95 {figures['p95']:7.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
