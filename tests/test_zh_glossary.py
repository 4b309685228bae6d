"""The Chinese catalogue uses one word per concept: the tutorial's terms, everywhere.

A Chinese student who reads 步幅 in one panel and 步长 in the tutorial, or 我的手写 in a menu and
手写数字 in a dialog, wonders whether they are different things. For each English term of a
small glossary, every translation of a source that contains it must use the one Chinese term,
and the variants that were once used must appear nowhere.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[1] / "app" / "i18n" / "lenet_lens_zh_CN.ts"

#: English term (a regex over the source) -> the one Chinese term its translation must contain.
GLOSSARY = {
    r"(?<!SVG )\bdrawings?\b": "手写数字",  # "SVG drawing" is a file type (矢量图)
    r"\bstrides?\b": "步长",
    r"\bpen digits?\b|\bpen-digit\b": "手写笔迹数字",
    r"\b(held-out|held out|unseen) writers\b": "未参与训练的书写者",
    r"\b[Ss]aliency\b": "显著图",
    r"\bVALID\b": "有效填充",
    r"\bSAME\b": "相同填充",
    r"\bis now active\b": "现已成为当前模型",
    r"\bactive model (is|are) (unchanged|not changed)\b|\bfiles are unchanged\b": "未改变",
    r"\bDefault:": "默认：",
    r"\bno recorded accuracy\b": "未记录准确率",
}

#: Words once used for the glossary's concepts, now replaced by the terms above.
RETIRED = (
    "步幅",
    "笔写数字",
    "保留书写者",
    "留出集",
    "显著性",
    "默认值：",
    "无记录",
    "所画",
    "手绘",
)


def _messages() -> list[tuple[str, str, str]]:
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = " ".join(forms) if forms else translation.text or ""
            out.append((name, message.findtext("source", ""), text))
    return out


@pytest.mark.parametrize("term", sorted(GLOSSARY))
def test_each_glossary_term_has_one_translation(term: str) -> None:
    wanted = GLOSSARY[term]
    sources = [(c, s, t) for c, s, t in _messages() if re.search(term, s)]
    assert sources, f"no source contains {term!r}: the glossary entry is stale"
    wrong = [f"[{c}] {s!r} -> {t!r}" for c, s, t in sources if wanted not in t]
    assert not wrong, f"{term!r} should be {wanted}:\n" + "\n".join(wrong)


def test_retired_words_are_gone() -> None:
    found = [
        f"[{c}] {t!r} uses {word}" for c, _s, t in _messages() for word in RETIRED if word in t
    ]
    assert not found, "\n".join(found)


def test_chinese_text_uses_full_width_parentheses() -> None:
    """ "网络输入（32x32）", not "网络输入 (32x32)"; accelerators "(&F)", file-dialog filters
    "(*.png)", formulas and function calls like "ReLU(…)" keep their ASCII parentheses."""
    bad = []
    for c, _s, t in _messages():
        text = re.sub(r"\(&\w\)|\([*.{][^)]*\)|<[^>]*>", "", t)
        if re.search(r"[\u4e00-\u9fff] ?\((?![^)]*[=∗+/])", text):
            bad.append(f"[{c}] {t!r}")
    assert not bad, "\n".join(bad)
