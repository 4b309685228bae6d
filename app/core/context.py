"""The app context: what every feature is handed instead of the window.

The entry point builds one (`AppContext.load`, which also loads the model), then the window.
Features, dialogs, panel factories and workspaces receive it and use what it holds:

- `session`: the live session (which network reads the drawing, what it read; previews);
- `drawing`: the drawing (strokes, raster, undo history), which the canvas view renders;
- `collection`: the user's kept drawings, opened on first use;
- `data_cache`: the one cache of loaded data (MNIST, the pen pool, test splits, data sets);
- `data_location`: the one MNIST and pen-digit folder every feature uses (`app.core.data_location`);
- `jobs`: the one owner of background jobs (`app.core.jobs.JobOwner`; stopped all on quit);
- `settings`: the app's QSettings.

and they speak through its signals, never to the window:

    feature ──notice(text, ms)───────────▶ window status bar
    feature ──error(title, text, exc)────▶ window error box (details: the traceback)
    feature ──navigate(workspace key)────▶ window switches workspace ──▶ workspace_changed(key)
    Insight ──sample_opened(label, result)──▶ Draw's answer shows the true label
    a panel ──unit_hovered(layer, row, col) / unit_left()──▶ Draw's input panel and canvas
    a panel ──map_requested(layer, index)──▶ Draw opens the map's detail beside the canvas
    help ─────presentation(scale)────────▶ Draw's answer grows for a projector
    Insight ──overlay_requested(widget)──▶ Draw lays the attribution map over the canvas

`MainWindow` is the only listener to notices, errors and navigation, and the only code that
touches the status bar, error boxes and the workspace stack.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from app.core.collection import UserCollection
from app.core.data_cache import DATA_CACHE, DataCache
from app.core.data_location import DATA_LOCATION, DataLocation
from app.core.drawing import CanvasDrawing
from app.core.jobs import JobOwner, job_owner
from app.core.session import LiveSession
from model.network.inference import Predictor

NOTICE_MS = 5000
Part = TypeVar("Part", bound=QObject)


class AppContext(QObject):
    """Shared state and the signals features speak through; see the module docstring."""

    #: A short message for the status bar; how long in ms (0: until the next one).
    notice = Signal(str, int)
    #: An error for the user: title, translated text, the exception (or None) for the details.
    error = Signal(str, str, object)
    #: Show the workspace with this key.
    navigate = Signal(str)
    #: The window now shows this workspace (emitted by the window only).
    workspace_changed = Signal(str)
    #: A data set sample was opened in Draw: its true label (None if unknown), its prediction.
    sample_opened = Signal(object, object)
    #: A unit of a layer is pointed at (layer, row, col), or no longer (`unit_left`).
    unit_hovered = Signal(str, int, int)
    unit_left = Signal()
    #: Open a feature map large beside its kernels (layer, map index).
    map_requested = Signal(str, int)
    #: Presentation mode: text scale for the large answer (1.0: normal).
    presentation = Signal(float)
    #: The app is quitting: stop background work now (emitted by the window only).
    closing = Signal()
    #: Lay this widget over the drawing (a transparent overlay; Draw parents it to the canvas).
    overlay_requested = Signal(object)

    def __init__(
        self, predictor: Predictor, settings: QSettings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.drawing = CanvasDrawing(self)
        self.session = LiveSession(
            predictor,
            self.drawing.network_raster,
            parent=self,
            stroke_source=self.drawing.stroke_paths,
        )
        self.collection = UserCollection(lambda title, text: self.show_error(title, text), self)
        self.data_cache: DataCache = DATA_CACHE
        self.data_location: DataLocation = DATA_LOCATION  # one MNIST folder for every feature
        DATA_LOCATION.attach(settings)
        self.jobs: JobOwner = job_owner()
        self.workspace = ""  # the key of the workspace the window shows
        self._parts: dict[type, QObject] = {}
        self.drawing.changed.connect(self.session.request)
        self.drawing.notice.connect(lambda text: self.notice.emit(text, 8000))
        self.workspace_changed.connect(self._set_workspace)

    @classmethod
    def load(cls, weights_path: str | os.PathLike | None, settings: QSettings) -> AppContext:
        """Load the weights (the shipped ones for None) and build the context around them.
        Raises `model.errors.CheckpointError`; the entry point falls back on it."""
        return cls(Predictor.load(weights_path), settings)

    def part(self, kind: Callable[[AppContext], Part]) -> Part:
        """The one `kind(context)` of this context, made on first use: state a workspace's
        centre and its docks share (e.g. `app.insight.link.InsightLink`)."""
        found = self._parts.get(kind)  # type: ignore[arg-type]
        if found is None:
            found = self._parts[kind] = kind(self)  # type: ignore[index]
        return found  # type: ignore[return-value]

    def _set_workspace(self, key: str) -> None:
        self.workspace = key

    # ----- speaking to the user (through the window) ------------------------------------------
    def show_notice(self, text: str, ms: int = NOTICE_MS) -> None:
        self.notice.emit(text, ms)

    def show_error(self, title: str, text: str, exc: BaseException | None = None) -> None:
        self.error.emit(title, text, exc)

    def go_to(self, workspace: str) -> None:
        """Ask the window to show `workspace` (done by the time this returns)."""
        self.navigate.emit(workspace)
