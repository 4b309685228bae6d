"""What the app remembers between runs (QSettings): geometry, dock layout, pen, last weights.

Keys live here so the window and the tests agree on them. Tests pass their own QSettings
(an INI file in a temporary folder) so they never touch the user's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QTemporaryDir

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


def workspace_state_key(workspace: str) -> str:
    """Where a workspace keeps its dock layout (Draw's is DOCK_STATE, the key of the releases
    before workspaces existed, so an upgrade keeps the user's arrangement)."""
    return DOCK_STATE if workspace == "draw" else f"workspaces/{workspace}/dockState"


def default_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def scratch_settings() -> tuple[QTemporaryDir, QSettings]:
    """Settings in a temporary INI file (keep the folder alive as long as the settings):
    benchmarks and screenshots must neither read nor change the user's."""
    folder = QTemporaryDir()
    return folder, QSettings(folder.filePath("settings.ini"), QSettings.Format.IniFormat)


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_float(settings: QSettings, key: str, default: float) -> float:
    try:
        return float(settings.value(key, default))
    except (TypeError, ValueError):
        return default


def read_str(settings: QSettings, key: str) -> str | None:
    value = settings.value(key)
    return str(value) if value else None
