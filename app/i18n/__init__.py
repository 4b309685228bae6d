"""Languages: which one the user wants, and the Qt translators that put it on screen.

The GUI's strings go through `tr()`/`QCoreApplication.translate()`; this package holds the
Simplified Chinese catalogue (`lenet_lens_zh_CN.ts`, made by `tools/update_translations.py`
with pyside6-lupdate) and its compiled `.qm`, shipped as package data, and English's plural
catalogue (`lenet_lens_en.ts`): the sources say "%n drawing(s)", which only a catalogue turns
into "1 drawing" / "2 drawings", so English installs one too. The language is the
settings key `ui/language` ("en" or "zh_CN") when set, else the system locale. Translators are
installed before any window or panel is built (several titles are translated when their module
is imported), so a change of language takes effect at the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
#: Language code -> its name, written in that language (what the View ▸ Language menu shows).
LANGUAGES = {ENGLISH: "English", CHINESE: "中文"}
FOLDER = Path(__file__).resolve().parent
CATALOGUE = "lenet_lens"
CJK_FONT_HINT = "fonts-noto-cjk"

_installed: list[QTranslator] = []  # kept alive: a collected QTranslator stops translating
_active = ENGLISH


#: "Restart to switch", written in each language (shown beside the current language's note).
_RESTART_NOTES = {
    ENGLISH: "The language changes when LeNet Lens is restarted.",
    CHINESE: "重新启动 LeNet Lens 后界面语言才会改变。",
}


def restart_note(language: str) -> str:
    """The restart note in `language` itself, whatever language is active."""
    return _RESTART_NOTES.get(language, _RESTART_NOTES[ENGLISH])


def qm_path(language: str) -> Path:
    """The compiled catalogue of `language` shipped with the package."""
    return FOLDER / f"{CATALOGUE}_{language}.qm"


def system_language() -> str:
    """CHINESE when the system locale is Chinese (any zh_*), else ENGLISH."""
    return CHINESE if QLocale.system().name().startswith("zh") else ENGLISH


def chosen_language(settings: QSettings | None) -> str | None:
    """The language saved under the settings key, or None when the user never chose one."""
    from app.shell import settings as keys

    return keys.read(settings, keys.UI_LANGUAGE) if settings is not None else None


def resolve_language(settings: QSettings | None) -> str:
    """The settings key if set, else the system locale."""
    return chosen_language(settings) or system_language()


def active_language() -> str:
    """The language whose translators are installed now."""
    return _active


def install_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Install the translators for `language` (removing earlier ones); False if its catalogue
    is missing (the UI then stays English). ENGLISH installs only its plural forms (without
    them English still works, reading "1 drawing(s)")."""
    global _active
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _active = ENGLISH
    if language == ENGLISH or language not in LANGUAGES:
        plurals = QTranslator(app)
        if plurals.load(str(qm_path(ENGLISH))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        else:
            log.warning("no English plural catalogue at %s", qm_path(ENGLISH))
        return language == ENGLISH
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        log.warning("no translation catalogue at %s; staying in English", qm_path(language))
        return False
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs (OK, Cancel, file dialog…)
    if qt_own.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    _active = language
    return True


def has_chinese_font() -> bool:
    """Whether any installed font covers Simplified Chinese (else the UI shows empty boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def missing_font_message() -> str:
    """What to tell the user when Chinese is chosen but no font can show it. Deliberately not
    translated: without a CJK font the Chinese sentence itself would render as empty boxes."""
    return (
        f"No font for Chinese is installed, so Chinese text shows as boxes. Install one, "
        f"e.g. on Debian/Ubuntu: sudo apt install {CJK_FONT_HINT}"
    )
