"""What the Insight workspace's centre and its attribution dock share, without naming each other.

Both are built from the context (the centre by the workspace spec, the dock by its panel spec);
each asks the context for the one `InsightLink` (`context.part(InsightLink)`). The gallery's
selected sample goes to the dock through `sample_selected`; the dock's "over the drawing" switch
comes back through `overlay_toggled`, and its method and class through `choice()` and
`choice_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.core.context import AppContext

Choice = Callable[[], tuple[str, int | None]]


class InsightLink(QObject):
    #: A data set sample selected in the gallery: image ((32, 32) in [0, 1]), label, index.
    sample_selected = Signal(object, int, int)
    #: The attribution map over the drawing switched on or off.
    overlay_toggled = Signal(bool)
    #: The attribution method or class changed.
    choice_changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.choice: Choice = lambda: ("saliency", None)

    def select_sample(self, image: np.ndarray, label: int, index: int) -> None:
        self.sample_selected.emit(image, label, index)
