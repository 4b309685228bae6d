"""Entry point: `python -m app` or the `lenet-lens` script.

Reopens the weights file used last time when it still loads; otherwise the shipped weights.
The model is loaded into the app context first (`app.shell.start.load_context`), so the window
is built once, whichever weights it starts with.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

import model
from app.core.error_text import error_text
from app.core.long_lived import settle_long_lived
from app.shell import settings as keys
from app.shell import startup_check
from app.shell.error_boxes import install_excepthook
from app.shell.logs import setup_logging
from app.shell.theme import themed_application
from model.errors import CheckpointError

log = logging.getLogger("app")


def main(argv: list[str] | None = None) -> int:
    setup_logging()
    problem = startup_check.check()  # before Qt: its own abort names the wrong library
    if problem:
        log.error("xcb plugin libraries missing")
        print(problem, file=sys.stderr)
        return 1
    settings = keys.default_settings()
    # Translators go in before any window module is imported: some titles are translated then.
    app = themed_application(sys.argv if argv is None else argv, settings)
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    app.setApplicationVersion(model.__version__)
    app.setDesktopFileName("lenet-lens")  # Wayland/X11 match the window to lenet-lens.desktop
    from app.shell.main_window import MainWindow  # after QApplication: pyqtgraph reads the palette
    from app.shell.start import load_context

    last = keys.read(settings, keys.LAST_WEIGHTS_FILE)  # checked: a bad value reads as unset
    cannot_start = QCoreApplication.translate("main", "LeNet Lens cannot start")
    fallback: CheckpointError | None = None
    try:
        context = load_context(last, settings)
    except CheckpointError as exc:
        log.warning("cannot start with %s", last or "the shipped weights", exc_info=exc)
        if not last:
            QMessageBox.critical(None, cannot_start, error_text(exc))
            return 1
        settings.remove(keys.LAST_WEIGHTS)
        try:
            context = load_context(None, settings)
        except CheckpointError as exc2:
            log.error("cannot start with the shipped weights", exc_info=exc2)
            QMessageBox.critical(None, cannot_start, error_text(exc2))
            return 1
        fallback = exc
    window = MainWindow(context)  # built once, whichever weights it starts with
    if fallback is not None:
        context.show_error(
            QCoreApplication.translate("main", "Last weights unavailable"),
            QCoreApplication.translate("main", "{0}\n\nUsing the shipped weights.").format(
                error_text(fallback)
            ),
        )
    install_excepthook(lambda: window)  # a bug in a slot: logged, shown, and the app lives on
    window.show()
    settle_long_lived()  # the start-up's objects live as long as the app: out of full collections
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
