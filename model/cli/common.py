"""What the command-line tools share: argument defaults in --help, and errors without tracebacks."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from model.data.mnist import ENV_VAR
from model.errors import LeNetLensError


class _DefaultsFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """States each flag's default in --help, except where there is none to state."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None:
            return action.help
        return super()._get_help_string(action)


def parser(prog: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog=prog, description=description, formatter_class=_DefaultsFormatter
    )


Number = TypeVar("Number", int, float)

#: Seeds: what every generator in the tools accepts (numpy's are 32-bit).
SEED = {"low": 0, "high": 2**32 - 1}


def number(
    kind: type[Number],
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> Callable[[str], Number]:
    """An argparse `type=` that reads an int or a finite float within [low, high] (an end is
    excluded with `low_open` / `high_open`; None: unbounded). Anything else is an argparse
    error naming the flag and the allowed range (exit 2) before any work starts:
    `--train-subset -5` used to train on 59,995 images, `--lr nan` to train on NaN."""
    what = "a whole number" if kind is int else "a number"
    if low is not None and high is not None:
        allowed = f"{what} in {'(' if low_open else '['}{low}, {high}{')' if high_open else ']'}"
    elif low is not None:
        allowed = f"{what} {'>' if low_open else '>='} {low}"
    elif high is not None:
        allowed = f"{what} {'<' if high_open else '<='} {high}"
    else:
        allowed = what

    def convert(text: str) -> Number:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected {allowed}, not {text!r}")
        too_low = low is not None and (value <= low if low_open else value < low)
        too_high = high is not None and (value >= high if high_open else value > high)
        if too_low or too_high:
            raise argparse.ArgumentTypeError(f"expected {allowed}, not {text!r}")
        return value

    convert.__name__ = kind.__name__  # argparse names the type in some messages
    return convert


def add_data_dir(p: argparse.ArgumentParser, what: str = "MNIST folder") -> None:
    """The one --data-dir flag; `model.data.mnist.resolve_data_dir` applies the fallbacks."""
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"{what} (default: ${ENV_VAR}, else the per-user cache)",
    )


DEBUG_VAR = "LENET_LENS_DEBUG"


def run(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """Call `main`, turning every failure into a message and an exit status, never a traceback.

    Documented errors (a bad file, missing data, a failed save) exit 1 with their message; Ctrl+C
    exits 130; running out of memory or an OS error the code did not foresee exit 1 with what
    happened; an unexpected bug exits 70 with a one-line summary (the traceback only with
    $LENET_LENS_DEBUG=1).
    """
    try:
        return main(argv)
    except LeNetLensError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("error: out of memory (try a smaller --batch-size or subset)", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1  # stdout closed early (`| head`): nothing to say, and no one to say it to
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: say so in one line, not a traceback
        if os.environ.get(DEBUG_VAR):
            raise
        print(
            f"error: unexpected internal error ({type(exc).__name__}: {exc}); "
            f"set {DEBUG_VAR}=1 to see the traceback",
            file=sys.stderr,
        )
        return 70
