"""An advisory lock beside a file, so that two processes changing it take turns.

The atomic save path (model/files/atomic.py) guarantees that a file is always a complete old or
new version, but not that two writers see each other's changes: two LeNet Lens windows keeping
drawings into one collection each wrote their own list, and the last rename won (34 of 80
drawings lost). A writer therefore holds this lock while it re-reads the file, applies its
change and writes the result (`model.data.collection.Collection`).

The lock is `<name>.lock` in the same folder, locked with `flock` (POSIX) or `msvcrt.locking`
(Windows). The lock file itself holds nothing and is never removed: removing it would let a
third process lock a new file while the second still holds the old one. Locks are released by
the operating system when a process dies, so a crash never leaves the collection locked.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

from model.errors import SaveError
from model.files.atomic import folder_problem

#: How long a writer waits for another one before giving up with a `SaveError`.
DEFAULT_TIMEOUT = 10.0
_POLL = 0.01

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: str | os.PathLike) -> Path:
    """The lock file of `path`: `<name>.lock` beside it."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


class FileLock:
    """`with FileLock(path):` holds the exclusive lock of `path` (waiting up to `timeout`
    seconds for another holder), else raises `error` (a `SaveError`) naming the file."""

    def __init__(
        self,
        path: str | os.PathLike,
        timeout: float = DEFAULT_TIMEOUT,
        error: type[SaveError] = SaveError,
    ) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.error = error
        self._fd: int | None = None

    def __enter__(self) -> FileLock:
        where = lock_path(self.path)
        try:
            fd = os.open(where, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as exc:
            raise self.error(
                f"{self.path}: not saved: {folder_problem(exc, where.parent)}"
            ) from None
        deadline = time.monotonic() + self.timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise self.error(
                    f"{self.path}: not saved: another LeNet Lens has been saving this file for "
                    f"over {self.timeout:g} s (lock {where.name}); try again"
                )
            time.sleep(_POLL)
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)
