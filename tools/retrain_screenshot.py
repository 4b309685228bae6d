"""Screenshot of Training ▸ Retrain… after a run: `python -m tools.retrain_screenshot PNG`.

Opens the real window, the Retrain dialog from its menu action, trains with the dialog's
defaults (or `--epochs N`) on the MNIST the app finds ($LENET_LENS_DATA) and the pen digits it
finds, waits for the run's end, and grabs the dialog. `--language zh_CN` renders it in Chinese
(needs a CJK font); under Xvfb: `xvfb-run -a -s "-screen 0 1600x1000x24" python -m
tools.retrain_screenshot docs/retrain-zh.png --language zh_CN`. A default run takes a minute or
more on two cores.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QAction

from app.i18n import LANGUAGES
from app.shell.settings import scratch_settings
from app.shell.theme import themed_application


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--language", choices=sorted(LANGUAGES), default="en")
    parser.add_argument("--size", default="1060x700", help="dialog size, WxH")
    parser.add_argument("--epochs", type=int, help="epochs (default: the dialog's)")
    parser.add_argument("--no-run", action="store_true", help="grab the dialog before training")
    args = parser.parse_args(argv)
    _tmp, settings = scratch_settings()
    _app = themed_application(language=args.language)  # kept alive
    from app.retrain.dialog import RetrainDialog
    from app.shell.start import open_window  # after QApplication: pyqtgraph reads the palette

    window = open_window(None, settings)
    window.resize(1600, 1000)
    window.show()
    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    width, height = (int(v) for v in args.size.split("x"))
    dialog.resize(width, height)
    if args.epochs:
        config, model_config = dialog.form.train_config(), dialog.form.model_config()
        dialog.form.set_config(replace(config, epochs=args.epochs), model_config)
    loop = QEventLoop()
    if not args.no_run:
        dialog.run_ended.connect(lambda _kind: loop.quit())
        dialog.train_button.click()
        loop.exec()
    QTimer.singleShot(500, loop.quit)  # the last repaints
    loop.exec()
    ok = dialog.grab().save(args.output)
    print(f"{args.output}: {dialog.width()}x{dialog.height()}; {dialog.banner.text()[:80]}")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
