"""One way to tell the user something went wrong, and a safety net for bugs in slots.

`show_error(parent, title, message, exc)` opens a window-modal box that does not block; with an
exception it offers "Show Details…" (the traceback), so a bug report has what it needs while
the message itself stays a sentence. `install_excepthook()` makes an exception escaping a Qt
slot a logged error and such a box, instead of a silent traceback on stderr: the app stays alive.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

#: Boxes opened without a parent window. Nothing else refers to them: without this list the
#: box would be garbage-collected (and so closed) the moment `show_error` returns, unseen.
#: Closed ones are dropped when the next parentless box opens.
_parentless: list[QMessageBox] = []


def details(exc: BaseException) -> str:
    """The traceback of `exc` as text (what "Show Details…" shows)."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def show_error(
    parent: QWidget | None, title: str, message: str, exc: BaseException | None = None
) -> QMessageBox:
    """A warning box, opened (not exec'd); with `exc`, its traceback under "Show Details…".
    A box without a parent is kept alive here until it is closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.setObjectName("errorBox")
    if exc is not None:
        box.setDetailedText(details(exc))
    if parent is None:
        _parentless[:] = [b for b in _parentless if b.isVisible()]
        _parentless.append(box)
    box.open()
    return box


ExceptHook = Callable[[type[BaseException], BaseException, "TracebackType | None"], None]


def install_excepthook(parent: Callable[[], QWidget | None] | None = None) -> ExceptHook:
    """Log and show unexpected exceptions (e.g. in a slot); returns the hook it replaced."""
    previous = sys.excepthook
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            exc.__traceback__ = tb
            where = parent() if parent is not None else QApplication.activeWindow()
            show_error(
                where,
                QCoreApplication.translate("errors", "Unexpected error"),
                QCoreApplication.translate(
                    "errors", "Something went wrong: {0}. LeNet Lens keeps running."
                ).format(f"{exc_type.__name__}: {exc}"),
                exc,
            )
        except Exception:  # the net itself must never throw
            log.exception("could not show the error box")
        finally:
            showing = False

    sys.excepthook = hook
    return previous
