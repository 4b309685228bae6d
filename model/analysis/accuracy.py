"""Measuring a checkpoint: MNIST test accuracy, per class, confusion; real pen digits by
writers it never saw (any pen source, with a breakdown by contributor); the synthetic
drawn-digit set; and calibration (ECE)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from model.data.drawn_digits import DrawnSet, make_drawn_set
from model.data.mnist import MnistSplit
from model.data.pen_digits import RenderedSet, render_eval_set
from model.data.pen_sample import PenSample
from model.data.unipen_text import PenDigit
from model.drawing.preprocess import mnist_to_network_input, preprocess
from model.drawing.strokes import DEFAULT_PEN_WIDTH
from model.files.checkpoint import Checkpoint
from model.network.calibration import (
    calibrated_probabilities,
    checkpoint_temperature,
    expected_calibration_error,
)
from model.training.loop import predict_logits


@dataclass(frozen=True)
class EvaluationReport:
    accuracy: float
    per_class: np.ndarray  # (10,) accuracy of each true class
    confusion: np.ndarray  # (10, 10) counts: rows true, columns predicted
    count: int
    ece: float | None = None  # expected calibration error of the (calibrated) probabilities
    # (correct, count) per group of samples (e.g. per UNIPEN contributor), when asked for
    per_group: dict[str, tuple[int, int]] = field(default_factory=dict)

    def format_groups(self) -> str:
        """One line: each group's accuracy and count, worst first."""
        ranked = sorted(self.per_group.items(), key=lambda kv: kv[1][0] / max(kv[1][1], 1))
        return "  ".join(f"{g} {c / max(n, 1) * 100:.1f}% of {n}" for g, (c, n) in ranked)

    def format(self, title: str) -> str:
        ece = f"  (ECE {self.ece * 100:.2f}%)" if self.ece is not None else ""
        lines = [f"{title}: {self.accuracy * 100:.2f}% of {self.count}{ece}"]
        lines.append(
            "per class: " + "  ".join(f"{d}:{a * 100:.1f}" for d, a in enumerate(self.per_class))
        )
        lines.append("confusion (rows true, columns predicted):")
        lines.append("      " + "".join(f"{d:>6}" for d in range(10)))
        for d, row in enumerate(self.confusion):
            lines.append(f"{d:>6}" + "".join(f"{v:>6}" for v in row))
        return "\n".join(lines)


def report(predicted: np.ndarray, labels: np.ndarray, ece: float | None = None) -> EvaluationReport:
    confusion = np.zeros((10, 10), dtype=np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    totals = confusion.sum(1)
    per_class = np.divide(np.diag(confusion), totals, out=np.zeros(10), where=totals > 0)
    return EvaluationReport(
        float((predicted == labels).mean()), per_class, confusion, len(labels), ece
    )


def report_logits(
    logits: torch.Tensor, labels: np.ndarray, temperature: float = 1.0
) -> EvaluationReport:
    """Accuracy, confusion and the ECE of softmax(logits / temperature)."""
    probabilities = calibrated_probabilities(logits, temperature)
    ece = expected_calibration_error(probabilities, labels)
    return report(probabilities.argmax(1), np.asarray(labels), ece)


def evaluate_mnist(
    checkpoint: Checkpoint, split: MnistSplit, temperature: float | None = None
) -> EvaluationReport:
    """MNIST accuracy; ECE with the checkpoint's temperature unless one is given."""
    x = mnist_to_network_input(split.images, checkpoint.normalization)
    t = checkpoint_temperature(checkpoint.metadata) if temperature is None else temperature
    return report_logits(predict_logits(checkpoint.model, x), split.labels, t)


def rendered_logits(checkpoint: Checkpoint, rendered: RenderedSet) -> torch.Tensor:
    norm = checkpoint.normalization
    return predict_logits(checkpoint.model, (rendered.unit_tensor() - norm.mean) / norm.std)


def evaluate_pen(
    checkpoint: Checkpoint,
    digits: Sequence[PenSample | PenDigit],
    pen_width: float = DEFAULT_PEN_WIDTH,
    seed: int = 0,
    normalize_width: bool = False,
    temperature: float | None = None,
    group_by: Callable[[PenSample | PenDigit], str] | None = None,
) -> EvaluationReport:
    """Real pen digits drawn like the canvas at `pen_width` (random size 40-80% of its height,
    random position; see `pendata.render_eval_set`), preprocessed like the app, read by the
    checkpoint. Pass digits of writers it never trained on (`model.data.pen_split`).
    `group_by` names each digit's group (e.g. its contributor) for `per_group`."""
    rendered = render_eval_set(digits, pen_width, seed, normalize_width)
    t = checkpoint_temperature(checkpoint.metadata) if temperature is None else temperature
    logits = rendered_logits(checkpoint, rendered)
    result = report_logits(logits, rendered.labels, t)
    if group_by is None:
        return result
    groups = group_accuracy(
        logits.argmax(1).numpy(), rendered.labels, [group_by(d) for d in digits]
    )
    return dataclasses.replace(result, per_group=groups)


def group_accuracy(
    predicted: np.ndarray, labels: np.ndarray, groups: Sequence[str]
) -> dict[str, tuple[int, int]]:
    """(correct, count) for each group name."""
    out: dict[str, tuple[int, int]] = {}
    for p, y, g in zip(predicted, labels, groups):
        c, n = out.get(g, (0, 0))
        out[g] = (c + int(p == y), n + 1)
    return out


def drawn_inputs(drawn: DrawnSet, checkpoint: Checkpoint) -> torch.Tensor:
    inputs = [preprocess(r, checkpoint.normalization).network_input for r in drawn.rasters]
    return torch.from_numpy(np.stack(inputs))[:, None]


def evaluate_drawn(
    checkpoint: Checkpoint, test: MnistSplit, count: int = 2000, seed: int = 0
) -> EvaluationReport:
    """Accuracy on MNIST test digits redrawn as canvas pen strokes (see `drawn_digits`)."""
    drawn = make_drawn_set(test.images, test.labels, count, seed)
    predicted = predict_logits(checkpoint.model, drawn_inputs(drawn, checkpoint)).argmax(1).numpy()
    return report(predicted, drawn.labels)
