"""Render the window with a digit drawn and save a screenshot: `python -m tools.screenshot PNG`.

`--language zh_CN` renders the Chinese UI (needs a CJK font, e.g. Debian's fonts-noto-cjk):
`xvfb-run -a -s "-screen 0 1600x1000x24" python -m tools.screenshot docs/screenshot-zh.png
--language zh_CN`.

Draws an MNIST test digit (default: test image 1, a "2") as pen strokes with real mouse events
(MNIST from $LENET_LENS_DATA or the default data folder; without it, a plain seven), hovers
the most active unit of the last map layer (C2 for LeNet-5) so its receptive field is
highlighted, and grabs the window.

`--preset NAME` makes a random-weight network of an architecture-lab preset the active one
(as Retrain's "Use" does) before drawing, to look at the views laid out for that design.

`--workspace lab` shows the architecture lab; `--lab-preset NAME` its Design tab on a preset
(e.g. kernels3_same), `--lab-compare FILE` its Compare tab after measuring the shipped network
against that weights file (docs/lab.png: `--lab-compare FILE --size 1400x900`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QTimer

from app.i18n import LANGUAGES
from app.shell.settings import scratch_settings
from app.shell.theme import themed_application
from tests.gui.mouse import draw_stroke, send_to_view  # the one home of synthetic mouse events

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.shell.main_window import MainWindow


def sample_strokes(index: int = 0) -> list[list[tuple[float, float]]]:
    """A real handwritten digit from MNIST's test set, as pen strokes; a '7' if no MNIST."""
    try:
        from model.data.drawn_digits import digit_strokes, place_strokes
        from model.data.mnist import load_split

        test = load_split("test")
        strokes = digit_strokes(test.images[index])
        placed = place_strokes(strokes, 0, 0, 190)
        xs = [x for s in placed for x, _ in s]
        ys = [y for s in placed for _, y in s]
        dx, dy = 140 - (max(xs) + min(xs)) / 2, 140 - (max(ys) + min(ys)) / 2
        return [[(x + dx, y + dy) for x, y in s] for s in placed]
    except Exception:  # no data: draw a plain seven
        return [
            [(80 + i * 6, 60) for i in range(21)] + [(200 - i * 3, 60 + i * 9) for i in range(21)]
        ]


def settle(app: QApplication, ms: int) -> None:
    """Run the event loop for `ms` milliseconds (timers, pauses before the slower views)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def show_lab(app: QApplication, central, preset: str | None, compare: str | None) -> None:
    """The lab on a preset's design; with `compare` (a weights file), its Compare tab after
    measuring the shipped network (A) against that file (B), waited for up to two minutes."""
    from model.network.architecture import preset as preset_design

    if preset:
        central.design_view.editor.set_design(preset_design(preset))
    if compare:
        view = central.compare_view
        central.tabs.setCurrentWidget(view)
        view.choices["B"].set_file(compare)
        loop = QEventLoop()
        if view.start():
            timer = QTimer()
            timer.timeout.connect(lambda: None if view.jobs.running else loop.quit())
            timer.start(200)
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()


def show_workspace(app: QApplication, window: MainWindow, key: str) -> None:
    """Switch to `key`; for Insight, wait (up to a minute) for its first evaluation."""
    central = window.switch_workspace(key)
    if key == "insight":
        loop = QEventLoop()
        central.evaluation_finished.connect(lambda *_: loop.quit())
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        central.select(9, 7)  # 9s read as 7: a confusion worth a look
    settle(app, 800)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--weights", help="weights file (default: the shipped weights)")
    parser.add_argument("--size", default="1600x1000", help="window size, WxH")
    parser.add_argument("--index", type=int, default=1, help="MNIST test image to draw")
    parser.add_argument(
        "--workspace",
        choices=("draw", "insight", "concepts", "lab"),
        default="draw",
        help="workspace to show (insight waits for MNIST test to be evaluated)",
    )
    parser.add_argument(
        "--language", choices=sorted(LANGUAGES), default="en", help="UI language (default: en)"
    )
    parser.add_argument(
        "--presentation", action="store_true", help="in presentation mode (View ▸ Presentation)"
    )
    parser.add_argument("--lab-preset", help="lab: the preset design to show (e.g. kernels3_same)")
    parser.add_argument(
        "--lab-compare", help="lab: show Compare, shipped weights against this weights file"
    )
    parser.add_argument(
        "--preset", help="make a random-weight network of this lab preset active (e.g. wide_c1)"
    )
    args = parser.parse_args(argv)
    tmp, settings = scratch_settings()
    app = themed_application(language=args.language)
    from app.shell.start import open_window  # after QApplication: pyqtgraph reads the palette

    window = open_window(args.weights, settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    for _ in range(5):
        app.processEvents()
    if args.preset:
        from tools.bench import designed_predictor

        window.context.session.set_predictor(designed_predictor(args.preset), label=args.preset)
        settle(app, 300)
    if args.presentation:
        window.classroom.presentation.setChecked(True)
        settle(app, 300)
    for stroke in sample_strokes(args.index):
        draw_stroke(window.canvas, stroke)
    panel = next((window.panels[k] for k in ("C2", "C1") if window.panels[k].sections), None)
    if panel is not None:  # a design with maps: hover the most active unit of the last layer
        name = panel.layers[-1]
        maps = window.current_result.activations[name]
        index, row, col = (int(v) for v in np.unravel_index(maps.argmax(), maps.shape))
        pos = panel.section(name).mosaic.scene_pos_of(index, row, col)
        send_to_view(panel.graphics, QEvent.Type.MouseMove, pos)
    for _ in range(5):
        app.processEvents()
    if args.workspace != "draw":
        show_workspace(app, window, args.workspace)
    if args.workspace == "lab":
        show_lab(app, window.switch_workspace("lab"), args.lab_preset, args.lab_compare)
        settle(app, 500)
    ok = window.grab().save(args.output)
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
