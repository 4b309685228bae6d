"""Put LeNet Lens in the desktop's application menu: `python -m app.shell.desktop install`.

Writes a freedesktop entry (`lenet-lens.desktop`, English and Chinese names) and the SVG icon
under $XDG_DATA_HOME (default ~/.local/share): applications/ and icons/hicolor/scalable/apps/.
`uninstall` removes both. Per user, no root needed; files go through `model.files.atomic`, like
every
file the app writes. Needs no display: it runs without starting the GUI.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from pathlib import Path

from app.icons import ICON_NAME, SVG_PATH
from model.errors import SaveError
from model.files.atomic import atomic_write_bytes

DESKTOP_FILE = f"{ICON_NAME}.desktop"


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the freedesktop default)."""
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value else Path.home() / ".local" / "share"


def launch_command() -> str:
    """The installed `lenet-lens` script when on PATH, else this Python running `-m app`."""
    script = shutil.which("lenet-lens")
    return shlex.quote(script) if script else f"{shlex.quote(sys.executable)} -m app"


def desktop_entry(command: str) -> str:
    """The .desktop file's text (freedesktop Desktop Entry Specification 1.5)."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.5",
            "Name=LeNet Lens",
            "Name[zh_CN]=LeNet Lens 卷积网络透镜",
            "GenericName=Neural network explorer",
            "GenericName[zh_CN]=神经网络探索工具",
            "Comment=Draw a digit, watch LeNet-5 read it live, and look inside every layer",
            "Comment[zh_CN]=写一个数字，看 LeNet-5 实时识别它，并深入观察每一层",
            f"Exec={command}",
            f"Icon={ICON_NAME}",
            "Terminal=false",
            "Categories=Education;Science;ArtificialIntelligence;",
            "Keywords=LeNet;CNN;MNIST;neural;network;convolution;卷积;神经网络;",
            "StartupWMClass=lenet-lens",
            "",
        ]
    )


def paths(home: Path | None = None) -> tuple[Path, Path]:
    """(the .desktop file, the icon) under `home` (default: `data_home()`)."""
    home = home or data_home()
    return (
        home / "applications" / DESKTOP_FILE,
        home / "icons" / "hicolor" / "scalable" / "apps" / SVG_PATH.name,
    )


def install(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the entry and the icon; returns the paths written. Raises SaveError."""
    entry, icon = paths(home)
    text = desktop_entry(command or launch_command())
    written = [atomic_write_bytes(icon, SVG_PATH.read_bytes(), make_parents=True)]
    written.append(atomic_write_bytes(entry, text.encode("utf-8"), make_parents=True))
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what `install` wrote; returns the paths removed."""
    removed = []
    for path in paths(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.shell.desktop", description=__doc__)
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--data-home", type=Path, help="instead of $XDG_DATA_HOME/~/.local/share")
    args = parser.parse_args(argv)
    try:
        done = install(args.data_home) if args.action == "install" else uninstall(args.data_home)
    except (SaveError, OSError) as exc:
        print(f"lenet-lens desktop {args.action} failed: {exc}", file=sys.stderr)
        return 1
    for path in done:
        print(("wrote " if args.action == "install" else "removed ") + str(path))
    if not done:
        print("nothing to remove")
    return 0


if __name__ == "__main__":
    sys.exit(main())
