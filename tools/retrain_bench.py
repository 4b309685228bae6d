"""Benchmark of Training ▸ Retrain… on the real window, offscreen: `python -m tools.retrain_bench`.

Measures what issue 4 promises on a small machine:
  1. one epoch with augmentation, started from the menu (target <= 15 s, data loading included);
  2. the GUI event loop's stalls meanwhile: a 10 ms QTimer's lateness, p95 (target <= 50 ms);
  3. a full retrain with the dialog's default settings (target <= 60 s and >= 99.0% test accuracy);
  4. how fast a run stops: Cancel to the run's end (target <= 1 s), and closing the window
     mid-training until the training thread has stopped (target <= 2 s).
These are measurements to report, not tests: they depend on the machine and its load (the
tests check that Cancel and closing stop the run, with no time bound). On a
shared, busy machine wall time says little, so each run also reports the process's CPU time
(every thread, the GUI's included) and the load average: with the run's training threads all
busy, an idle machine with that many cores would take about CPU time / threads for the parallel
training and the full CPU time for the one-threaded parts (loading, drawing, calibrating), so
the estimate printed is prepare CPU + train CPU / threads + finish CPU.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtGui import QAction

from app.core.long_lived import settle_long_lived
from app.shell.theme import themed_application
from model.config import QUICK_RETRAIN, Normalization, TrainConfig
from model.data.mnist import FILES, find_file, resolve_data_dir
from model.files.checkpoint import Checkpoint, save_checkpoint
from model.files.weights import shipped_weights_path
from model.network.lenet import LeNet5

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow

TICK_MS = 10


class StallProbe:
    """A 10 ms timer whose lateness is the time the GUI thread could not respond."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self._last = self.clock.nsecsElapsed()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6 - TICK_MS)
        self._last = now

    def percentile(self, q: float) -> float:
        return float(np.percentile(self.gaps, q)) if self.gaps else float("nan")


def find_data(explicit: str | None) -> Path:
    candidates = [Path(explicit)] if explicit else []
    candidates += [
        resolve_data_dir(None),
        Path(__file__).resolve().parents[3] / "shared/data/mnist",
    ]
    for root in candidates:
        if all(find_file(root, spec) for spec in FILES.values()):
            return root
    sys.exit("MNIST not found: pass --data-dir or set LENET_LENS_DATA")


def make_window(workdir: Path) -> MainWindow:
    from app.shell.start import open_window

    weights = shipped_weights_path()
    if not weights.is_file():  # a source checkout before the weights are trained
        weights = workdir / "untrained.pt"
        save_checkpoint(Checkpoint(LeNet5(), Normalization(), {}), weights)
    settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(weights, settings)
    window.show()
    settle_long_lived()  # as the app's start does
    return window


def retrain(
    window: MainWindow,
    data_dir: Path,
    config: TrainConfig,
    probe: StallProbe,
    threads: int | None = None,
    cold: bool = True,
) -> dict:
    """Open the dialog from the menu, train, and time it while probing the event loop."""
    from app.core.data_cache import DATA_CACHE
    from app.retrain.dialog import RetrainDialog

    if cold:
        DATA_CACHE.clear()  # a first run: loading and restyling MNIST included
    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    dialog.data_folder.set_folder(data_dir)
    if threads is not None:
        dialog.torch_threads = threads
    dialog.form.set_config(config, dialog.form.model_config())
    loop = QEventLoop()
    ended: list[str] = []
    dialog.run_ended.connect(lambda kind: (ended.append(kind), loop.quit()))
    marks: dict[str, tuple[float, float]] = {}  # stage -> (wall, CPU) when it first began

    def stage(text: str) -> None:
        name = (
            "training"
            if text.startswith("Training on")
            else "finishing"
            if ("Calibrating" in text or "Evaluating" in text)
            else None
        )
        if name and name not in marks:
            marks[name] = (time.perf_counter(), time.process_time())

    dialog.run.stage.connect(stage)
    probe.start()
    start, cpu_start = time.perf_counter(), time.process_time()
    dialog.train_button.click()
    loop.exec()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    probe.stop()
    dialog.run.stage.disconnect(stage)
    outcome = dialog.outcome
    end = (start + seconds, cpu_start + cpu)
    train_at = marks.get("training", (start, cpu_start))
    finish_at = marks.get("finishing", end)
    threads = max(outcome.threads if outcome else 1, 1)
    prepare_cpu = train_at[1] - cpu_start
    train_cpu = finish_at[1] - train_at[1]
    finish_cpu = end[1] - finish_at[1]
    return {
        "cpu": cpu,
        "prepare": (train_at[0] - start, prepare_cpu),
        "train": (finish_at[0] - train_at[0], train_cpu),
        "finish": (end[0] - finish_at[0], finish_cpu),
        "estimate": prepare_cpu + train_cpu / threads + finish_cpu,
        "kind": ended[0],
        "seconds": seconds,
        "accuracy": outcome.test_accuracy if outcome else float("nan"),
        "threads": outcome.threads if outcome else 0,
        "epoch_seconds": [h.seconds for h in outcome.history] if outcome else [],
        "message": dialog.banner.text(),
    }


def start_and_wait_for_batches(window: MainWindow, data_dir: Path) -> object:
    """A 3-epoch run started from the menu, once its first batches are plotted: the dialog."""
    from app.retrain.dialog import RetrainDialog

    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    dialog.data_folder.set_folder(data_dir)
    dialog.form.set_config(replace(QUICK_RETRAIN, epochs=3), dialog.form.model_config())
    loop = QEventLoop()
    dialog.curves.raw_loss.sigPlotChanged.connect(loop.quit)
    dialog.train_button.click()
    loop.exec()
    dialog.curves.raw_loss.sigPlotChanged.disconnect(loop.quit)
    return dialog


def stop_latencies(window: MainWindow, data_dir: Path) -> tuple[float, float]:
    """Seconds from Cancel to the run's end, and from closing the window mid-training until
    the training thread has stopped (the window is closed afterwards)."""
    dialog = start_and_wait_for_batches(window, data_dir)
    loop = QEventLoop()
    dialog.run_ended.connect(lambda _kind: loop.quit())
    start = time.perf_counter()
    dialog.cancel_button.click()
    if dialog.is_running():
        loop.exec()
    cancel = time.perf_counter() - start
    dialog = start_and_wait_for_batches(window, data_dir)
    thread = dialog.run.thread
    start = time.perf_counter()
    window.close()
    thread.wait()
    return cancel, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="MNIST folder (default: as the app finds it)")
    parser.add_argument("--skip-full", action="store_true", help="only the one-epoch run")
    parser.add_argument(
        "--threads",
        type=int,
        help="torch threads for training (default: the dialog's TRAINING_THREADS)",
    )
    args = parser.parse_args(argv)
    app = themed_application()
    from app.retrain.dialog import TRAINING_THREADS  # after QApplication, as the app does

    data_dir = find_data(args.data_dir)
    probe = StallProbe()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    loads = [load]
    rows: list[tuple[str, float, str, float | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        window = make_window(Path(tmp))
        one = retrain(window, data_dir, replace(QUICK_RETRAIN, epochs=1), probe, args.threads)
        if one["kind"] != "finished":
            sys.exit(f"the one-epoch run {one['kind']}: {one['message']}")
        threads = _threads(one["threads"])
        rows += [
            (f"One epoch with augmentation, from the menu ({threads})", one["seconds"], "s", 15),
            ("  of which the epoch itself (training loop)", one["epoch_seconds"][0], "s", None),
            ("GUI stall while training, p50 (10 ms timer)", probe.percentile(50), "ms", None),
            ("GUI stall while training, p95", probe.percentile(95), "ms", 50),
            ("GUI stall while training, max", max(probe.gaps), "ms", None),
        ]
        again = retrain(
            window, data_dir, replace(QUICK_RETRAIN, epochs=1), probe, args.threads, cold=False
        )
        rows.insert(
            2, ('  the same, "Train again" (MNIST already loaded)', again["seconds"], "s", 15)
        )
        if not args.skip_full:
            full = retrain(window, data_dir, QUICK_RETRAIN, probe, args.threads)
            if full["kind"] != "finished":
                sys.exit(f"the default retrain {full['kind']}: {full['message']}")
            threads = _threads(full["threads"])
            rows += [
                (
                    f"Default retrain, {QUICK_RETRAIN.epochs} epochs ({threads})",
                    full["seconds"],
                    "s",
                    60,
                ),
                ("  its CPU time, every thread", full["cpu"], "s", None),
                ("  estimate on an idle machine from CPU time", full["estimate"], "s", 60),
                (
                    "  preparing data (MNIST, pen pool, non-digits): wall",
                    full["prepare"][0],
                    "s",
                    None,
                ),
                ("  preparing data: CPU", full["prepare"][1], "s", None),
                ("  training: wall", full["train"][0], "s", None),
                ("  training: CPU", full["train"][1], "s", None),
                ("  calibrating and evaluating: wall", full["finish"][0], "s", None),
                ("  calibrating and evaluating: CPU", full["finish"][1], "s", None),
                ("Default retrain: test accuracy", 100 * full["accuracy"], "%", -99.0),
                ("GUI stall during the default retrain, p95", probe.percentile(95), "ms", 50),
            ]
        cancel, close = stop_latencies(window, data_dir)
        rows += [
            ("Cancel, until the run has ended", cancel, "s", 1),
            ("Closing the window mid-training, until the thread stops", close, "s", 2),
        ]
        app.processEvents()
    if hasattr(os, "getloadavg"):
        loads.append(os.getloadavg()[0])
    print(
        f"LeNet Lens retrain benchmark · torch {torch.__version__} · {os.cpu_count()} CPUs · "
        f"training threads: {args.threads or TRAINING_THREADS or 'idle cores'} · "
        f"load average (1 min) at start {loads[0]:.1f}, at end {loads[-1]:.1f}"
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>10}  target")
    for name, value, unit, target in rows:
        goal = ""
        if target is not None:  # negative: a floor, positive: a ceiling
            ok = value >= -target if target < 0 else value <= target
            goal = (
                f"{'≥' if target < 0 else '≤'} {abs(target):g} {unit}  {'ok' if ok else 'MISSED'}"
            )
        print(f"{name:<{width}}  {value:>7.{2 if unit == '%' else 1}f} {unit:<2}  {goal}")
    return 0


def _threads(n: int) -> str:
    return f"{n} thread{'s' if n != 1 else ''}"


if __name__ == "__main__":
    raise SystemExit(main())
