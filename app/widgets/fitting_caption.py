"""A panel's caption that gives way when the panel is short, instead of being cut mid-line.

A dock squeezed below what its plot and a wrapped paragraph need (800x600 in presentation mode,
a Chinese font's taller lines) used to clip the caption's last lines. This label takes the
longest of its texts that fits a share of the panel's height at its current width, and hides
when even the shortest would not; the full text is always its tooltip. It keeps its own height
(app/shell/layout.py's `WrappedHeight` leaves it alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel


class FittingCaption(QLabel):
    """A word-wrapped caption with shorter fallbacks (`texts`, longest first)."""

    def __init__(self, texts: Sequence[str], share: float = 0.4) -> None:
        super().__init__(texts[0])
        self.texts = tuple(texts)
        self.share = share
        self.setWordWrap(True)
        self.setToolTip(texts[0])

    def fit(self, width: int, panel_height: int) -> None:
        """Show the longest text whose wrapped height at `width` is within `share` of
        `panel_height`; hide when none is."""
        room = self.share * panel_height
        for text in self.texts:
            self.setText(text)
            self.setMinimumHeight(0)  # QLabel's height-for-width never reports below it
            need = self.heightForWidth(max(1, width))
            if need <= room:
                self.setMinimumHeight(need)  # a dock gives no height-for-width: ask for the lines
                self.setVisible(True)
                return
        self.setVisible(False)
