"""Before Qt starts on Linux/X11: are the system libraries Qt's xcb plugin needs installed?

Without them Qt aborts with "Could not load the Qt platform plugin "xcb"", often naming a
library that is in fact present (libxcb-cursor0) while another one is missing. Checking the
plugin's libraries first lets the entry point print which Debian/Ubuntu packages to install
instead. Standard library only, and it never raises: when it cannot tell, it says nothing.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Libraries Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa) links against -> the Debian /
# Ubuntu package that provides each (checked with ldd on PySide6's plugin).
PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
ALL_PACKAGES = " ".join(sorted(set(PACKAGES.values())))


def should_check(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Linux with an X display, and Qt left to pick its platform (no QT_QPA_PLATFORM)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    return chosen in ("", "xcb") and env.get("XDG_SESSION_TYPE", "") != "wayland"


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, if this PySide6 has one."""
    try:
        import PySide6
    except ImportError:
        return None
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def missing_by_ldd(plugin: Path) -> list[str] | None:
    """Libraries `ldd` cannot find for the plugin; None when ldd is unavailable."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        out = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return [line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line]


def missing_by_loading(names: list[str]) -> list[str]:
    """Libraries the dynamic loader cannot open (when there is no ldd)."""
    missing = []
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            missing.append(name)
    return missing


def missing_libraries() -> list[str]:
    """The xcb plugin's libraries that cannot be found ([] when all resolve or unknown)."""
    plugin = xcb_plugin()
    if plugin is None:
        return []
    found = missing_by_ldd(plugin)
    return found if found is not None else missing_by_loading(list(PACKAGES))


def advice(missing: list[str]) -> str:
    """What to tell the user: the missing libraries, the packages to install, how to check."""
    packages = sorted({PACKAGES[name] for name in missing if name in PACKAGES})
    lines = [
        "LeNet Lens cannot open its window: Qt's X11 (xcb) plugin needs system libraries "
        "that are not installed:",
        "  " + ", ".join(missing),
        "",
        "On Debian/Ubuntu install them with:",
        f"  sudo apt install {' '.join(packages) if packages else ALL_PACKAGES}",
        "(the full list Qt's xcb plugin uses: " + ALL_PACKAGES + ")",
        "",
        "To see what Qt itself reports: QT_DEBUG_PLUGINS=1 python -m app",
    ]
    return "\n".join(lines)


def check(env: Mapping[str, str] | None = None) -> str | None:
    """The advice to print before starting Qt, or None when there is nothing to report."""
    if not should_check(env):
        return None
    try:
        missing = missing_libraries()
    except Exception:  # a check must never stop a start that would work
        return None
    return advice(missing) if missing else None
