"""In Chinese, nothing on screen is English: every workspace, the main dialogs, the menus and an
error box, after drawing a digit, show no word in Latin letters except names.

The walk runs in a fresh interpreter (tests/gui/zh_screen_probe.py), as the app starts: the
translators must be installed before any window module is imported. Names stay as they are
(LeNet, MNIST, ReLU, C1…F6, CUDA, file names, keys); everything else a user reads, including
text that comes from `model/` (presets, layer names, refusals, error details), is translated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.zh_screen_probe import latin_words

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def screen(tmp_path_factory: pytest.TempPathFactory, mnist_dir: Path) -> dict:
    home = tmp_path_factory.mktemp("zh-screen")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",  # not a zh locale: the settings key chooses Chinese
        "LENET_LENS_DATA": str(mnist_dir),
        **{var: str(home / var.lower()) for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")},
        "XDG_STATE_HOME": str(home / "state"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.zh_screen_probe", str(home / "settings.ini"), str(home)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_english_word_on_a_chinese_screen(screen: dict) -> None:
    latin = screen["latin"]
    assert latin == {}, "English on a Chinese screen:\n" + "\n".join(
        f"{words}: {text[:160]!r}" for text, words in latin.items()
    )


def test_toolbar_buttons_and_tooltips_carry_no_accelerator_letter(screen: dict) -> None:
    assert screen["stray"] == []


def test_the_walk_saw_every_screen(screen: dict) -> None:
    """The probe really opened what it claims: one text from each of them is among those seen
    (else an empty list of English words would prove nothing)."""
    texts = "\n".join(screen["texts"])
    for seen in (
        "预设：边缘",  # Concepts: playground presets (ids from model/)
        "SAME（相同填充）需要奇数大小的卷积核",  # Concepts: a refusal from model/ (reason id)
        "个样本",  # Insight: the evaluated data set
        "不是 Pillow 能读取的图像",  # the error box's detail (reason id)
        "最大池化",  # Retrain: the pooling choice
        "我的手写数字",  # Training menu, My drawings
        "用我的手写数字微调",  # Fine-tune
        "我在看什么？",  # the guide
        "键盘快捷键",  # the shortcuts dialog
        "关于 LeNet Lens",  # About
    ):
        assert seen in texts, f"the walk did not see {seen!r}"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("LeNet-5 读取 C1 特征图（5x5，ReLU）", []),
        ("存放 MNIST 的文件夹：$LENET_LENS_DATA 或 ~/data/train-images.gz", []),
        ("预设：blur", ["blur"]),
        ("B − A：+0.00 pt", ["pt"]),
        ("撤销(&U)  Ctrl+Z", []),
    ],
)
def test_the_check_tells_names_from_words(text: str, words: list[str]) -> None:
    assert latin_words(text) == words
