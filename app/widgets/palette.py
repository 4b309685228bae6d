"""Every colour of the app, named once: the theme, the panels, the canvas and the dialogs.

Hex strings (Qt style sheets and pyqtgraph take them as they are); `qcolor(name, alpha)` makes a
QColor. Accent cyan marks what the user is looking at: the top class, the hovered unit, its
receptive field.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# the frame
WINDOW = "#24272c"
BASE = "#1b1d21"  # plot backgrounds
ALTERNATE = "#2a2e34"
BUTTON = "#2e3238"
GAP = "#2e3238"  # between tiles of a mosaic
TEXT = "#dde1e6"
PLOT_TEXT = "#c8ccd2"
BRIGHT_TEXT = "#e8ecf0"
MUTED_TEXT = "#9aa1ab"  # captions and hints
PLACEHOLDER = "#7d848e"
DISABLED = "#6b717a"
HIGHLIGHTED_TEXT = "#101214"

# meaning
ACCENT = "#22c3ee"
WAITING = "#4a505a"  # the "?" of a blank canvas
BAR = "#5b6472"  # probability bars that are not the top class
BAR_BLANK = "#3a3f47"
MNIST_FIELD = "#ffc83c"  # the dashed 28x28 field on the network input
TILE_LABEL = "#ebebeb"
TILE_LABEL_FILL = "#14161a"
GOOD = "#8bd48f"  # a better retrained model
WORSE = "#f0a35e"
TRAIN_ACCURACY = "#9ccc65"
TEST_ACCURACY = "#ffb74d"

# the canvas
INK = "#ffffff"
CANVAS_FRAME = "#5a5a5a"
CANVAS_HINT = "#969696"
CANVAS_HIGHLIGHT = "#00c8ff"

#: The retrain dialog's message banner: background, text, border per kind.
BANNER = {
    "info": ("#23303b", "#d6e4f0", "#35526b"),
    "success": ("#1f3326", "#d4f0d9", "#2f6b3f"),
    "error": ("#3b2323", "#f6d6d6", "#7a3434"),
}


def qcolor(color: str, alpha: int = 255) -> QColor:
    """A QColor from one of the names above, with an optional alpha (0-255)."""
    result = QColor(color)
    result.setAlpha(alpha)
    return result
