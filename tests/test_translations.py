"""The Chinese catalogue is complete and current, and the shipped .qm is the compiled .ts.

When this fails after GUI strings changed, run `python tools/update_translations.py`: it lists
the entries to translate (README, Translators).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.update_translations import (
    LANGUAGES,
    check,
    qm_path,
    read_messages,
    run_lrelease,
    ts_path,
    unextracted_calls,
    untranslated_literals,
)

ROOT = Path(__file__).resolve().parents[1]
needs_tools = pytest.mark.skipif(
    not (shutil.which("pyside6-lupdate") and shutil.which("pyside6-lrelease")),
    reason="pyside6-lupdate/pyside6-lrelease not on PATH (they come with PySide6)",
)


@needs_tools
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_source_string_translated(language: str) -> None:
    """lupdate over app/ on a copy finds nothing new or vanished; nothing is unfinished, empty,
    obsolete or missing a placeholder."""
    assert check(language) == []


@needs_tools
@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_qm_is_the_compiled_ts(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / qm_path(language).name
    run_lrelease(ts_path(language), fresh)
    assert qm_path(language).read_bytes() == fresh.read_bytes(), "run tools/update_translations.py"


def test_no_shown_string_bypasses_the_catalogue() -> None:
    """Literals shown by Qt calls go through tr()/translate(), and no wrapper hides the text
    from lupdate (a heuristic; mark a deliberate exception with `# i18n: why` on its line)."""
    assert untranslated_literals() == []
    assert unextracted_calls() == []


def test_catalogue_is_not_trivially_small() -> None:
    messages = read_messages(ts_path("zh_CN"))
    assert len(messages) > 150
    menus = {m.source: m.translations[0] for m in messages if m.context == "menus"}
    assert menus["&File"] == "文件(&F)" and menus["&Help"] == "帮助(&H)"


# Run in a fresh interpreter, as the entry point does: translators installed before any window
# module is imported (dock and workspace titles are translated when their module loads).
MENU_PROBE = """
import json, sys
from PySide6.QtCore import QSettings
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
settings.setValue("ui/language", "zh_CN")
from app.shell.theme import themed_application
app = themed_application(["probe"], settings)
from app.shell.start import open_window
window = open_window(settings=settings)

def walk(menu, path):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield path + [action.text()]
        if action.menu() is not None:
            yield from walk(action.menu(), path + [action.text()])

texts = []
for top in window.menuBar().actions():
    texts += [[top.text()], *walk(top.menu(), [top.text()])]
print(json.dumps(texts, ensure_ascii=False))
"""


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_main_window_in_chinese_by_the_settings_key(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}  # not a zh locale
    done = subprocess.run(
        [sys.executable, "-c", MENU_PROBE, str(tmp_path / "settings.ini")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    paths = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(paths) > 20
    english = [" ▸ ".join(p) for p in paths if not _has_chinese(p[-1])]
    assert english == [], f"menu entries without Chinese: {english}"


def test_english_counts_read_as_english(qapp) -> None:
    """Issue 19: "1 drawing", "2 drawings", never "1 drawing(s)": English installs its plural
    catalogue, which has every %n string of the sources (the catalogue test above checks it
    is current) with a singular and a plural form."""
    from PySide6.QtCore import QCoreApplication

    from app import i18n

    assert i18n.install_language(i18n.ENGLISH)
    messages = read_messages(ts_path("en"))
    assert messages and all(m.numerus and len(m.translations) == 2 for m in messages)
    for m in messages:
        for n in (1, 2, 60000):
            shown = QCoreApplication.translate(m.context, m.source, m.comment or None, n)
            assert "(s)" not in shown and str(n) in shown, (m.source, n, shown)
    one = QCoreApplication.translate("CollectionModel", "{0} · %n drawing(s)", None, 1)
    two = QCoreApplication.translate("CollectionModel", "{0} · %n drawing(s)", None, 2)
    assert (one, two) == ("{0} · 1 drawing", "{0} · 2 drawings")
    epochs = QCoreApplication.translate(
        "RetrainDialog",
        next(m.source for m in messages if m.context == "RetrainDialog" and "epoch" in m.source),
        None,
        1,
    )
    assert "cut to 1 epoch," in epochs
