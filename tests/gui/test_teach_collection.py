"""Issue 11, part 3: Training ▸ My drawings… lists the kept drawings grouped by label with how
the network reads them; relabel, delete, export and import (merging, no duplicates); a corrupt
collection file is set aside and the user is told once. Issue 19: counts read as English
("1 drawing", "2 drawings": the English plural catalogue) and a delete can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from app import i18n
from app.teach.collection_model import KIND_ROLE, LABEL_ROLE
from model.data.collection import Collection, default_collection_path, read_collection
from tests.gui.teach_support import draw_one


@pytest.fixture(autouse=True)
def english(qapp) -> None:
    """English as the app installs it at start: with its plural catalogue."""
    assert i18n.install_language(i18n.ENGLISH)


def rows(dialog) -> list[tuple[str, int]]:
    m = dialog.model
    return [(m.index(r).data(KIND_ROLE), m.index(r).data(LABEL_ROLE)) for r in range(m.rowCount())]


def click_drawing(qtbot, dialog, drawing_id: str) -> None:
    index = dialog.model.index(dialog.model.row_of(drawing_id))
    rect = dialog.view.visualRect(index)
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def keep_three(window) -> list:
    kept = []
    for x, label in ((140.0, 1), (110.0, 7), (170.0, 1)):
        window.context.drawing.clear()
        draw_one(window.canvas, x)
        kept.append(window.teach(label))
    return kept


def test_view_groups_by_label_and_marks_misread(qtbot, window, data_home) -> None:
    kept = keep_three(window)
    window.findChild(type(window.teacher.collection_action), "actionMyDrawings").trigger()
    dialog = window.teacher.collection_dialog
    qtbot.waitExposed(dialog)
    assert rows(dialog) == [
        ("header", 1),
        ("drawing", 1),
        ("drawing", 1),
        ("header", 7),
        ("drawing", 7),
    ]
    # a straight bar reads as 1, so the one kept as 7 is misread, and marked so
    assert [d.id for d in dialog.model.misread()] == [kept[1].id]
    assert "misreads 1" in dialog.summary.text()
    header = dialog.view.visualRect(dialog.model.index(0))
    assert header.width() > 300  # a header takes the whole line
    first = dialog.view.visualRect(dialog.model.index(1))
    assert first.top() >= header.bottom()


def test_relabel_and_delete_through_the_buttons(qtbot, window, data_home) -> None:
    kept = keep_three(window)
    dialog = window.teacher.open_collection_view()
    qtbot.waitExposed(dialog)
    click_drawing(qtbot, dialog, kept[1].id)
    dialog.relabel_box.setCurrentIndex(1)
    qtbot.mouseClick(dialog.relabel_button, Qt.MouseButton.LeftButton)
    assert [d.label for d in read_collection(default_collection_path())] == [1, 1, 1]
    assert dialog.model.misread() == []
    assert rows(dialog)[0] == ("header", 1) and len(rows(dialog)) == 4

    assert "Relabelled 1 drawing as 1." == dialog.message.text()

    click_drawing(qtbot, dialog, kept[0].id)
    confirm_delete(qtbot, dialog, "confirmDeleteButton")
    ids = [d.id for d in read_collection(default_collection_path())]
    assert ids == [kept[1].id, kept[2].id]
    assert "Deleted 1" in dialog.message.text()


def confirm_delete(qtbot, dialog, button_name: str | None) -> None:
    """Delete through the button, then answer the confirmation (None: Cancel)."""
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    qtbot.waitExposed(box)
    assert "Delete 1 drawing from your collection?" in box.text()
    assert "Undo delete (Ctrl+Z) in this window brings it back" in box.text()
    button = (
        box.findChild(QPushButton, button_name)
        if button_name
        else box.button(QMessageBox.StandardButton.Cancel)
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_delete_asks_first_and_cancel_keeps_the_drawing(qtbot, window, data_home) -> None:
    kept = keep_three(window)
    dialog = window.teacher.open_collection_view()
    qtbot.waitExposed(dialog)
    # one drawing per label: the header says "1 drawing", never "1 drawing(s)" or "1 drawings"
    assert dialog.model.index(dialog.model.row_of(kept[1].id) - 1).data() == "7 · 1 drawing"
    assert dialog.model.index(0).data() == "1 · 2 drawings"
    assert dialog.summary.text().startswith("3 drawings in ")
    click_drawing(qtbot, dialog, kept[0].id)
    confirm_delete(qtbot, dialog, None)
    assert len(read_collection(default_collection_path())) == 3
    assert dialog.message.text() == ""
    click_drawing(qtbot, dialog, kept[0].id)
    confirm_delete(qtbot, dialog, "confirmDeleteButton")
    assert [d.id for d in read_collection(default_collection_path())] == [kept[1].id, kept[2].id]
    assert dialog.message.text() == "Deleted 1 drawing. Undo delete (Ctrl+Z) brings it back."


def test_undo_delete_puts_the_drawings_back_where_they_were(qtbot, window, data_home) -> None:
    """Issue 19, item 15: nothing kept is lost by a slip. Two drawings deleted together come
    back with Undo delete, in their places; Ctrl+Z in the dialog does the same."""
    kept = keep_three(window)
    dialog = window.teacher.open_collection_view()
    qtbot.waitExposed(dialog)
    assert not dialog.undo_button.isEnabled()
    click_drawing(qtbot, dialog, kept[0].id)
    index = dialog.model.index(dialog.model.row_of(kept[1].id))
    qtbot.mouseClick(
        dialog.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        dialog.view.visualRect(index).center(),
    )
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    qtbot.waitExposed(box)
    assert "Delete 2 drawings from your collection?" in box.text() and "them back" in box.text()
    qtbot.mouseClick(box.findChild(QPushButton, "confirmDeleteButton"), Qt.MouseButton.LeftButton)
    assert [d.id for d in read_collection(default_collection_path())] == [kept[2].id]
    assert dialog.message.text() == "Deleted 2 drawings. Undo delete (Ctrl+Z) brings them back."
    assert dialog.summary.text().startswith("1 drawing in ")

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert [d.id for d in read_collection(default_collection_path())] == [d.id for d in kept]
    assert dialog.message.text() == "Put back 2 drawings."
    assert ("header", 7) in rows(dialog) and not dialog.undo_button.isEnabled()

    click_drawing(qtbot, dialog, kept[2].id)
    confirm_delete(qtbot, dialog, "confirmDeleteButton")
    assert len(read_collection(default_collection_path())) == 2
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [d.id for d in read_collection(default_collection_path())] == [d.id for d in kept]
    assert dialog.message.text() == "Put back 1 drawing."


def test_selected_caption_reads_on_the_highlight(qtbot, window, data_home) -> None:
    """The caption of a selected thumbnail is the palette's highlighted text, not grey on cyan."""
    from app.teach.collection_model import caption_colour

    dialog = window.teacher.open_collection_view()
    pal = dialog.view.palette()
    assert caption_colour(pal, True, False) == pal.highlightedText().color()
    assert caption_colour(pal, True, True) == pal.highlightedText().color()
    assert caption_colour(pal, False, False) != pal.highlightedText().color()


def test_export_adds_the_json_extension(qtbot, window, data_home, tmp_path, monkeypatch) -> None:
    keep_three(window)
    dialog = window.teacher.open_collection_view()
    typed = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(typed), "LeNet Lens collections (*.json)"),
    )
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "mine.json").is_file() and not typed.exists()
    assert "Exported 3 drawings" in dialog.message.text()


def test_export_then_import_merges_without_duplicates(
    qtbot,
    window,
    data_home,
    tmp_path: Path,
) -> None:
    kept = keep_three(window)
    dialog = window.teacher.open_collection_view()
    exported = dialog.export_to(tmp_path / "mine.json")
    assert [d.id for d in read_collection(exported)] == [d.id for d in kept]
    assert dialog.import_from(exported).added == 0  # all already here

    other = Collection(tmp_path / "other.json")
    other.merge(read_collection(exported)[:1])
    extra = Collection.open(tmp_path / "other.json")
    extra.keep([[(60.0, 50.0 + 4.5 * i) for i in range(41)]], 4)
    result = dialog.import_from(tmp_path / "other.json")
    assert (result.added, result.skipped) == (1, 1)
    assert len(read_collection(default_collection_path())) == 4
    assert ("header", 4) in rows(dialog)

    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    assert dialog.import_from(bad) is None
    assert "bad.json" in dialog.message.text()
    assert len(read_collection(default_collection_path())) == 4


def test_corrupt_collection_is_set_aside_and_said_once(window, data_home) -> None:
    path = default_collection_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "lenet-lens-collection", "version": 1, "drawings": [1')
    draw_one(window.canvas)
    assert window.teach(5) is not None  # a new collection was started; the drawing kept
    box = window.error_box
    assert isinstance(box, QMessageBox)
    assert "set" in box.text() or "kept unchanged" in box.text()
    assert "collection.json.corrupt-" in box.text()
    aside = list(path.parent.glob("collection.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text().endswith("[1")
    box.close()
    window.error_box = None
    window.teacher.open_collection_view()
    window.teach(6)
    assert window.error_box is None  # said once
