"""What the command-line tools share: argument defaults in --help, and errors without tracebacks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from model.errors import LeNetLensError


def parser(prog: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog=prog,
        description=description,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
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
