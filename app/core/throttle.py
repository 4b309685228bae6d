"""Coalesce bursts of "the drawing changed" into at most one refresh per display frame.

A fast stroke delivers mouse moves far faster than 60 Hz. Each change only marks the view
dirty; a single-shot timer runs the refresh once, no sooner than one frame after the previous
refresh, so work never queues up behind the pen. `flush()` runs a pending refresh at once,
which is how `window.current_result` stays exact for scripts that read it between events.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FRAME_MS = 16


class FrameThrottle(QObject):
    """Calls `callback` at most once per `frame_ms` after `request()`; never drops the last."""

    def __init__(
        self, callback: Callable[[], None], frame_ms: int = FRAME_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._callback = callback
        self._frame_s = frame_ms / 1000.0
        self._last = -1.0
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._pending

    def request(self, eager: bool = False) -> None:
        """Mark dirty; schedule a refresh for the next frame boundary (or the next loop pass).

        `eager`: when a whole frame has passed since the last refresh, refresh now, in this
        call (the first change after a pause shows at once; only a burst is coalesced).
        """
        self._pending = True
        wait = self._frame_s - (time.perf_counter() - self._last)
        if eager and wait <= 0:
            self.flush()  # stops a timer still waiting too
            return
        if not self._timer.isActive():
            self._timer.start(max(0, round(wait * 1000)))

    def forget(self) -> None:
        """As if the last refresh were long ago: the next eager request refreshes at once."""
        self._last = -1.0

    def flush(self) -> None:
        """Run the pending refresh now, if any."""
        self._timer.stop()
        if not self._pending:
            return
        self._pending = False
        self._last = time.perf_counter()
        self._callback()
