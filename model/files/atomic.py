"""The one save path for every file the app writes: weights, collections, exports.

Why each step:
- the new content goes to a temporary file in the target's folder (same file system, so the
  final rename is atomic) and is fsynced before the rename: after a crash or a kill at any
  moment, the target name holds either the complete old file or the complete new one;
- the optional `<name>.bak` is made by hard link (or copy) of the old file, never by moving the
  target away, so there is no instant where the target name is missing;
- the folder is fsynced after the rename, so the rename itself survives a power cut;
- a target that is not a regular file (directory, device, FIFO, socket) is refused: renaming
  over it would move it aside or destroy it;
- temporary files carry a recognisable name with the writer's PID; those whose process is dead
  (a save that was killed) are removed by the next save in that folder;
- every failure, whatever the library raises (torch raises `RuntimeError` on a full disk), is a
  `SaveError` naming the file and the cause, and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from model.errors import SaveError

TEMP_TAG = "lenet-lens"
#: `.<start of name>.lenet-lens-<pid>-<token>.tmp`, and the older `.<name>.<pid>.tmp`.
_TEMP_RE = re.compile(r"^\..*\." + TEMP_TAG + r"-(\d+)-[0-9a-f]+\.tmp$")
_OLD_TEMP_RE = re.compile(r"^\.(.+(?:\.pt|\.gz|-ubyte))\.(\d+)\.tmp$")  # weights and IDX
_NAME_PART = 48  # keep temp names well under NAME_MAX whatever the target's length

Writer = Callable[[BinaryIO], object]  # the result (e.g. bytes written) is ignored


def atomic_write_bytes(
    path: str | os.PathLike,
    data: bytes,
    *,
    backup: bool = False,
    make_parents: bool = False,
    error: type[SaveError] = SaveError,
) -> Path:
    """Write `data` to `path` atomically; see `atomic_write`."""
    return atomic_write(
        path, lambda fh: fh.write(data), backup=backup, make_parents=make_parents, error=error
    )


def atomic_write(
    path: str | os.PathLike,
    writer: Writer,
    *,
    backup: bool = False,
    make_parents: bool = False,
    error: type[SaveError] = SaveError,
) -> Path:
    """Call `writer(fh)` on a temporary file and atomically put the result at `path`.

    `backup=True` keeps the replaced file as `<name>.bak` (hard link, else copy). A symlink
    target is followed (the file it points to is replaced, the link kept). Returns the path
    written. Raises `error` (a `SaveError`) naming the file and the cause; the target then
    still holds its previous content and no temporary file is left.
    """
    target = Path(path)
    try:
        target = _real_target(target, make_parents)
        folder = target.parent
        clean_stale_temps(folder)
        old = _regular_or_absent(target)
    except SaveError as exc:
        raise error(str(exc), **exc.details()) from None
    except Exception as exc:  # any failure is the user's "not saved"
        raise error(
            f"{target}: cannot save ({_cause(exc, folder=target.parent)})",
            reason="save.failed",
            path=target,
        ) from None

    tmp = _temp_path(folder, target.name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)  # the umask applies, as for a plain open()
    except OSError as exc:  # nothing could be created: say why about the folder, and never
        unchanged = "" if old is None else "; the previous file is unchanged"  # name a
        cause = folder_problem(exc, folder)  # temporary file that does not exist
        raise error(
            f"{target}: cannot save ({cause}){unchanged}", reason="save.failed", path=target
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if old is not None:
            _copy_mode(old, tmp)
            if backup:
                _make_backup(target, folder)
        os.replace(tmp, target)
    except BaseException as exc:
        cause = _cause(exc, folder=folder)
        leftover = _remove(tmp)
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: not ours to eat
            raise
        message = f"{target}: cannot save ({cause}); the previous file is unchanged"
        if old is None:
            message = f"{target}: cannot save ({cause})"
        if leftover:
            message += f"; the temporary file {tmp} could not be removed ({leftover})"
        raise error(message, reason="save.failed", path=target) from None
    _fsync_folder(folder)
    return target


def check_target(path: str | os.PathLike) -> None:
    """Refuse early (`SaveError`) a target that a save would certainly refuse: not a regular
    file, under a path part that is a file, or in a folder nothing can be written in (read-only,
    no permission). For long jobs (training) to fail before, not after, the work. A missing
    folder is fine when the nearest existing one is writable: savers make parents."""
    target = Path(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        parent = target.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():
            raise SaveError(
                f"{target}: cannot save ({parent} is a file, not a folder)",
                reason="save.failed",
                path=target,
            ) from None
        _check_writable(target, parent)
        return
    except OSError as exc:
        raise SaveError(
            f"{target}: cannot save ({_cause(exc, target.parent)})",
            reason="save.failed",
            path=target,
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(
            f"{target}: cannot save: not a regular file ({file_kind(st.st_mode)})",
            reason="save.not_regular",
            path=target,
        )
    _check_writable(target, target.parent)


def _check_writable(target: Path, folder: Path) -> None:
    """Create and remove a probe file in `folder`, as the save's temporary file will be."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".lenet-lens-probe-", dir=folder)
    except OSError as exc:
        raise SaveError(
            f"{target}: cannot save ({folder_problem(exc, folder)})",
            reason="save.failed",
            path=target,
        ) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def clean_stale_temps(folder: str | os.PathLike) -> list[Path]:
    """Remove this app's temporary files in `folder` whose writing process is gone.

    Best effort: a file that cannot be removed is left for next time. Returns those removed.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_RE.match(entry.name) or _OLD_TEMP_RE.match(entry.name)
        if not match:
            continue
        pid = int(match.group(match.lastindex or 1))
        try:
            if not entry.is_file(follow_symlinks=False) or _pid_alive(pid):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def is_temp_name(name: str) -> bool:
    """Whether `name` is one of this app's temporary save files."""
    return bool(_TEMP_RE.match(name))


def _temp_path(folder: Path, name: str) -> Path:
    return folder / f".{name[:_NAME_PART]}.{TEMP_TAG}-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _real_target(target: Path, make_parents: bool) -> Path:
    if target.is_symlink():
        target = target.resolve()
    if make_parents:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # the parent itself is a file
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory") from None
    return target


def _regular_or_absent(target: Path) -> os.stat_result | None:
    """The target's stat if it is a regular file, None if absent; SaveError otherwise."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise SaveError(
                f"{target}: cannot save (folder {target.parent} not found)",
                reason="save.failed",
                path=target,
            ) from None
        return None
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(
            f"{target}: cannot save: not a regular file ({file_kind(st.st_mode)})",
            reason="save.not_regular",
            path=target,
        )
    return st


def file_kind(mode: int) -> str:
    """'a directory', 'a device', … for messages about non-regular files."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _make_backup(target: Path, folder: Path) -> None:
    """`<name>.bak` := the current target, without ever moving the target away."""
    bak = target.with_name(target.name + ".bak")
    try:
        if os.path.samefile(target, bak):
            return  # already a link to it (a save killed before its rename): nothing to do
    except OSError:
        pass
    tmp = _temp_path(folder, bak.name)
    try:
        try:
            os.link(target, tmp)
        except OSError:  # no hard links here (FAT, some network shares): copy instead
            shutil.copy2(target, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, bak)
    finally:
        _remove(tmp)  # POSIX: renaming onto another link of the same file is a no-op


def _copy_mode(old: os.stat_result, tmp: Path) -> None:
    try:
        os.chmod(tmp, stat.S_IMODE(old.st_mode))
    except OSError:
        pass  # the new file keeps default permissions: not worth failing the save


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Best effort: the file is already in place; some file systems
    (and Windows) cannot fsync a folder, which is no reason to report the save as failed."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(tmp: Path) -> str:
    """Delete a temporary file; '' if gone, else why it could not be removed."""
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt" or pid <= 0:
        return True  # cannot tell cheaply: keep the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but is someone else's
    return True


def folder_problem(exc: OSError, folder: Path) -> str:
    """Why nothing could be created in `folder`, in words the user can act on (a read-only
    file system, no permission, a missing folder), never a file name that was not made."""
    if exc.errno == errno.EROFS:
        return f"the folder {folder} is read-only (a read-only file system)"
    if isinstance(exc, PermissionError):
        return f"no permission to write in the folder {folder}"
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return f"a part of the folder path {folder} is a file, not a folder"
    if isinstance(exc, FileNotFoundError):
        return f"the folder {folder} does not exist"
    return _cause(exc, folder)


def _cause(exc: BaseException, folder: Path) -> str:
    """A short human cause for any save failure."""
    if isinstance(exc, OSError):
        if exc.errno == errno.EROFS:
            return f"the folder {folder} is read-only (a read-only file system)"
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "No space left on the device"
        if exc.errno == errno.ENAMETOOLONG:
            return "file name too long"
        if isinstance(exc, NotADirectoryError):
            return "a part of the folder path is a file, not a folder"
        if isinstance(exc, PermissionError):
            return "permission denied"
        if _disk_full(folder):
            return "No space left on the device"
        return exc.strerror or str(exc) or type(exc).__name__
    if _disk_full(folder):  # torch reports a full disk as RuntimeError("unexpected pos …")
        return "No space left on the device"
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return f"write failed: {first}"


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False
