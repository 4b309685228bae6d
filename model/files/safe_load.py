"""Reading a weights file safely, before torch sees it.

`torch.load(weights_only=True)` already refuses code, but it trusts the archive: it does not
check the zip's CRCs (a flipped tensor byte loads silently), and it inflates whatever sizes the
archive declares (a 4 MB deflate bomb took 4.1 GB). So the bytes are read here first, with caps:
the file is a regular file of bounded size, every zip member's declared size is bounded, every
member is read back through `zipfile` (which stops at the declared size and checks the CRC).
Only then does torch parse it, from memory. Every problem is a `CheckpointError` naming the file.
"""

from __future__ import annotations

import io
import pickle
import pickletools
import zipfile
from pathlib import Path
from typing import Any

import torch

from model.errors import CheckpointError
from model.files.bounded import open_regular

#: A LeNet-5 checkpoint is ~250 KB; anything far larger is not one of ours.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Total decompressed size of all members of the archive.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 4096
_CHUNK = 1 << 20
_SAFE_GLOBALS = ("torch.", "collections.OrderedDict", "_codecs.encode", "builtins.set")


def read_checkpoint_bytes(path: Path) -> bytes:
    """The file's bytes, refused if it is not a regular readable file of plausible size."""
    with open_regular(path, CheckpointError, "weights file") as fh:
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise CheckpointError(
                f"{path}: cannot read ({exc.strerror or exc})", reason="file.unreadable", path=path
            ) from None
    if len(data) > MAX_FILE_BYTES:
        raise CheckpointError(
            f"{path}: too large to be LeNet-5 weights (over {MAX_FILE_BYTES // 2**20} MB)",
            reason="weights.too_large",
            path=path,
        )
    return data


def verify_archive(data: bytes, path: Path) -> None:
    """For torch's zip format: sizes within the caps and every member's CRC intact."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return  # torch's legacy format or garbage: torch.load decides
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise CheckpointError(
                    f"{path}: not a weights file ({len(infos)} archive entries)",
                    reason="weights.not_weights",
                    path=path,
                )
            declared = sum(info.file_size for info in infos)
            if declared > MAX_UNPACKED_BYTES:
                raise CheckpointError(
                    f"{path}: refused: the archive declares {declared / 1e6:.0f} MB of content, "
                    f"far more than LeNet-5 weights (a decompression bomb or not a weights file)",
                    reason="weights.too_large",
                    path=path,
                )
            for info in infos:
                with zf.open(info) as member:  # stops at file_size; checks the CRC at the end
                    while member.read(_CHUNK):
                        pass
    except CheckpointError:
        raise
    except zipfile.BadZipFile as exc:
        raise CheckpointError(
            f"{path}: corrupt weights file ({exc})",
            reason="weights.corrupt",
            path=path,
        ) from None
    except (OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        detail = f"{type(exc).__name__}: {exc}"
        raise CheckpointError(
            f"{path}: corrupt weights file ({detail})",
            reason="weights.corrupt",
            path=path,
        ) from None


def torch_load(data: bytes, path: Path) -> Any:
    """`torch.load(weights_only=True)` from memory, every failure a `CheckpointError`."""
    try:
        return torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        code = code_reference(data) or ("code" if "global" in str(exc).lower() else None)
        if code:
            raise CheckpointError(
                f"{path}: refused: the file carries code ({code}), not just weights; "
                "it was not loaded (unsafe)",
                reason="weights.carries_code",
                path=path,
            ) from None
        raise CheckpointError(
            f"{path}: not a weights file (unknown or corrupt format)",
            reason="weights.not_weights",
            path=path,
        ) from None
    except (RuntimeError, zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        code = code_reference(data)
        if code:
            raise CheckpointError(
                f"{path}: refused: the file carries code ({code}), not just weights; "
                "it was not loaded (unsafe)",
                reason="weights.carries_code",
                path=path,
            ) from None
        detail = _first(exc)
        raise CheckpointError(
            f"{path}: corrupt or truncated weights file ({detail})",
            reason="weights.corrupt",
            path=path,
        ) from None
    except MemoryError:
        raise CheckpointError(
            f"{path}: not a weights file (too large to load)",
            reason="weights.not_weights",
            path=path,
        ) from None
    except Exception as exc:  # torch raises assorted types for garbage input
        raise CheckpointError(
            f"{path}: not a weights file (unknown or corrupt format: {type(exc).__name__})",
            reason="weights.not_weights",
            path=path,
        ) from None


def code_reference(data: bytes) -> str | None:
    """The first reference to code outside torch in the file's pickle, read without running it
    (`pickletools` only parses); None if there is none or it cannot be parsed."""
    pickled = data
    if zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = [n for n in zf.namelist() if n.endswith("data.pkl")]
                if not names:
                    return None
                pickled = zf.read(names[0])
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
            return None
    strings: list[str] = []
    try:
        for op, arg, _pos in pickletools.genops(pickled):
            if isinstance(arg, str):
                strings.append(arg)
            if op.name == "GLOBAL":
                name = str(arg).replace(" ", ".")
            elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
                name = ".".join(strings[-2:])
            elif op.name in ("INST", "OBJ", "EXT1", "EXT2", "EXT4"):
                return f"the pickle operation {op.name}"
            else:
                continue
            if not name.startswith(_SAFE_GLOBALS):
                return f"a reference to {name}"
    except Exception:  # garbage: not a pickle at all
        return None
    return None


def _first(exc: BaseException) -> str:
    """The first sentence of an exception message: torch's are paragraphs."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.split(". ")[0]
