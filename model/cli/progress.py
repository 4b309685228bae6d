"""A small text progress bar for the CLIs (stderr), with no dependency."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def format_seconds(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


class ProgressBar:
    """`[#####.....]  50%  label  suffix`, redrawn in place at most every `interval` seconds."""

    def __init__(
        self, label: str = "", width: int = 30, stream: TextIO | None = None, interval: float = 0.1
    ) -> None:
        self.label = label
        self.width = width
        self.stream = stream or sys.stderr
        self.interval = interval
        self._last = 0.0
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, fraction: float, suffix: str = "", force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval and fraction < 1.0:
            return
        self._last = now
        fraction = min(max(fraction, 0.0), 1.0)
        filled = int(round(fraction * self.width))
        bar = "#" * filled + "." * (self.width - filled)
        line = f"[{bar}] {fraction * 100:5.1f}%  {self.label}  {suffix}".rstrip()
        if self._tty:
            self.stream.write("\r\033[K" + line)
        elif force or fraction >= 1.0:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self, message: str = "") -> None:
        if self._tty:
            self.stream.write("\r\033[K" if message else "\n")
        if message:
            self.stream.write(message + "\n")
        self.stream.flush()
