"""`python -m app.shell.desktop install` puts a valid entry and the icon under the data home."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

from app.icons import SVG_PATH
from app.shell import desktop

ROOT = Path(__file__).resolve().parents[1]


def test_install_writes_entry_and_icon_and_uninstall_removes_them(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.shell.desktop", "install", "--data-home", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "applications" / "lenet-lens.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "lenet-lens.svg"
    assert icon.read_bytes() == SVG_PATH.read_bytes()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "lenet-lens"
    assert section["Name"] == "LeNet Lens" and "卷积" in section["Name[zh_CN]"]
    assert "app" in section["Exec"] or "lenet-lens" in section["Exec"]
    assert desktop.uninstall(tmp_path) == [entry, icon]
    assert not entry.exists() and not icon.exists()


def test_the_entry_runs_the_installed_script_or_this_python(monkeypatch) -> None:
    monkeypatch.setattr(desktop.shutil, "which", lambda _name: None)
    assert desktop.launch_command().endswith(" -m app")
    monkeypatch.setattr(desktop.shutil, "which", lambda _name: "/opt/bin/lenet-lens")
    assert "Exec=/opt/bin/lenet-lens" in desktop.desktop_entry(desktop.launch_command())
