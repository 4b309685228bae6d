"""`python -m model.cli.get_pen_digits`: download the UCI pen digits and verify their checksum."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from model.cli import common as cli
from model.data import pen_archive, pen_digits


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m model.cli.get_pen_digits",
        "Download the UCI pen digits (data set 81, CC BY 4.0) and verify their checksum.",
    )
    p.add_argument(
        "--pen-dir",
        type=Path,
        default=None,
        help=f"where to put {pen_archive.TARGET} "
        f"(default: the per-user cache, {pen_archive.default_pen_dir()})",
    )
    p.add_argument("--url", default=pen_archive.URL, help="the UCI archive (or a mirror of it)")
    args = p.parse_args(argv)
    folder = args.pen_dir or pen_archive.default_pen_dir()
    for name in pen_digits.FILE_NAMES:
        if (folder / name).is_file():
            print(f"The pen digits are already in {folder / name}")
            return 0
    from model.cli.progress import ProgressBar

    bar = ProgressBar("pen digits")

    def progress(done: int, total: int) -> None:
        bar.update(done / total if total else 0.0, f"{done / 1e6:.1f} MB")

    path = pen_archive.download(folder, progress, url=args.url)
    bar.finish()
    print(f"Pen digits downloaded and verified: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
