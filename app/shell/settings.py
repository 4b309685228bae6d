"""What the app remembers between runs (QSettings): geometry, dock layout, pen, last weights.

Keys live here so the window and the tests agree on them. Tests pass their own QSettings
(an INI file in a temporary folder) so they never touch the user's settings.

Every value is read through one typed reader, `read(settings, SETTING)`: each key the app reads
is declared once below with its type, its default and what a valid value is. A settings file is
the user's to edit (or a stale one from another version, or a damaged one), so a value of the
wrong type or out of range (`nan` for the pen width, a path with a NUL byte, a list where a
language code belongs) costs only that remembered choice: the default is used, a log line says
which key was ignored, and the app starts.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QTemporaryDir

log = logging.getLogger(__name__)

ORGANIZATION = "LeNet Lens"
APPLICATION = "LeNet Lens"

GEOMETRY = "window/geometry"
DOCK_STATE = "window/dockState"
PEN_WIDTH = "canvas/penWidth"
LAST_WEIGHTS = "model/lastWeights"
WORKSPACE = "window/workspace"
LANGUAGE = "ui/language"  # "en" or "zh_CN"; unset: the system locale (app/i18n)
RECENT_WEIGHTS = "model/recentWeights"
RETRAIN_DATA_DIR = "retrain/dataDir"

#: The toolbar's pen width spin box range (app/shell/menus.py), in canvas pixels.
PEN_WIDTH_RANGE = (4, 60)
#: Longer than any path a file system accepts (PATH_MAX is 4096 on Linux): not a path.
MAX_PATH_CHARS = 4096
#: More remembered files than any list the app keeps (Recent weights keeps 6).
MAX_LIST_ENTRIES = 64
#: A number written by hand is short; a longer text is not a plausible setting.
MAX_NUMBER_CHARS = 32
#: Window geometry and dock layouts are a few KB; anything far larger is not one of ours.
MAX_BLOB_BYTES = 1 << 20

T = TypeVar("T")


class BadValue(ValueError):
    """A stored value that is not what its key holds (the reason is the message)."""


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key the app reads: `parse` turns the stored value into a `T` or raises `BadValue`;
    `default` is what an unset or bad value reads as."""

    key: str
    parse: Callable[[object], T]
    default: T


def read(settings: QSettings, setting: Setting[T]) -> T:
    """The value under `setting.key`, checked; its default when unset or bad (logged)."""
    try:
        value = settings.value(setting.key)
    except Exception as exc:  # a value Qt itself cannot hand back (a corrupt @Variant)
        log.warning("settings: cannot read %s (%s); using the default", setting.key, exc)
        return setting.default
    if value is None:
        return setting.default
    try:
        return setting.parse(value)
    except (BadValue, TypeError, ValueError, OverflowError) as exc:
        log.warning(
            "settings: ignoring %s = %s (%s); using %r",
            setting.key,
            _shown(value),
            exc,
            setting.default,
        )
        return setting.default


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."


# ----- what a valid value is ------------------------------------------------------------------
def _text(value: object, max_chars: int = MAX_PATH_CHARS) -> str:
    if not isinstance(value, str):
        raise BadValue(f"not text but {type(value).__name__}")
    if not value:
        raise BadValue("empty")
    if "\x00" in value:
        raise BadValue("contains a NUL character")
    if len(value) > max_chars:
        raise BadValue(f"longer than {max_chars} characters")
    return value


def path_text(value: object) -> str:
    """A path as text: non-empty, no NUL (the OS refuses it), no longer than any real path."""
    return _text(value)


def path_list(value: object) -> list[str]:
    """A list of paths; QSettings hands back a one-entry list as a plain string."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise BadValue(f"not a list of paths but {type(value).__name__}")
    if len(value) > MAX_LIST_ENTRIES:
        raise BadValue(f"more than {MAX_LIST_ENTRIES} entries")
    return [path_text(item) for item in value if item != ""]


def one_of(choices: Callable[[], object]) -> Callable[[object], str]:
    """Text that is one of `choices()` (looked up when read: registries fill at start-up)."""

    def parse(value: object) -> str:
        text = _text(value, 64)
        if text not in choices():  # type: ignore[operator]
            raise BadValue("not one of the known values")
        return text

    return parse


def number_in(low: float, high: float) -> Callable[[object], float]:
    """A finite number in [low, high]; INI files hand numbers back as text."""

    def parse(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise BadValue(f"not a number but {type(value).__name__}")
        if isinstance(value, str) and len(value) > MAX_NUMBER_CHARS:
            raise BadValue(f"longer than {MAX_NUMBER_CHARS} characters")
        number = float(value)
        if not math.isfinite(number) or not low <= number <= high:
            raise BadValue(f"outside {low:g}..{high:g}")
        return number

    return parse


def blob(value: object) -> QByteArray | None:
    """Bytes Qt saved (geometry, dock layout): restoreState checks their content itself."""
    if isinstance(value, bytes):
        value = QByteArray(value)
    if not isinstance(value, QByteArray):
        raise BadValue(f"not bytes but {type(value).__name__}")
    if value.size() > MAX_BLOB_BYTES:
        raise BadValue(f"larger than {MAX_BLOB_BYTES} bytes")
    return value if not value.isEmpty() else None


def _languages() -> object:
    from app.i18n import LANGUAGES

    return LANGUAGES


def _workspaces() -> object:
    from app.core.workspaces import WORKSPACES

    return WORKSPACES.keys()


# ----- every key the app reads ----------------------------------------------------------------
WINDOW_GEOMETRY: Setting[QByteArray | None] = Setting(GEOMETRY, blob, None)
PEN: Setting[float | None] = Setting(PEN_WIDTH, number_in(*PEN_WIDTH_RANGE), None)
LAST_WEIGHTS_FILE: Setting[str | None] = Setting(LAST_WEIGHTS, path_text, None)
LAST_WORKSPACE: Setting[str | None] = Setting(WORKSPACE, one_of(_workspaces), None)
UI_LANGUAGE: Setting[str | None] = Setting(LANGUAGE, one_of(_languages), None)
RECENT_WEIGHTS_FILES: Setting[list[str]] = Setting(RECENT_WEIGHTS, path_list, [])
RETRAIN_FOLDER: Setting[str | None] = Setting(RETRAIN_DATA_DIR, path_text, None)


def workspace_state_key(workspace: str) -> str:
    """Where a workspace keeps its dock layout (Draw's is DOCK_STATE, the key of the releases
    before workspaces existed, so an upgrade keeps the user's arrangement)."""
    return DOCK_STATE if workspace == "draw" else f"workspaces/{workspace}/dockState"


def workspace_state(workspace: str) -> Setting[QByteArray | None]:
    """The dock layout a workspace saved."""
    return Setting(workspace_state_key(workspace), blob, None)


def every_setting() -> list[Setting]:
    """Every key the app reads at start-up and later (the settings fuzz sets each to garbage)."""
    fixed: list[Setting] = [
        WINDOW_GEOMETRY,
        PEN,
        LAST_WEIGHTS_FILE,
        LAST_WORKSPACE,
        UI_LANGUAGE,
        RECENT_WEIGHTS_FILES,
        RETRAIN_FOLDER,
    ]
    from app.core.workspaces import WORKSPACES

    return fixed + [workspace_state(spec.key) for spec in WORKSPACES]


def default_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def scratch_settings() -> tuple[QTemporaryDir, QSettings]:
    """Settings in a temporary INI file (keep the folder alive as long as the settings):
    benchmarks and screenshots must neither read nor change the user's."""
    folder = QTemporaryDir()
    return folder, QSettings(folder.filePath("settings.ini"), QSettings.Format.IniFormat)


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """Bytes Qt saved under `key` (geometry, a dock layout), or None."""
    return read(settings, Setting(key, blob, None))


def read_str(settings: QSettings, key: str) -> str | None:
    """A path or name saved under `key` (checked as `path_text`), or None."""
    return read(settings, Setting(key, path_text, None))
