"""Every workspace and the main dialogs at 800x600, 1024x768, 1600x1000 and 3840x2160, in English
and Chinese, with a digit drawn: the event loop goes idle (no layout feedback loop), no label,
button, box or table cell shows its text cut off, and every plot's range is finite.

One window per language, resized through the sizes (building one costs seconds); Insight is
entered after a round trip through Draw (a sample opened, then F3), as the issue's user did.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from app import i18n
from app.shell.layout import GAP_TOLERANCE
from tests.gui.concepts_layout_helpers import assert_goes_idle, assert_ranges_finite
from tests.gui.mouse import draw_stroke

SIZES = [(800, 600), (1024, 768), (1600, 1000), (3840, 2160)]
TWO = (
    [(70.0 + 3 * i, 70.0 - 8 * (i % 7) / 7) for i in range(40)]
    + [(190.0 - 3 * i, 70.0 + 4 * i) for i in range(30)]
    + [(100.0 + 4 * i, 190.0) for i in range(30)]
)
TIMEOUT = 180_000  # ms: a hang guard, not a measure (two test processes on two busy cores)


# ----- what "cut off" means, widget by widget ---------------------------------------------------
def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and not widget.visibleRegion().isEmpty()


def _label_cut(label: QLabel) -> str | None:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    if label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
        need = label.heightForWidth(label.width())
        if need > label.height() + 1:
            return f"needs {need} px of height, has {label.height()}"
        if label.minimumSizeHint().width() > label.width() + 1:  # a word longer than the line
            return f"a word needs {label.minimumSizeHint().width()} px, has {label.width()}"
        return None
    lines = label.text().split("\n")
    metrics = label.fontMetrics()
    wide = max(metrics.horizontalAdvance(line) for line in lines)
    high = metrics.height() * len(lines)
    if wide > rect.width() + 1 or high > rect.height() + 1:
        return f"needs {wide}x{high}, has {rect.width()}x{rect.height()}"
    return None


def _button_cut(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    if isinstance(button, QCheckBox | QRadioButton | QToolButton):  # hints without padding
        if isinstance(button, QToolButton) and not button.icon().isNull():
            return None
        need = button.sizeHint().width()
    else:
        need = button.fontMetrics().horizontalAdvance(text) + 6  # the frame's margins
        if isinstance(button, QPushButton) and button.menu() is not None:
            need += 12  # the menu arrow
    if need > button.width() + 1:
        return f"needs {need} px, has {button.width()}"
    return None


def _combo_cut(combo: QComboBox) -> str | None:
    if combo.isEditable() or not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if need > field.width() + 1:
        return f"needs {need} px, has {field.width()}"
    return None


def _cells_cut(view: QAbstractItemView) -> Iterator[str]:
    if not isinstance(view, QTableView):
        return
    model = view.model()
    if model is None:
        return
    metrics = QFontMetrics(view.font())
    for row in range(min(model.rowCount(), 40)):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index: QModelIndex = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or str(text) == "":
                continue
            need = max(metrics.horizontalAdvance(line) for line in str(text).split("\n")) + 6
            have = view.visualRect(index).width()
            if need > have + 1:
                yield f"cell {row},{column} {text!r} needs {need} px, has {have}"


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _clipped(widget: QWidget) -> bool:
    """Part of it hidden by an ancestor narrower than its content (outside scroll areas)."""
    seen = widget.visibleRegion().boundingRect()
    return seen.width() < widget.width() - 1 and not _in_scroll_area(widget)


def cut_texts(root: QWidget) -> list[str]:
    """Every shown label, button, combo box and table cell under `root` whose text does not fit
    (wrapped labels may wrap: they only need the height their lines take), and every one of
    them cut by an ancestor narrower than its content."""
    found = []
    kinds = (QLabel, QAbstractButton, QComboBox)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, kinds) and _shown(widget) and _clipped(widget):
            name = widget.objectName() or getattr(widget, "text", lambda: "")()[:40]
            found.append(f"{type(widget).__name__} {name!r} cut at the right by its parent")
    for label in root.findChildren(QLabel):
        if _shown(label) and (why := _label_cut(label)):
            found.append(f"label {label.objectName() or label.text()[:40]!r}: {why}")
    for button in root.findChildren(QAbstractButton):
        if _shown(button) and (why := _button_cut(button)):
            found.append(f"button {button.text()!r}: {why}")
    for combo in root.findChildren(QComboBox):
        if _shown(combo) and (why := _combo_cut(combo)):
            found.append(f"combo {combo.objectName() or combo.currentText()!r}: {why}")
    for bar in root.findChildren(QTabBar):
        need = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        if _shown(bar) and need > bar.width() + 1:  # tabs cut or behind scroll arrows
            found.append(f"tabs {[bar.tabText(i) for i in range(bar.count())]}: needs {need} px")
    for text in root.findChildren(QTextBrowser):
        if _shown(text) and text.horizontalScrollBar().maximum() > 0:
            found.append(f"text {text.objectName()!r} scrolls sideways")
    for view in root.findChildren(QTableView):
        if _shown(view):
            found += [f"table {view.objectName()!r} {why}" for why in _cells_cut(view)]
    return found


# ----- one window per language ------------------------------------------------------------------
@pytest.fixture(params=["en", "zh_CN"])
def language_window(request, qtbot, weights_path, tmp_path):
    from app.shell.start import open_window

    language = request.param
    if language != i18n.ENGLISH and not i18n.has_chinese_font():
        pytest.skip("no font covers Chinese")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert i18n.install_language(language)
    try:
        win = open_window(weights_path, settings)
        qtbot.addWidget(win)
        win.resize(800, 600)
        win.show()
        qtbot.waitExposed(win)
        draw_stroke(win.canvas, TWO)
        yield win
        win.close()
    finally:
        i18n.install_language(i18n.ENGLISH)


def settle(window, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(3):
        QApplication.processEvents()


def check_screen(window, where: str, roots: list[QWidget]) -> list[str]:
    assert_goes_idle(window, roots)
    assert_ranges_finite(roots)
    return [f"{where}: {text}" for root in roots for text in cut_texts(root)]


def _insight_round_trip(window, qtbot):
    workspace = window.switch_workspace("insight")
    qtbot.waitUntil(lambda: workspace.evaluation is not None, timeout=TIMEOUT)
    workspace.select(7, 7)
    workspace.open_sample(int(workspace.gallery_samples()[0]))  # opens it in Draw
    assert window.workspace_key == "draw"
    window.workspace_actions["insight"].trigger()  # F3 back
    return workspace


def test_every_screen_fits_at_every_size(language_window, qtbot) -> None:
    window = language_window
    found: list[str] = []
    insight = _insight_round_trip(window, qtbot)
    for key in ("draw", "insight", "concepts", "lab"):
        central = window.switch_workspace(key)
        if key == "concepts":
            shifts = window.panels["shifts"]
            qtbot.waitUntil(lambda s=shifts: set(s.sweeps) == {"max", "avg"}, timeout=TIMEOUT)
        for size in SIZES:
            settle(window, size)
            roots = [central, *window.workspace_docks.values(), window.statusBar()]
            found += check_screen(window, f"{key} {size[0]}x{size[1]}", roots)
            if key == "insight":  # the attribution map grows with the window, up to 30%
                dock = window.docks["insightAttribution"]
                if not 0.2 * size[0] <= dock.width() <= 0.34 * size[0]:
                    found.append(f"insight {size}: the attribution dock is {dock.width()} px")
            if key == "insight":  # the Compare models tab too (its buttons were cut)
                insight.tabs.setCurrentIndex(1)
                found += check_screen(window, f"compare {size[0]}x{size[1]}", [central])
                insight.tabs.setCurrentIndex(0)
            if key == "lab":  # the lab's Compare tab too
                central.tabs.setCurrentIndex(1)
                found += check_screen(window, f"lab compare {size[0]}x{size[1]}", [central])
                central.tabs.setCurrentIndex(0)
            gap = window.centralWidget().width() - central.width()
            if gap > GAP_TOLERANCE:  # a bounded centre's leftover width goes to the docks
                found.append(f"{key} {size[0]}x{size[1]}: {gap} px of empty width")
    assert insight.evaluation is not None
    central = window.switch_workspace("draw")  # presentation mode: larger text, still whole
    window.classroom.presentation.trigger()
    for size in [(1024, 768), (1366, 768)]:
        settle(window, size)
        roots = [central, *window.workspace_docks.values()]
        found += check_screen(window, f"presenting draw {size[0]}x{size[1]}", roots)
    window.classroom.presentation.trigger()
    assert found == [], "\n".join(found)


def _dialogs(window) -> dict[str, QWidget]:
    window.open_retrain_dialog()
    from app.retrain import RetrainDialog

    return {
        "retrain": window.findChild(RetrainDialog),
        "fine-tune": window.teacher.open_finetune(),
        "my drawings": window.teacher.open_collection_view(),
        "guide": window.classroom.show_guide(),
        "lab training": window.switch_workspace("lab").open_training(),
    }


def test_every_dialog_fits(language_window, qtbot) -> None:
    window = language_window
    found: list[str] = []
    window.teach(2)  # a kept drawing: My drawings shows a thumbnail, Fine-tune has data
    for name, dialog in _dialogs(window).items():
        qtbot.waitExposed(dialog)
        for size in SIZES[:2]:  # a dialog never larger than the screen it is on
            width = min(dialog.width(), size[0])
            height = min(dialog.height(), size[1] - 40)
            dialog.resize(width, height)
            for _ in range(3):
                QApplication.processEvents()
            too_big = dialog.width() > size[0] or dialog.height() > size[1]
            if too_big and name != "retrain":  # Retrain: see the test below
                found.append(f"{name}: {dialog.width()}x{dialog.height()} > {size}")
            found += check_screen(window, f"{name} on {size[0]}x{size[1]}", [dialog])
        dialog.close()
    window.show_about()
    qtbot.waitExposed(window.about_box)
    found += check_screen(window, "about", [window.about_box])
    window.about_box.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("top", [0, 1, 8, 9])
def test_the_top_bar_label_stays_inside_a_narrow_panel(qtbot, top) -> None:
    """ "100.0%" over the 9 bar lost its "%" at the panel's edge."""
    import numpy as np

    from app.draw.layout import MINIMUM_SIZES
    from app.draw.panels.probabilities import ProbabilitiesPanel

    panel = ProbabilitiesPanel()
    qtbot.addWidget(panel)
    panel.resize(*MINIMUM_SIZES["probabilities"])
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_probabilities(np.eye(10)[top], top)
    qtbot.wait(20)  # the view box reports its size
    label = panel.top_label.sceneBoundingRect()
    plot = panel.getPlotItem().vb.sceneBoundingRect()
    assert plot.left() - 1 <= label.left() and label.right() <= plot.right() + 1, (label, plot)


def test_retrain_fits_an_800x600_screen(language_window, qtbot) -> None:
    """Retrain's form needed 676 px of height (720 in Chinese); its settings now scroll."""
    window = language_window
    from app.retrain import RetrainDialog

    window.open_retrain_dialog()
    dialog = window.findChild(RetrainDialog)
    qtbot.waitExposed(dialog)
    dialog.resize(min(dialog.width(), 800), 560)
    QApplication.processEvents()
    assert dialog.height() <= 600 and dialog.width() <= 800, dialog.size()


def plot_labels_cut(root: QWidget) -> list[str]:
    """The pyqtgraph labels (axis titles such as the dense strips' "F6 (84)") under `root`
    whose text reaches past the plot's visible area."""
    import pyqtgraph as pg

    found = []
    for view in root.findChildren(pg.GraphicsView):
        if not _shown(view.viewport()):  # the viewport covers the view
            continue
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        for item in view.scene().items():
            if isinstance(item, pg.LabelItem) and item.isVisible() and item.text:
                text = item.item.sceneBoundingRect()
                if not visible.adjusted(-1, -1, 1, 1).contains(text):
                    found.append(f"plot label {item.text!r} at {text} outside {visible}")
    return found


def test_plot_titles_are_whole_at_800x600(language_window) -> None:
    """The Chinese "F6 (84)" title of the dense strips was cut at 800x600 (the two-line Chinese
    hint beneath took its height)."""
    window = language_window
    central = window.switch_workspace("draw")
    found = []
    for size in [(800, 600), (1600, 1000)]:
        settle(window, size)
        roots = [central, *window.workspace_docks.values()]
        found += [f"{size}: {text}" for root in roots for text in plot_labels_cut(root)]
    assert found == [], "\n".join(found)


ANSWER_MARGIN = 24  # px the answer panel has beyond what its texts need, at 800x600


def test_the_answer_has_room_to_spare_at_800x600(language_window, qtbot) -> None:
    """The answer panel had 5 px to spare at 800x600: a slightly longer translation or font
    would have cut it. Every state's text fits with a margin, in both languages."""
    from app.core.doubt import NOT_A_DIGIT, SURE, UNSURE, Trust

    window = language_window
    window.switch_workspace("draw")
    settle(window, (800, 600))
    panel = window.digit_panel
    spare = panel.width() - panel.minimumSizeHint().width()
    assert spare >= ANSWER_MARGIN, f"{spare} px to spare ({panel.width()} px wide)"
    from PySide6.QtCore import QCoreApplication

    def warning(text: str) -> str:
        return QCoreApplication.translate("doubt", text)

    states = [
        Trust(SURE),
        Trust(SURE, warning("⚠ Grainy paper")),
        Trust(UNSURE, warning("⚠ Unsure: low confidence")),
        Trust(UNSURE, warning("⚠ Unsure: grainy paper")),
        Trust(NOT_A_DIGIT, warning("⚠ Unsure: faint ink")),
        Trust(NOT_A_DIGIT),
    ]
    for state in states:
        panel.show_trust(8, 0.599 if state.state != SURE else 1.0, state)
        QApplication.processEvents()
        assert cut_texts(panel) == [], state
        for label in (panel.confidence, panel.guess, panel.caption):
            label.ensurePolished()  # the warning's bold comes from a style sheet
            need = label.fontMetrics().horizontalAdvance(label.text())
            assert need <= label.width(), (label.text(), need, label.width())
    assert window.minimumSizeHint().width() <= 800


def test_growing_from_the_smallest_size_keeps_the_canvas_as_large(window) -> None:
    """Growing from 800x600 gave the new space to F5/F6 and left the canvas smaller than at
    the default size."""
    settle(window, (1600, 1000))
    window.actions.restore_layout.trigger()
    settle(window, (1600, 1000))
    default = window.canvas.width()
    settle(window, (800, 600))
    settle(window, (1600, 1000))
    assert window.canvas.width() >= default - 8
    assert window.centralWidget().width() - window.draw.width() <= GAP_TOLERANCE


def test_restore_default_layout_keeps_insights_dock_and_its_share(window, qtbot, monkeypatch):
    """Restore default layout hid the attribution dock; after a round trip through Draw it took
    half the window."""
    from tests.gui.insight_helpers import open_insight

    open_insight(window, monkeypatch)
    settle(window, (800, 600))
    window.switch_workspace("draw")
    window.workspace_actions["insight"].trigger()
    settle(window, (800, 600))
    dock = window.docks["insightAttribution"]
    assert dock.isVisible() and dock.width() <= 0.34 * window.width()
    window.actions.restore_layout.trigger()
    settle(window, (800, 600))
    assert dock.isVisible() and dock.width() <= 0.34 * window.width()


def test_a_narrow_dock_shortens_its_title_and_the_menu_keeps_the_full_one(window) -> None:
    settle(window, (800, 600))
    dock = window.docks["C1"]
    full = dock.toggleViewAction().text()
    assert full.startswith("C1 · ") and full.endswith("6@28x28")
    title = dock.windowTitle()
    assert dock.fontMetrics().horizontalAdvance(title) <= dock.width() - 40, title
    assert title.startswith("C1")  # never "C1 · convoluti…"
