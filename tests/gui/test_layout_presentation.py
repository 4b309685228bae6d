"""Presentation mode (View ▸ Presentation) enlarges what a class at the back of the room must
read: the canvas where the window's height allows, the plots' text, the true-label line, the
digit buttons and the F1 guide; nothing is cut; and it is remembered for the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.draw.layout import MINIMUM_SIZES
from tests.gui.mouse import draw_stroke
from tests.gui.test_layout_every_screen import TWO, cut_texts


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def tick_points(window) -> float:
    axis = window.panels["probabilities"].getPlotItem().getAxis("left")
    return (
        axis.style["tickFont"].pointSizeF() if axis.style["tickFont"] else axis.font().pointSizeF()
    )


def test_presentation_enlarges_everything_a_class_reads(window, qtbot) -> None:
    window.resize(1600, 1000)
    draw_stroke(window.canvas, TWO)
    window.digit_panel.set_true_label(2)
    settle()
    canvas, ticks = window.canvas.width(), tick_points(window)
    button = window.draw.label_row.buttons[0].width()
    guide_points = window.classroom.show_guide().text.font().pointSizeF()
    truth_points = window.digit_panel.truth.font().pointSizeF()
    window.classroom.presentation.trigger()
    settle()
    assert window.canvas.width() > canvas  # the centre takes its larger share
    assert tick_points(window) >= 1.4 * ticks  # "100%", "75%"… grow with the window's text
    assert window.draw.label_row.buttons[0].width() >= 1.4 * button
    truth = window.digit_panel.truth
    assert truth.font().pointSizeF() >= 1.4 * truth_points
    assert truth.height() >= truth.fontMetrics().height()  # the true-label line whole
    assert window.classroom.show_guide().text.font().pointSizeF() >= 1.4 * guide_points
    found = cut_texts(window.draw) + [
        t for d in window.workspace_docks.values() for t in cut_texts(d)
    ]
    assert found == []
    window.close()


def test_presentation_is_remembered(qtbot, weights_path, settings) -> None:
    from app.shell.start import open_window

    first = open_window(weights_path, settings)
    qtbot.addWidget(first)
    first.classroom.presentation.trigger()
    first.close()
    second = open_window(weights_path, settings)
    qtbot.addWidget(second)
    assert second.classroom.presentation.isChecked()
    assert second.font().pointSizeF() >= 1.4 * first.classroom.base_point_size


def test_presentation_keeps_the_canvas_large_and_the_answer_whole(window, qtbot) -> None:
    """Where the window's height is the limit, presentation mode's larger answer took height
    from the canvas (1366x768: 546 -> 466 px); at 800x600 it was cut ("100.0% confide"). The
    answer now fits the room (its type smaller there, never below normal) and, where that
    leaves the canvas more room, sits beside the digit buttons in two rows."""
    window.resize(1600, 1000)
    draw_stroke(window.canvas, TWO)
    found = []
    for size in [(1366, 768), (1600, 1000), (1920, 1080), (800, 600)]:
        window.resize(*size)
        settle()
        normal = window.canvas.width()
        window.classroom.presentation.trigger()
        settle()
        presenting = window.canvas.width()
        # the larger menus, toolbar and buttons take some height; the answer no longer does
        if size[0] > 800 and presenting < 0.9 * normal:
            found.append(f"{size}: the canvas shrank from {normal} to {presenting} px")
        if presenting < 270:  # its raster is 280 px; the buttons, at 1.5 times, need the rest
            found.append(f"{size}: the canvas is {presenting} px")
        box = window.draw.answer
        if box.geometry().right() > window.draw.width() or box.geometry().left() < 0:
            found.append(f"{size}: the answer reaches past the centre ({box.geometry()})")
        found += [f"{size}: {text}" for text in cut_texts(window.draw)]
        window.classroom.presentation.trigger()
        settle()
    assert found == [], "\n".join(found)


def test_the_input_caption_gives_way_at_800x600_instead_of_being_cut(window, qtbot) -> None:
    """800x600 in presentation mode leaves the input's dock no room for its three-line
    caption: a shorter one, or none (the full text stays its tooltip), never one cut mid-line;
    a window with room shows it whole again."""
    caption = window.panels["input"].caption
    window.classroom.presentation.trigger()
    window.resize(800, 600)
    settle()
    assert cut_texts(window.panels["input"]) == []
    assert not caption.isVisible() or caption.text() != caption.texts[0]
    assert caption.toolTip() == caption.texts[0]
    window.classroom.presentation.trigger()
    window.resize(1600, 1000)
    settle()
    assert caption.isVisible() and caption.text() == caption.texts[0]
    window.close()


def test_at_800x600_presenting_every_dock_ends_above_the_status_bar(window, qtbot) -> None:
    """Presentation mode's larger menus, toolbar and dock titles left Draw's left column 30 px
    short at 800x600, and the kernels' dock ran on under the status bar (its hint hidden). The
    panels' minimum heights now give way there, and come back where there is room; the dense
    strips' titles shorten to their names rather than being cut ("84) F6")."""
    draw_stroke(window.canvas, TWO)
    window.resize(800, 600)
    window.classroom.presentation.trigger()
    kernels = MINIMUM_SIZES["kernels"][1]
    qtbot.waitUntil(lambda: window.panels["kernels"].minimumHeight() < kernels)
    settle()
    bar = window.statusBar().geometry().top()
    docks = [d for d in window.workspace_docks.values() if d.isVisible()]
    assert docks
    for dock in docks:
        assert dock.geometry().bottom() < bar, dock.objectName()
    found = [t for d in docks for t in cut_texts(d)]
    assert found == []
    dense = window.panels["dense"]
    for strip in dense.strips.values():
        assert strip.title.text == strip.name  # "F5", "F6": whole
        assert strip.title_length() > strip.view.height()  # the full title would not fit
    assert dense.readout.text() == "Hover a unit for its value"  # two lines, not three
    assert dense.readout.toolTip().startswith(dense.readout.text())  # the full hint stays

    window.classroom.presentation.trigger()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.panels["kernels"].minimumHeight() == kernels)
    settle()
    assert [s.title.text for s in dense.strips.values()] == ["F5  (120)", "F6  (84)"]
    assert dense.readout.text().startswith("Hover a unit for its value (")
    window.close()
