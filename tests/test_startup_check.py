"""Start-up advice when Qt's xcb plugin lacks system libraries (checked before Qt starts)."""

from __future__ import annotations

from pathlib import Path

import app.shell.startup_check as check


def test_only_checked_on_linux_x11_with_qt_choosing_the_platform() -> None:
    x11 = {"DISPLAY": ":0"}
    assert check.should_check(x11, "linux")
    assert not check.should_check({}, "linux")  # no X display
    assert not check.should_check({**x11, "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert check.should_check({**x11, "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not check.should_check({**x11, "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not check.should_check(x11, "darwin")
    assert not check.should_check(x11, "win32")


def test_advice_names_the_packages_and_how_to_diagnose() -> None:
    text = check.advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text
    assert "QT_DEBUG_PLUGINS=1" in text
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-render-util0"):
        assert package in text  # the full list, for a machine missing more


def test_every_library_the_plugin_links_is_mapped_to_a_package() -> None:
    plugin = check.xcb_plugin()
    if plugin is None:
        return  # a PySide6 without the xcb plugin (not Linux)
    import subprocess

    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    xcb = [line.split()[0] for line in out.splitlines() if "xcb" in line or "xkb" in line]
    assert xcb and all(name in check.PACKAGES for name in xcb), xcb


def test_missing_libraries_are_reported(monkeypatch) -> None:
    monkeypatch.setattr(check, "xcb_plugin", lambda: Path("/x/libqxcb.so"))
    monkeypatch.setattr(check, "missing_by_ldd", lambda _p: ["libxcb-icccm.so.4"])
    advice = check.check({"DISPLAY": ":0"})
    assert advice is not None and "libxcb-icccm4" in advice
    monkeypatch.setattr(check, "missing_by_ldd", lambda _p: [])
    assert check.check({"DISPLAY": ":0"}) is None
    monkeypatch.setattr(check, "missing_by_ldd", lambda _p: None)  # no ldd: ask the loader
    monkeypatch.setattr(check, "missing_by_loading", lambda names: names[:1])
    assert "libxcb1" in check.check({"DISPLAY": ":0"})


def test_entry_point_prints_advice_instead_of_starting(monkeypatch, capsys) -> None:
    import app.__main__ as entry

    monkeypatch.setattr(check, "check", lambda env=None: "advice text")
    assert entry.main([]) == 1
    assert "advice text" in capsys.readouterr().err
