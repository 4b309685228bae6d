"""Long tooltips read as a paragraph in every language: a Chinese sentence, with no spaces for
Qt to break at, wraps at a reading width instead of running past the window's edge as one line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from app.widgets.tooltips import install_wrapped_tooltips, wrapped

CHINESE = (
    "笔走过的路程是这幅手写数字大小的 3.6 倍，急转弯 7 次；"
    "真实的数字都在约 3 倍以下，急转弯最多 5 次：这是乱涂，不是数字。"
    "网络只看像素，在像素上它可以冒充一个数字，所以它的最佳猜测以小字显示。"
)


def hover(label: QLabel) -> None:
    point = QPoint(5, 5)
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, point, label.mapToGlobal(point)))


def shown_tip() -> QLabel | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()),
        None,
    )


def test_a_long_chinese_tooltip_wraps_and_a_short_one_stays_one_line(qtbot) -> None:
    install_wrapped_tooltips(QApplication.instance())
    install_wrapped_tooltips(QApplication.instance())  # once is enough: no second filter
    label = QLabel("?")
    label.setToolTip(CHINESE + " <3 & more")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)

    hover(label)
    qtbot.waitUntil(lambda: shown_tip() is not None)
    assert QToolTip.text() == wrapped(label.toolTip())  # escaped: "<3 & more" stays text
    assert "&lt;3 &amp; more" in QToolTip.text()
    tip = shown_tip()
    assert tip.wordWrap()
    assert tip.width() < 700  # one line of it would be about 1,300 px
    assert tip.height() > 3 * tip.fontMetrics().height()
    assert label.toolTip().startswith(CHINESE)  # the widget keeps its plain text

    QToolTip.hideText()
    label.setToolTip("清除")
    hover(label)
    qtbot.waitUntil(lambda: QToolTip.text() == "清除")
