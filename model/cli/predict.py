"""`python -m model.cli.predict IMAGE...`: the digit and the probabilities for each image file.

Each file goes through the same preprocessing as the canvas (polarity detected, cropped,
scaled and centred the MNIST way). A bad file is reported and the others still run.

Every answer says whether the drawing is a digit at all (model/network/verdict.py): the text
line ends in "not a digit?" (the best guess still shown), and `--json` has `"not_a_digit":
true|false` on every answer, with the head's score (null for a network without the head) and
the one "unsure" flag.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from model.cli import common as cli
from model.data.images import load_image
from model.errors import ImageReadError, NoInkError
from model.files.weights import shipped_weights_path
from model.network.inference import Predictor


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser("python -m model.cli.predict", "Classify handwritten digit images.")
    p.add_argument("images", nargs="+", type=Path, help="PNG/JPEG/BMP/... files")
    p.add_argument("--weights", type=Path, default=shipped_weights_path())
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    args = p.parse_args(argv)
    predictor = Predictor.load(args.weights)
    failures = 0
    for path in args.images:
        try:
            prediction = predictor.predict(load_image(path))
        except (ImageReadError, NoInkError) as exc:
            failures += 1
            message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
            if args.json:
                print(json.dumps({"file": str(path), "error": message, "not_a_digit": False}))
            else:
                print(f"error: {message}", file=sys.stderr)
            continue
        probs = [round(float(v), 4) for v in prediction.probabilities]
        score = prediction.not_a_digit_score
        if args.json:
            answer = {
                "file": str(path),
                "digit": prediction.digit,
                "probabilities": probs,
                "not_a_digit": prediction.not_a_digit,
                "not_a_digit_score": None if score is None else round(score, 4),
                "unsure": prediction.unsure,
            }
            print(json.dumps(answer))
        else:
            bars = "  ".join(f"{d}:{v:.3f}" for d, v in enumerate(probs))
            verdict = "  not a digit?" if prediction.not_a_digit else ""
            verdict += "  unsure" if prediction.unsure and not prediction.not_a_digit else ""
            print(
                f"{path}: {prediction.digit} ({prediction.confidence * 100:.1f}%){verdict}  {bars}"
            )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
