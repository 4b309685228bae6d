"""The Chinese README keeps in step with the English one: the same sections in the same order,
and every command the English README gives, character for character.

Only the structure and the commands are compared (the prose is translated; a comment after a
command may be too), so a reworded paragraph or new figures in README.md do not fail this, but
a new section or a changed command does until README.zh-CN.md follows.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "README.md"
CHINESE = ROOT / "README.zh-CN.md"

#: How a command line starts (inside a fenced code block).
COMMAND = re.compile(
    r"^(pip|python|lenet-lens|xvfb-run|sudo|OMP_NUM_THREADS=|QT_|LENET_LENS_|ldd)\b"
)


def headings(text: str) -> list[str]:
    """The level ("##" or "###") of each section heading, in order (code blocks skipped)."""
    levels, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"^(#{2,3}) \S", line)):
            levels.append(match.group(1))
    return levels


def commands(text: str) -> list[str]:
    """Every command line of the fenced code blocks, without a trailing `# comment`."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif fenced and COMMAND.match(line.strip()):
            found.append(re.split(r"\s{2,}#|\s#\s", line.strip())[0].rstrip())
    return found


def test_same_sections_in_the_same_order() -> None:
    english, chinese = headings(ENGLISH.read_text("utf-8")), headings(CHINESE.read_text("utf-8"))
    assert len(english) > 10
    assert chinese == english, (
        f"README.md has {len(english)} sections ({english}), README.zh-CN.md {len(chinese)} "
        f"({chinese}): translate the new or moved section"
    )


def test_every_command_appears_in_both() -> None:
    english = commands(ENGLISH.read_text("utf-8"))
    chinese = commands(CHINESE.read_text("utf-8"))
    assert len(english) > 10
    assert [c for c in english if c not in chinese] == [], "commands missing in README.zh-CN.md"
    assert [c for c in chinese if c not in english] == [], "commands only in README.zh-CN.md"


def test_the_check_reads_headings_and_commands() -> None:
    text = "## A\n```bash\n# not a heading\npython -m x --y   # says why\n```\n### B\n"
    assert headings(text) == ["##", "###"]
    assert commands(text) == ["python -m x --y"]
