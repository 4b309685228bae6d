"""Refresh the translation catalogue after GUI strings changed (see the README, Translators).

1. pyside6-lupdate reads every app/**/*.py and updates app/i18n/lenet_lens_zh_CN.ts: new
   strings arrive as unfinished entries, vanished ones are dropped (-no-obsolete), finished
   translations of unchanged strings are kept. No line numbers are written (-locations none), so
   the .ts diff shows only strings that changed.
2. It lists every entry still to translate (context, source) and every translation whose
   {placeholders} differ from its source, and exits 1 while there are any.
3. pyside6-lrelease compiles the .ts into the shipped lenet_lens_zh_CN.qm.

The same is done for English's small plural catalogue, lenet_lens_en.ts (lupdate -pluralonly):
the sources say "%n drawing(s)", and only a catalogue turns that into "1 drawing" / "2
drawings" (Qt has no other way to pick a plural). It holds the numerus entries only; fill
each with its singular and plural form.

Translate by editing the <translation> of each listed <message> in the .ts (or with Qt
Linguist), delete its type="unfinished", run the tool again until it lists nothing, commit .ts
and .qm. `--check` changes nothing: it runs lupdate on a temporary copy and reports whether the
committed catalogue is complete and current (tests/test_translations.py does the same).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
I18N = APP / "i18n"
LANGUAGES = ("zh_CN", "en")
#: Catalogues holding only the %n entries (English: the sources are English already).
PLURAL_ONLY = ("en",)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # "" (finished), "unfinished", "obsolete" or "vanished"
    translations: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment


def ts_path(language: str) -> Path:
    return I18N / f"lenet_lens_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"lenet_lens_{language}.qm"


def source_files() -> list[Path]:
    """Every Python file of the GUI, sorted (lupdate reads them all; tools/ and tests/ are not
    shipped and have no user-visible strings)."""
    return sorted(APP.rglob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


# lupdate takes any Python `#:` comment before a translated string for a note to translators;
# this code base writes `#:` to document constants and attributes, so such notes are noise and
# often sit on another string (a constant's comment on the next translate call). Dropped.
EXTRACOMMENT = re.compile(r"\n[ \t]*<extracomment>.*?</extracomment>", re.S)


def run_lupdate(ts: Path, language: str) -> None:
    """Update `ts` (created if missing) from the GUI's sources, without lupdate's notes taken
    from code comments (`EXTRACOMMENT`)."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    options = ["-no-obsolete", "-locations", "none", "-target-language", language]
    if language in PLURAL_ONLY:
        options += ["-pluralonly", "-source-language", language]
    command = [_tool("pyside6-lupdate"), *options, *files]
    subprocess.run([*command, "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    ts.write_text(EXTRACOMMENT.sub("", ts.read_text(encoding="utf-8")), encoding="utf-8")


def run_lrelease(ts: Path, qm: Path) -> None:
    """Compiled beside the .qm and moved over it: Qt maps a loaded .qm into memory, and
    lrelease rewriting it in place killed a running app (a test worker) with SIGBUS."""
    fresh = qm.with_name(qm.name + ".new")
    command = [_tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)]
    try:
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        fresh.replace(qm)
    finally:
        fresh.unlink(missing_ok=True)


def read_messages(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if translation is not None else []
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    comment=message.findtext("comment", ""),
                    numerus=message.get("numerus") == "yes",
                    kind=translation.get("type", "") if translation is not None else "unfinished",
                    translations=texts,
                )
            )
    return messages


def placeholders(text: str) -> set[str]:
    """The {n}/{n:spec}/%n/%1 markers of a text (a translation may repeat or reorder them)."""
    return set(PLACEHOLDER.findall(text))


def problems(messages: list[Message]) -> list[str]:
    """One line per entry that is not shippable: unfinished, empty, obsolete, or with other
    placeholders than its source."""
    lines = []
    for m in messages:
        where = f"[{m.context}] {m.source!r}"
        if m.kind:
            lines.append(f"{m.kind}: {where}")
        elif not all(t.strip() for t in m.translations):
            lines.append(f"empty: {where}")
        elif any(placeholders(t) != placeholders(m.source) for t in m.translations):
            lines.append(f"placeholders differ: {where} -> {m.translations!r}")
    return lines


# translate("ctx", name) / tr(name) with a variable as the text: lupdate cannot see what `name`
# holds, so unless it is a QT_TRANSLATE_NOOP/QT_TR_NOOP constant its strings are never extracted.
VARIABLE_TEXT = re.compile(
    r"(?:\btranslate\(\s*[\"'][^\"']*[\"']\s*,|\btr\()\s*([a-z_][\w.]*)\s*[,)]"
)


def unextracted_calls() -> list[str]:
    """file:line of tr()/translate() calls whose text is a variable of a wrapper function
    (`def _tr(text): return translate("ctx", text)`): the strings passed to such a wrapper
    are invisible to lupdate. Call translate()/self.tr() with the literal instead. Lines with
    `# i18n: runtime` (re-translating a text that lupdate saw elsewhere) are skipped."""
    found = []
    for path in source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "# i18n:" in line or line.lstrip().startswith("#"):
                continue
            for name in VARIABLE_TEXT.findall(line):
                if not name.isupper():  # UPPER_CASE constants are QT_TRANSLATE_NOOP markers
                    found.append(f"{path.relative_to(ROOT)}:{number}: text is `{name}`")
    return found


# A Qt call that shows text, given an English literal directly: it never reaches the catalogue.
SHOWN_LITERAL = re.compile(
    r"\b(?:QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|QAction|QToolBar|QMenu|"
    r"setText|setToolTip|setStatusTip|setWhatsThis|setWindowTitle|setPlaceholderText|"
    r"showMessage|addMenu|setFormat|setSpecialValueText|setSuffix|setPrefix|addRow|addTab|"
    r"setTitle|setLabel|addLabel|setHorizontalHeaderLabels|drawText|critical|warning|"
    r"information|question|show_error)\((?:[^()\"']*,\s*)?\[?\s*f?[\"']([^\"']*)"
)


POSITIONS = {"left", "right", "top", "bottom"}  # pyqtgraph axis names, not text


def untranslated_literals() -> list[str]:
    """file:line of Qt calls that show an English literal without tr()/translate() (a
    heuristic: words of two or more lower-case letters; log calls and lines marked `# i18n:`,
    e.g. `# i18n: name` for the product's name, are skipped)."""
    found = []
    for path in source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "# i18n:" in line or line.lstrip().startswith("#") or "log" in line:
                continue
            for literal in SHOWN_LITERAL.findall(line):
                words = re.sub(r"\{[^{}]*\}", "", literal)  # f-string fields are not text
                if re.search(r"[a-z]{2}", words) and literal not in POSITIONS:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
                    break
    return found


def check(language: str) -> list[str]:
    """Without touching the repository: what lupdate would add or drop, and what is not
    finished. Empty when the committed catalogue is complete and current."""
    committed = ts_path(language)
    if not committed.is_file():
        return [f"missing: {committed}"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        shutil.copyfile(committed, fresh)
        run_lupdate(fresh, language)
        now = {m.key for m in read_messages(fresh)}
    before = {m.key for m in read_messages(committed)}
    lines = [f"new in the sources: [{c}] {s!r}" for c, s, _ in sorted(now - before)]
    lines += [f"gone from the sources: [{c}] {s!r}" for c, s, _ in sorted(before - now)]
    return lines + problems(read_messages(committed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only, change nothing")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if args.check:
            lines = check(language)
        else:
            run_lupdate(ts_path(language), language)
            run_lrelease(ts_path(language), qm_path(language))
            lines = problems(read_messages(ts_path(language)))
        total = len(read_messages(ts_path(language)))
        print(f"{ts_path(language).relative_to(ROOT)}: {total} entries, {len(lines)} to fix")
        for line in lines:
            print(f"  {line}")
        status = status or int(bool(lines))
    hidden = unextracted_calls() + untranslated_literals()
    if hidden:
        print("warning: lupdate cannot see these strings (wrap literals in tr()/translate()):")
        for line in hidden:
            print(f"  {line}")
    return status


if __name__ == "__main__":
    sys.exit(main())
