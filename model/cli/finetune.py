"""`python -m model.cli.finetune` / `lenet-lens-finetune`: fine-tune a network on kept drawings.

    python -m model.cli.finetune --out mine.pt                      # the user's own collection
    python -m model.cli.finetune --unipen writer.tra.gz --writer 7 --out w7.pt

The drawings come from a collection file (`--collection`, default the user's, see
docs/collection-format.md) or from a UNIPEN pen-digit file (`--unipen`, optionally one
`--writer`), so a writer's style can be taught from a file. The same
`model.training.finetune.finetune`
as the GUI's "Fine-tune on my drawings" does the work.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from model.cli import common as cli
from model.cli.progress import ProgressBar
from model.config import FinetuneConfig
from model.data.collection import default_collection_path, read_collection
from model.data.collection_import import drawings_from_unipen
from model.data.pen_digits import find_pen_file, load_pen_digits, training_writers
from model.errors import CollectionError, DataError, SaveError
from model.files.atomic import check_target
from model.files.checkpoint import load_checkpoint, save_checkpoint
from model.files.weights import shipped_weights_path
from model.training.finetune import Cancelled, FinetuneProgress, finetune
from model.training.loop import TrainingData


def build_parser():
    c = FinetuneConfig()
    p = cli.parser("lenet-lens-finetune", "Fine-tune a LeNet-5 on your kept drawings.")
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "--collection",
        type=Path,
        default=None,
        help=f"collection file of kept drawings (default: {default_collection_path()})",
    )
    source.add_argument(
        "--unipen", type=Path, default=None, help="take the drawings from a UNIPEN pen-digit file"
    )
    p.add_argument("--writer", type=int, default=None, help="with --unipen: only this writer")
    p.add_argument(
        "--weights",
        type=Path,
        default=None,
        help=f"network to start from (default: the shipped {shipped_weights_path().name})",
    )
    p.add_argument(
        "--out", type=Path, required=True, help="where to write the fine-tuned checkpoint"
    )
    cli.add_data_dir(p)
    p.add_argument(
        "--pen-dir",
        type=Path,
        default=None,
        help="folder with the UCI pen digits for the replay (default: as lenet-lens-train)",
    )
    p.add_argument("--steps", type=int, default=c.steps, help="training steps")
    p.add_argument("--lr", type=float, default=c.lr, help="peak learning rate")
    p.add_argument("--seed", type=int, default=c.seed, help="seed of renders and batches")
    p.add_argument(
        "--no-mnist", action="store_true", help="neither replay nor measure MNIST (faster)"
    )
    return p


def load_drawings(args) -> list:  # noqa: ANN001
    if args.unipen is not None:
        return drawings_from_unipen(args.unipen, args.writer)
    if args.writer is not None:
        raise CollectionError("--writer applies to --unipen only")
    path = args.collection or default_collection_path()
    if args.collection is None and not path.exists():
        raise CollectionError(f"{path}: no collection yet (keep some drawings in the app first)")
    drawings = read_collection(path)
    if not drawings:
        raise CollectionError(f"{path}: the collection is empty; nothing to learn from")
    return drawings


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = FinetuneConfig(steps=args.steps, lr=args.lr, seed=args.seed)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    drawings = load_drawings(args)
    try:
        check_target(args.out)  # fail now, not after the work
    except SaveError as exc:
        print(f"error: {exc}; nothing fine-tuned", file=sys.stderr)
        return 1
    checkpoint = load_checkpoint(args.weights or shipped_weights_path())
    mnist = None if args.no_mnist else TrainingData.load(args.data_dir)
    pen_file = find_pen_file(args.pen_dir)
    if pen_file is None and args.pen_dir is not None:
        raise DataError(f"{args.pen_dir}: no pendigits-orig.tra(.gz) in this folder")
    pen = training_writers(load_pen_digits(pen_file)) if pen_file is not None else None
    print(f"fine-tuning on {len(drawings)} drawings…", file=sys.stderr)
    bar = ProgressBar("fine-tuning")

    def on_progress(p: FinetuneProgress) -> None:
        bar.update(p.fraction, p.stage + (f"  loss {p.loss:.3f}" if p.loss is not None else ""))

    try:
        result = finetune(
            checkpoint, drawings, mnist=mnist, pen_digits=pen, config=config, progress=on_progress
        )
    except Cancelled:
        print("cancelled; nothing written", file=sys.stderr)
        return 130
    bar.finish()
    try:
        path = save_checkpoint(result.checkpoint, args.out)
    except SaveError as exc:
        print(f"error: {exc}; the fine-tuned model was NOT saved", file=sys.stderr)
        return 1
    print(result.summary())
    print(f"saved {path}")
    return 0


def entry() -> int:
    """`lenet-lens-finetune`."""
    return cli.run(main)


if __name__ == "__main__":
    sys.exit(entry())
