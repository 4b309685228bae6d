"""A settings file cannot stop the app from starting.

The settings are the user's to edit, and a stale or damaged file must cost only the remembered
choice. Every key the app reads (`app.shell.settings.every_setting()`) is set to garbage of every
type (nan, inf, huge, negative, NUL-containing and very long text, lists, bytes, dicts, None, Qt
types the key never holds), and the real entry point (`python -m app`'s `main`) starts the window
every time: on the shipped weights, with a pen width the toolbar can show, a known workspace and
language, and no unexpected-error box.
"""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings

from app import features, i18n
from app.core.workspaces import WORKSPACES
from app.shell import settings as keys
from model.files.weights import shipped_weights_path
from tests.gui.test_app_entry import run_main

#: One of each type of value a key may hold that it should not. The entry point starts once per
#: entry, keys taking the entries in rotation: over the starts every key holds every one.
GARBAGE: dict[str, object] = {
    "nan": float("nan"),
    "inf": float("inf"),
    "huge": 1e308,
    "negative": -5,
    "long number": "9" * 5000,
    "NUL text": "a\x00b",
    "list": ["1", ["a\x00"]],
    "bytes": b"\x00\xffgarbage",
    "dict": {"a": 1},
    "None": None,
}
#: More of them, checked through the reader alone (cheap: no window).
MORE_GARBAGE: dict[str, object] = {
    "-inf": float("-inf"),
    "huge int": 2**62,
    "zero": 0,
    "bool": True,
    "nan text": "nan",
    "long text": "x" * 100_000,
    "empty": "",
    "rect": QRect(1, 2, 3, 4),
    "point": QPoint(-1, 10**9),
}
#: Written into the INI file by hand (what a text editor or another version leaves).
RAW_GARBAGE = ["nan", "1, 2", "@Variant(\\0\\0\\0\\x7f\\0\\0)", "a\\0b"]
RAW_MORE = [
    "inf",
    "-1e308",
    "9" * 400,
    "@ByteArray(\\0\\xff)",
    "@Invalid()",
    "@Rect(1 2 3 4)",
    '"',
    "\\x" + "f" * 40,
]


@pytest.fixture(autouse=True)
def _shipped() -> None:
    if not shipped_weights_path().is_file():
        pytest.skip("shipped weights not built yet")


@pytest.fixture(autouse=True)
def _keep_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    """main() installs its own excepthook; put pytest's back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


def all_keys() -> list[str]:
    features.register_all()  # the workspaces' dock-layout keys come from the registry
    return [setting.key for setting in keys.every_setting()]


def start_and_check(monkeypatch, settings: QSettings, caplog) -> None:
    """The entry point opens one usable window on these settings and closes it cleanly."""
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        (window,) = run_main(monkeypatch, settings)
    try:
        assert window.predictor.source.resolve() == shipped_weights_path().resolve()
        low, high = keys.PEN_WIDTH_RANGE
        assert (window.actions.pen_width.minimum(), window.actions.pen_width.maximum()) == (
            low,
            high,
        )
        assert low <= window.actions.pen_width.value() <= high
        assert low <= window.context.drawing.pen_width <= high
        assert window.workspace_key in WORKSPACES
        assert i18n.active_language() in i18n.LANGUAGES
        assert window.error_box is None or not window.error_box.isVisible()
        assert not [r for r in caplog.records if r.getMessage() == "unexpected error"]
        settings.sync()  # what the window saved on close reads back cleanly
        assert low <= float(settings.value(keys.PEN_WIDTH)) <= high
    finally:
        window.deleteLater()


def test_every_key_set_to_every_kind_of_garbage_still_starts(
    qapp, monkeypatch, tmp_path, caplog
) -> None:
    names = all_keys()
    kinds = list(GARBAGE)
    # One start per kind of garbage; keys take the kinds in rotation, so over all the starts
    # every key holds every kind once (and one start mixes kinds across keys).
    for start in range(len(kinds)):
        settings = QSettings(str(tmp_path / f"fuzz{start}.ini"), QSettings.Format.IniFormat)
        for offset, key in enumerate(names):
            settings.setValue(key, GARBAGE[kinds[(start + offset) % len(kinds)]])
        settings.sync()
        start_and_check(monkeypatch, settings, caplog)


def test_hand_edited_garbage_in_the_ini_file_still_starts(
    qapp, monkeypatch, tmp_path, caplog
) -> None:
    names = all_keys()
    for start in range(len(RAW_GARBAGE)):  # every key holds each of them once
        path = raw_ini(tmp_path / f"raw{start}.ini", names, RAW_GARBAGE, start)
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        assert sorted(settings.allKeys()) == sorted(names)  # every key is in the file Qt reads
        start_and_check(monkeypatch, settings, caplog)


def raw_ini(path, names: list[str], values: list[str], start: int):
    """An INI file with the keys holding `values` in rotation from `start`."""
    groups: dict[str, list[str]] = {}
    for offset, key in enumerate(names):
        group, _, rest = key.partition("/")  # "a/b/c" is "b\\c" in section [a], as Qt writes it
        value = values[(start + offset) % len(values)]
        groups.setdefault(group, []).append(f"{rest.replace('/', chr(92))}={value}")
    text = "".join(f"[{g}]\n" + "\n".join(lines) + "\n\n" for g, lines in groups.items())
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_reads_any_garbage_as_a_value_of_its_type(qapp, tmp_path) -> None:
    """Without a window: every key, every kind of garbage (set by Qt or written by hand) reads
    as its default or a value its parser accepts, never an exception."""
    features.register_all()
    settings = QSettings(str(tmp_path / "all.ini"), QSettings.Format.IniFormat)
    for value in {**GARBAGE, **MORE_GARBAGE}.values():
        for setting in keys.every_setting():
            settings.setValue(setting.key, value)
            read = keys.read(settings, setting)
            assert read == setting.default or setting.parse(read) == read
    names = [s.key for s in keys.every_setting()]
    raw = RAW_GARBAGE + RAW_MORE
    for start in range(len(raw)):
        path = raw_ini(tmp_path / f"raw{start}.ini", names, raw, start)
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        assert settings.allKeys()  # the file is read (an unclosed quote may swallow the rest)
        for setting in keys.every_setting():
            read = keys.read(settings, setting)
            assert read == setting.default or setting.parse(read) == read


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (keys.PEN_WIDTH, "nan"),
        (keys.PEN_WIDTH, "inf"),
        (keys.PEN_WIDTH, "1e308"),
        (keys.PEN_WIDTH, "9" * 5000),
        (keys.LAST_WEIGHTS, "/tmp/a\x00b.pt"),
        (keys.LANGUAGE, ["1", "2"]),
        (keys.RECENT_WEIGHTS, b"\x00\x01bytes"),
    ],
)
def test_a_bad_value_falls_back_to_its_default_with_a_log_line(
    qapp, settings, caplog, key, value
) -> None:
    """The cases that stopped the app (issue 20): each reads as its default, and the log says
    which key was ignored."""
    features.register_all()
    (setting,) = [s for s in keys.every_setting() if s.key == key]
    settings.setValue(key, value)
    with caplog.at_level(logging.WARNING, logger="app.shell.settings"):
        assert keys.read(settings, setting) == setting.default
    assert any(key in r.getMessage() for r in caplog.records)


def test_good_values_read_back(qapp, settings, tmp_path) -> None:
    """The checks refuse garbage, not the values the app writes."""
    features.register_all()
    settings.setValue(keys.PEN_WIDTH, 31)
    settings.setValue(keys.LANGUAGE, i18n.CHINESE)
    settings.setValue(keys.WORKSPACE, WORKSPACES.keys()[-1])
    settings.setValue(keys.RECENT_WEIGHTS, [str(tmp_path / "a.pt")])
    settings.setValue(keys.LAST_WEIGHTS, str(tmp_path / "b.pt"))
    settings.sync()
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert keys.read(reread, keys.PEN) == 31
    assert keys.read(reread, keys.UI_LANGUAGE) == i18n.CHINESE
    assert keys.read(reread, keys.LAST_WORKSPACE) == WORKSPACES.keys()[-1]
    assert keys.read(reread, keys.RECENT_WEIGHTS_FILES) == [str(tmp_path / "a.pt")]
    assert keys.read(reread, keys.LAST_WEIGHTS_FILE) == str(tmp_path / "b.pt")
