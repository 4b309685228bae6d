"""`python -m model.cli.get_mnist`: fetch MNIST from the public mirrors into the data directory."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from model.cli import common as cli
from model.cli.progress import ProgressBar
from model.data.mnist import download, missing_files, resolve_data_dir


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser("python -m model.cli.get_mnist", "Download and verify MNIST.")
    cli.add_data_dir(p, "where to put the files")
    args = p.parse_args(argv)
    root = resolve_data_dir(args.data_dir)
    if not missing_files(root):
        print(f"MNIST is already complete in {root}")
        return 0
    bars: dict[str, ProgressBar] = {}

    def progress(name: str, done: int, total: int) -> None:
        bar = bars.setdefault(name, ProgressBar(name))
        bar.update(done / total if total else 0.0, f"{done / 1e6:.1f} MB")

    download(root, progress=progress)
    for bar in bars.values():
        bar.finish()
    print(f"MNIST downloaded and verified in {root}")
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
