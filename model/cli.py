"""What the command-line tools share: argument defaults in --help, and errors without tracebacks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from model.errors import LeNetLensError
from model.mnist import ENV_VAR


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


def add_data_dir(p: argparse.ArgumentParser, what: str = "MNIST folder") -> None:
    """The one --data-dir flag; `model.mnist.resolve_data_dir` applies the fallbacks."""
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"{what} (default: ${ENV_VAR}, else the per-user cache)",
    )


def run(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """Call `main`, turning documented errors and Ctrl+C into a message and an exit status."""
    try:
        return main(argv)
    except LeNetLensError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
