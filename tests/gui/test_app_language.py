"""View ▸ Language, the missing-font note, Help ▸ Keyboard shortcuts, version and icon."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

import model
from app import i18n
from app.core.error_text import error_text
from app.shell import settings as keys
from app.shell.help import ShortcutsDialog
from model.errors import CheckpointError


@pytest.fixture
def chinese():
    """The Chinese translators for one test; English again afterwards, whatever happens."""
    assert i18n.install_language(i18n.CHINESE)
    yield
    i18n.install_language(i18n.ENGLISH)


def test_choosing_chinese_is_remembered_and_applies_at_restart(window) -> None:
    actions = window.actions.languages
    assert actions["en"].isChecked() and actions["zh_CN"].text() == "中文 (Chinese)"
    actions["zh_CN"].trigger()
    assert window.settings.value(keys.LANGUAGE) == "zh_CN"
    note = window.statusBar().currentMessage()
    assert "restarted" in note and "重新启动" in note
    actions["en"].trigger()
    assert window.settings.value(keys.LANGUAGE) == "en"
    assert window.statusBar().currentMessage() == ""


def test_the_language_follows_the_settings_key_then_the_locale(settings) -> None:
    assert i18n.chosen_language(settings) is None
    assert i18n.resolve_language(settings) == i18n.system_language()
    settings.setValue(keys.LANGUAGE, "zh_CN")
    assert i18n.resolve_language(settings) == "zh_CN"
    settings.setValue(keys.LANGUAGE, "klingon")  # a bad value falls back to the locale
    assert i18n.resolve_language(settings) == i18n.system_language()


def test_without_a_chinese_font_the_app_starts_and_says_what_to_install(
    qtbot, weights_path, settings, monkeypatch, chinese
) -> None:
    from app.shell.start import open_window

    monkeypatch.setattr(i18n, "has_chinese_font", lambda: False)
    win = open_window(weights_path, settings)
    qtbot.addWidget(win)
    assert "sudo apt install fonts-noto-cjk" in win.statusBar().currentMessage()
    assert win.menuBar().actions()[0].text() == "文件(&F)"


def test_with_a_chinese_font_there_is_no_font_note(qtbot, weights_path, settings, chinese):
    from app.shell.start import open_window

    if not i18n.has_chinese_font():
        pytest.skip("no CJK font installed (e.g. apt install fonts-noto-cjk)")
    win = open_window(weights_path, settings)
    qtbot.addWidget(win)
    assert "fonts-noto-cjk" not in win.statusBar().currentMessage()


def test_model_errors_read_in_the_user_language_with_the_original_detail_logged(
    chinese, caplog: pytest.LogCaptureFixture
) -> None:
    """An error with neither a file nor words for its reason: Chinese on screen, and its
    original English detail in the log (and under "Show Details…")."""
    text = error_text(CheckpointError("mine.pt: not a LeNet Lens checkpoint"))
    assert "无法使用这些权重" in text and "lenet-lens.log" in text
    assert "not a LeNet Lens checkpoint" not in text
    assert "mine.pt: not a LeNet Lens checkpoint" in caplog.text


def test_model_errors_in_english() -> None:
    text = error_text(CheckpointError("mine.pt: truncated"))
    assert text.startswith("These weights cannot be used.") and "mine.pt: truncated" in text


def test_keyboard_shortcuts_lists_the_window_actions(qtbot, window) -> None:
    window.actions.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Open image"] == QKeySequence(QKeySequence.StandardKey.Open).toString(native)
    assert rows["Retrain"] == QKeySequence("Ctrl+R").toString(native)
    assert "Keyboard shortcuts" in rows
    dialog.close()


def test_title_and_about_name_the_version_and_show_the_icon(window) -> None:
    assert model.__version__ in window.windowTitle()
    assert not window.windowIcon().isNull()
    window.actions.about.trigger()
    assert model.__version__ in window.about_box.text()
    assert not window.about_box.iconPixmap().isNull()
