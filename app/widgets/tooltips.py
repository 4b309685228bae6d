"""Long tooltips wrap into a readable paragraph, in every language.

Qt shows a plain-text tooltip on one line and wraps it only once it is wider than the whole
screen, so a Chinese sentence (no spaces to break at, and rarely wider than a large screen) ran
as a single line of 1,000 pixels or more, past the window's edge at 800x600. Rich text wraps at
a reading width, between CJK characters as between words. This filter hands every long
plain-text widget tooltip to `QToolTip` as escaped rich text; the widgets keep their plain text
(what tests and accessibility read), and short tooltips stay one line.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent, Qt
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

#: Tooltips at least this long (characters) are shown as a wrapped paragraph.
WRAP_FROM = 60


def wrapped(text: str) -> str:
    """`text` as rich text that Qt word-wraps (line breaks kept)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class WrappedToolTips(QObject):
    """Application-wide event filter: long plain-text tooltips of widgets are shown wrapped."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(watched, QWidget):
            return False
        text = watched.toolTip()
        if len(text) < WRAP_FROM or Qt.mightBeRichText(text):
            return False
        assert isinstance(event, QHelpEvent)
        QToolTip.showText(event.globalPos(), wrapped(text), watched)
        return True


def install_wrapped_tooltips(app: QApplication) -> None:
    """Install the filter once (it lives as long as the application)."""
    if app.findChild(WrappedToolTips) is None:
        app.installEventFilter(WrappedToolTips(app))
