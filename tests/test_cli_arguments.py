"""Every numeric argument of every command-line tool is checked before any work starts
(issue 20, item 4: `--train-subset -5` trained on 59,995 images and exited 0)."""

from __future__ import annotations

import argparse

import pytest

from model.cli import common as cli
from model.cli import evaluate, finetune, mlp, train

MAINS = {"train": train.main, "mlp": mlp.main, "evaluate": evaluate.main, "finetune": finetune.main}
NEEDS = {"finetune": ["--out", "unused.pt"]}

BAD = [
    ("train", "--train-subset", "-5"),
    ("train", "--train-subset", "0"),
    ("train", "--test-subset", "-1"),
    ("train", "--epochs", "0"),
    ("train", "--epochs", "2.5"),
    ("train", "--batch-size", "0"),
    ("train", "--lr", "nan"),
    ("train", "--lr", "0"),
    ("train", "--lr", "-1e-3"),
    ("train", "--lr", "inf"),
    ("train", "--weight-decay", "-0.1"),
    ("train", "--label-smoothing", "1"),
    ("train", "--label-smoothing", "nan"),
    ("train", "--restyle", "1.5"),
    ("train", "--seed", "-1"),
    ("train", "--dropout", "1"),
    ("train", "--pen-fraction", "-0.1"),
    ("train", "--pen-fraction", "1"),
    ("train", "--pen-variants", "0"),
    ("train", "--drawn-eval", "-3"),
    ("train", "--reject-weight", "-1"),
    ("train", "--distill-weight", "1.5"),
    ("train", "--distill-temperature", "0"),
    ("mlp", "--epochs", "0"),
    ("mlp", "--train-subset", "-5"),
    ("mlp", "--seed", "x"),
    ("evaluate", "--drawn", "-1"),
    ("evaluate", "--pen", "-1"),
    ("evaluate", "--seed", "-2"),
    ("finetune", "--steps", "0"),
    ("finetune", "--lr", "nan"),
    ("finetune", "--seed", "-1"),
    ("finetune", "--writer", "-1"),
]


@pytest.mark.parametrize(("tool", "flag", "value"), BAD)
def test_a_bad_number_is_an_argument_error(tool: str, flag: str, value: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        MAINS[tool]([*NEEDS.get(tool, []), f"{flag}={value}"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {flag}: " in err and repr(value) in err, err
    assert "Traceback" not in err


def test_the_helper_states_the_allowed_range() -> None:
    count = cli.number(int, low=1)
    assert count("3") == 3
    with pytest.raises(argparse.ArgumentTypeError, match=r"a whole number >= 1, not '-5'"):
        count("-5")
    share = cli.number(float, low=0.0, high=1.0, high_open=True)
    assert share("0.25") == 0.25
    with pytest.raises(argparse.ArgumentTypeError, match=r"a number in \[0.0, 1.0\), not 'nan'"):
        share("nan")
    rate = cli.number(float, low=0.0, low_open=True)
    with pytest.raises(argparse.ArgumentTypeError, match=r"a number > 0.0"):
        rate("0")
