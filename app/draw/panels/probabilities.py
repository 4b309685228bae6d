"""Softmax probabilities for 0-9 as bars, the predicted class highlighted.

When the network says the drawing is not a digit (model/network/verdict.py) the bars are
dimmed: they still show how the ten outputs split, but they are no longer an answer.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetrics

from app.core.panel_contract import ResultOnly
from app.widgets import palette
from app.widgets.plot_style import ACCENT
from model.network.inference import Prediction

BAR = QColor(palette.BAR)
BLANK = QColor(palette.BAR_BLANK)
#: Opacity of the bars of a drawing the network calls "not a digit".
DIM_ALPHA = 90
X_RANGE = (-0.6, 9.6)
GRID_LEVELS = (0.25, 0.5, 0.75, 1.0)
GRID = palette.qcolor(palette.PLOT_TEXT, 38)  # as faint as showGrid(alpha=0.15) drew them


class ProbabilitiesPanel(ResultOnly, pg.PlotWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelProbabilities")
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setYRange(0, 1.12, padding=0.02)
        plot.vb.sigResized.connect(self._fit_headroom)
        plot.setXRange(*X_RANGE, padding=0)
        plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        left = plot.getAxis("left")
        left.setTicks([[(v, f"{v:.0%}") for v in (0.0, *GRID_LEVELS)]])
        # wide enough for "100%" whole at any font size (pyqtgraph's guess can clip the "1")
        left.setWidth(QFontMetrics(self.font()).horizontalAdvance("100%") + 16)
        # the 25% lines as one thin item under the bars: pyqtgraph's showGrid() draws them in
        # the left axis, whose picture then spans the plot and is replayed on every stroke
        # event (about 2 ms of the stroke path, against 0.3 ms for these four lines)
        grid_y = np.repeat(GRID_LEVELS, 2)
        grid_x = np.tile(X_RANGE, len(GRID_LEVELS))
        grid = pg.PlotCurveItem(grid_x, grid_y, connect="pairs", pen=pg.mkPen(GRID, width=1))
        grid.setZValue(-1)
        plot.addItem(grid)
        self.bars = pg.BarGraphItem(
            x=np.arange(10), height=np.zeros(10), width=0.72, brushes=[BAR] * 10, pens=[None] * 10
        )
        plot.addItem(self.bars)
        self.top_label = pg.TextItem(color=palette.BRIGHT_TEXT, anchor=(0.5, 1.0))
        plot.addItem(self.top_label)
        self.probabilities = np.zeros(10)
        self._label_at = (0.0, 0.0)
        # one brush list per possible top class, made once (not per stroke event)
        accent, bar = pg.mkBrush(ACCENT), pg.mkBrush(BAR)
        self._brushes = [[accent if i == top else bar for i in range(10)] for top in range(10)]
        faint_top = pg.mkBrush(palette.qcolor(ACCENT, DIM_ALPHA))
        faint = pg.mkBrush(palette.qcolor(palette.BAR, DIM_ALPHA))
        self._dim_brushes = [
            [faint_top if i == top else faint for i in range(10)] for top in range(10)
        ]
        self.dimmed = False

    def _fit_headroom(self) -> None:
        """Room above a 100% bar for its label, however short the panel: a fixed 12% of the
        range was less than one line of text at small sizes, and the label was cut."""
        height = self.getPlotItem().vb.height()
        line = QFontMetrics(self.top_label.textItem.font()).height() + 14  # + the text margins
        if height > 2 * line:
            self.getPlotItem().setYRange(0, 1.0 / (1.0 - line / height), padding=0.0)
        self._place_label()  # its width in bars changes with the panel's

    def show_result(self, result: Prediction) -> None:
        self.set_probabilities(result.probabilities, result.digit, result.not_a_digit)

    def set_probabilities(
        self, probabilities: np.ndarray, top: int | None, dimmed: bool = False
    ) -> None:
        """Bar heights in place; `top` (None when blank) gets the accent colour; `dimmed`
        (not a digit) fades every bar and the label."""
        self.probabilities = np.asarray(probabilities)
        if top is None:
            self.bars.setOpts(height=np.zeros(10), brushes=[BLANK] * 10)
            self.top_label.hide()
            self.dimmed = False
            return
        brushes = self._dim_brushes if dimmed else self._brushes
        self.bars.setOpts(height=self.probabilities, brushes=brushes[top])
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.top_label.setColor(palette.MUTED_TEXT if dimmed else palette.BRIGHT_TEXT)
        p = float(self.probabilities[top])
        # as the headline says it (never "100%" beside "99.9%"); the answer's guess line rounds
        # to whole percent, and so does the dimmed bar's label
        text = f"{p:.0%}" if dimmed else f"{p:.1%}"
        if text != self.top_label.toPlainText():
            self.top_label.setText(text)
        self._label_at = (top, p + 0.01)
        self._place_label()
        self.top_label.show()

    def _place_label(self) -> None:
        """Over its bar, but moved inwards where it would run past the plot's edge: "100.0%"
        over the 9 bar lost its "%" in a narrow panel."""
        x, y = self._label_at
        units_per_px = self.getPlotItem().vb.viewPixelSize()[0]
        half = self.top_label.boundingRect().width() * units_per_px / 2
        low, high = X_RANGE
        x = min(max(x, low + half), high - half) if 2 * half < high - low else (low + high) / 2
        self.top_label.setPos(x, y)
