"""Entry point: `python -m app` or the `lenet-lens` script.

Reopens the weights file used last time when it still loads; otherwise the shipped weights.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from app import settings as keys
from app import startup_check
from app.errors import install_excepthook
from app.logs import setup_logging
from app.theme import themed_application
from model.errors import CheckpointError

log = logging.getLogger("app")


def main(argv: list[str] | None = None) -> int:
    setup_logging()
    problem = startup_check.check()  # before Qt: its own abort names the wrong library
    if problem:
        log.error("xcb plugin libraries missing")
        print(problem, file=sys.stderr)
        return 1
    app = themed_application(sys.argv if argv is None else argv)
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    from app.main_window import MainWindow  # after QApplication: pyqtgraph reads the palette

    settings = keys.default_settings()
    last = keys.read_str(settings, keys.LAST_WEIGHTS)
    try:
        window = MainWindow(last, settings) if last else MainWindow(settings=settings)
    except CheckpointError as exc:
        log.warning("cannot start with %s", last or "the shipped weights", exc_info=exc)
        if not last:
            QMessageBox.critical(None, "LeNet Lens cannot start", str(exc))
            return 1
        settings.remove(keys.LAST_WEIGHTS)
        try:
            window = MainWindow(settings=settings)
        except CheckpointError as exc2:
            log.error("cannot start with the shipped weights", exc_info=exc2)
            QMessageBox.critical(None, "LeNet Lens cannot start", str(exc2))
            return 1
        window.show_error("Last weights unavailable", f"{exc}\n\nUsing the shipped weights.")
    install_excepthook(lambda: window)  # a bug in a slot: logged, shown, and the app lives on
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
