"""Training ▸ My drawings…: the personal collection, grouped by label, as the network reads it.

Delete and relabel act on the selected thumbnails; a delete can be undone (Undo delete, Ctrl+Z)
for as long as the app runs, so no kept drawing is lost by a slip. Export writes the whole
collection to a file in the same documented format (docs/collection-format.md) and Import merges
one in, skipping drawings already kept (ids are hashes of the strokes). Every change goes
through the user's collection (app/core/collection.py), which saves at once (atomically); a
failed save changes nothing and says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.collection import notice_text
from app.core.context import AppContext
from app.core.error_text import error_text
from app.teach.collection_model import (
    DRAWING_ROLE,
    CollectionDelegate,
    CollectionModel,
    read_drawings,
)
from app.widgets.save_dialog import ask_save_path
from model.data.collection import Drawing, ImportResult
from model.errors import CollectionError, SaveError


class CollectionDialog(QDialog):
    """The collection view (non-modal); `model` is its `CollectionModel`."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionDialog")
        self.setWindowTitle(self.tr("My drawings"))
        self.setModal(False)
        self.context = context
        self.user_collection = context.collection
        self.session = context.session
        self._reader = None
        self._reads: dict[str, int | None] = {}
        self.confirm_box: QMessageBox | None = None
        # each delete's (place, drawing) pairs, latest last: what Undo delete puts back
        self._deleted: list[list[tuple[int, Drawing]]] = []

        self.summary = QLabel()
        self.summary.setObjectName("collectionSummary")
        self.summary.setWordWrap(True)
        self.model = CollectionModel(self)
        self.view = QListView()
        self.view.setObjectName("collectionView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CollectionDelegate(self.view))
        self.view.setViewMode(QListView.ViewMode.ListMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(3)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setMinimumSize(480, 320)

        self.relabel_box = QComboBox()
        self.relabel_box.setObjectName("relabelDigit")
        self.relabel_box.addItems([str(d) for d in range(10)])
        self.relabel_button = QPushButton(self.tr("Relabel as"))
        self.relabel_button.setObjectName("relabelButton")
        self.relabel_button.clicked.connect(
            lambda: self.relabel_selected(self.relabel_box.currentIndex())
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_selected)
        self.undo_button = QPushButton(self.tr("Undo delete"))
        self.undo_button.setObjectName("undoDeleteButton")
        self.undo_button.setToolTip(self.tr("Put back the drawings deleted last (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_dialog)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_dialog)
        self.message = QLabel()
        self.message.setObjectName("collectionMessage")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for w in (self.relabel_button, self.relabel_box, self.delete_button, self.undo_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        for button in (
            self.relabel_button,
            self.delete_button,
            self.undo_button,
            self.export_button,
        ):
            button.setAutoDefault(False)
        self.import_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.user_collection.collection_changed.connect(self.refresh)
        self.session.reader_changed.connect(self.refresh)
        self.refresh()
        self.resize(720, 520)

    # ----- showing ------------------------------------------------------------------------
    @Slot()
    def refresh(self, *_args: object) -> None:
        """Re-read the collection and how the network reading the canvas reads each drawing."""
        collection = self.user_collection.collection
        drawings = collection.drawings
        reader = self.session.reader
        if reader is not self._reader:
            self._reader, self._reads = reader, {}
        missing = [d for d in drawings if d.id not in self._reads]
        if missing:
            self._reads.update(read_drawings(reader, missing))
        self.model.set_groups(collection.by_label())
        self.model.set_reads(self._reads)
        misread = len(self.model.misread())
        self.summary.setText(
            self.tr(
                "%n drawing(s) in {0}. The network reading the canvas misreads {1} of them "
                "(orange frame).",
                "",
                len(drawings),
            ).format(collection.path, misread)
        )
        if collection.read_only:
            self.message.setText(notice_text(collection))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        selected = bool(self.selected())
        self.relabel_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.undo_button.setEnabled(bool(self._deleted))
        self.export_button.setEnabled(len(self.user_collection.collection) > 0)

    def selected(self) -> list[Drawing]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.index(r).data(DRAWING_ROLE) for r in rows]

    def select(self, drawing_id: str) -> bool:
        """Select one drawing by id (automation)."""
        row = self.model.row_of(drawing_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row))
        return True

    # ----- changing -----------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, title: str, exc: Exception) -> None:
        text = self.tr("{0}\nNothing was changed.").format(error_text(exc))
        self._say(text)
        self.context.show_error(title, text, exc)

    @Slot()
    def relabel_selected(self, label: int) -> int:
        """Give the selected drawings `label`; how many were changed."""
        changed = 0
        try:
            for d in self.selected():
                if d.label != label:
                    self.user_collection.collection.relabel(d.id, label)
                    changed += 1
        except SaveError as exc:
            self._failed(self.tr("Not relabelled"), exc)
        if changed:
            self._say(self.tr("Relabelled %n drawing(s) as {0}.", "", changed).format(label))
            self.user_collection.announce()
        return changed

    @Slot()
    def delete_selected(self) -> QMessageBox | None:
        """Ask before deleting the selected drawings: the box is window-modal and non-blocking;
        its Delete button deletes them (Undo delete brings them back)."""
        drawings = self.selected()
        if not drawings:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete drawings"),
            self.tr(
                "Delete %n drawing(s) from your collection? Undo delete (Ctrl+Z) in this "
                "window brings them back.",
                "",
                len(drawings),
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDelete")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(
            lambda button: button is delete and self.delete_drawings(drawings)
        )
        self.confirm_box = box
        box.open()
        return box

    def delete_drawings(self, drawings: list[Drawing]) -> int:
        """Delete `drawings` (confirmed) in one saved change, kept for Undo delete; how many
        were deleted (none if the save failed)."""
        try:
            removed = self.user_collection.collection.delete_many([d.id for d in drawings])
        except SaveError as exc:
            self._failed(self.tr("Not deleted"), exc)
            return 0
        if removed:
            self._deleted.append(removed)
            self._say(
                self.tr(
                    "Deleted %n drawing(s). Undo delete (Ctrl+Z) brings them back.",
                    "",
                    len(removed),
                )
            )
            self.user_collection.announce()
        return len(removed)

    @Slot()
    def undo_delete(self) -> int:
        """Put back the drawings deleted last, in their old places (through the collection's
        locked save, as every change); how many came back."""
        if not self._deleted:
            return 0
        try:
            restored = self.user_collection.collection.restore(self._deleted[-1])
        except SaveError as exc:
            self._failed(self.tr("Not restored"), exc)
            return 0
        self._deleted.pop()
        self._say(self.tr("Put back %n drawing(s).", "", restored))
        self.user_collection.announce()
        self._update_buttons()
        return restored

    @Slot()
    def export_dialog(self) -> Path | None:
        path = ask_save_path(
            self,
            self.tr("Export my drawings"),
            str(Path.home() / "my-drawings.json"),
            self.tr("LeNet Lens collections (*.json);;All files (*)"),
        )
        return self.export_to(path) if path else None

    def export_to(self, path: str | Path) -> Path | None:
        """Write the whole collection to `path` (atomically); None (and why) on failure."""
        try:
            saved = self.user_collection.collection.export(path)
        except SaveError as exc:
            self._failed(self.tr("Not exported"), exc)
            return None
        self._say(
            self.tr("Exported %n drawing(s) to {0}.", "", len(self.model.drawings())).format(saved)
        )
        return saved

    @Slot()
    def import_dialog(self) -> object:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import drawings"),
            "",
            self.tr("LeNet Lens collections (*.json);;All files (*)"),
        )
        return self.import_from(path) if path else None

    def import_from(self, path: str | Path) -> ImportResult | None:
        """Merge a collection file in (drawings already kept are skipped)."""
        try:
            result = self.user_collection.collection.import_file(path)
        except (CollectionError, SaveError) as exc:
            self._failed(self.tr("Not imported"), exc)
            return None
        said = self.tr("Imported %n drawing(s).", "", result.added)
        if result.skipped:
            said += " " + self.tr(
                "%n drawing(s) were already in your collection.", "", result.skipped
            )
        self._say(said)
        if result.added:
            self.user_collection.announce()
        return result

    def event(self, event: QEvent) -> bool:
        """Ctrl+Z here is Undo delete, not the main window's Undo last stroke: claiming the
        shortcut makes it arrive as a key press (keyPressEvent)."""
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(
            QKeySequence.StandardKey.Undo
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.matches(QKeySequence.StandardKey.Undo):  # Ctrl+Z: Undo delete
            self.undo_delete()
            return
        super().keyPressEvent(event)
