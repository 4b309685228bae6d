"""What the command-line tools share: argument defaults in --help, and errors without tracebacks."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

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
    except Exception as exc:  # noqa: BLE001 (a bug: say so in one line, not a traceback)
        if os.environ.get(DEBUG_VAR):
            raise
        print(
            f"error: unexpected internal error ({type(exc).__name__}: {exc}); "
            f"set {DEBUG_VAR}=1 to see the traceback",
            file=sys.stderr,
        )
        return 70
