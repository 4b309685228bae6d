"""The Concepts workspace's centre: the drawing as the network receives it, what LeNet reads,
and a way back to the pen.

The views around it follow the drawing wherever it is made; this thumbnail says which drawing
that is, so a learner can switch to Draw (F2), change it, and come back to see the concepts
update.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.concepts.common import ImageView, explanation
from app.core.context import AppContext
from app.core.workspaces import DRAW
from app.widgets.plot_style import INPUT_CMAP
from model.network.inference import Prediction, Predictor


class ConceptsCentral(QWidget):
    """Thumbnail of the network input, LeNet's answer, Draw and Clear buttons."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("conceptsCentral")
        self.context = context
        self.levels = (0.0, 1.0)
        self.thumbnail = ImageView(INPUT_CMAP)
        self.thumbnail.setObjectName("conceptsThumbnail")
        self.thumbnail.setMaximumSize(260, 260)
        self.answer = QLabel()
        self.answer.setObjectName("conceptsAnswer")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setStyleSheet("font-size: 18pt;")
        self.draw_button = QPushButton(QCoreApplication.translate("concepts", "Draw (F2)"))
        self.draw_button.setObjectName("conceptsDraw")
        self.draw_button.setToolTip(
            QCoreApplication.translate(
                "concepts", "Back to the canvas; the concepts follow the new drawing"
            )
        )
        self.draw_button.clicked.connect(self._to_draw)
        self.clear_button = QPushButton(QCoreApplication.translate("concepts", "Clear"))
        self.clear_button.setObjectName("conceptsClear")
        self.clear_button.clicked.connect(self._clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        intro = explanation(
            QCoreApplication.translate(
                "concepts",
                "Every view around this one is the real network reading your drawing. "
                "Draw a digit in the Draw workspace (F2), come back here (F4) and poke the "
                "ideas: how one unit is computed, what padding and stride do, why pooling "
                "tolerates small shifts, and why a flattened image is a poor input.",
            )
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.answer)
        layout.addLayout(buttons)
        layout.addWidget(intro)
        layout.addStretch(1)
        self.lenet = True  # the active network is a LeNet-5 (set_model says otherwise)
        self.show_result(Prediction.blank())

    def show_result(self, result: Prediction) -> None:
        self.thumbnail.set_array(result.network_input, self.levels)
        if result.is_blank:
            self.answer.setText(QCoreApplication.translate("concepts", "Nothing drawn yet"))
        elif self.lenet:
            self.answer.setText(
                QCoreApplication.translate(
                    "concepts", "LeNet reads {digit} ({confidence:.0%})"
                ).format(digit=result.digit, confidence=result.confidence)
            )
        else:  # a network of another design
            self.answer.setText(
                QCoreApplication.translate(
                    "concepts", "The network reads {digit} ({confidence:.0%})"
                ).format(digit=result.digit, confidence=result.confidence)
            )

    def set_model(self, predictor: Predictor) -> None:
        self.levels = predictor.normalization.grey_levels
        self.lenet = predictor.checkpoint.model_config is not None

    def _to_draw(self) -> None:
        self.context.go_to(DRAW)

    def _clear(self) -> None:
        """As Edit ▸ Clear: the drawing is erased, undoably."""
        self.context.drawing.clear()
