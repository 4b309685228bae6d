"""Measuring a checkpoint: MNIST test accuracy, per class, confusion; and drawn-digit accuracy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from model.checkpoint import Checkpoint
from model.drawn_digits import DrawnSet, make_drawn_set
from model.mnist import MnistSplit
from model.preprocess import mnist_to_network_input, preprocess
from model.training import predict_logits


@dataclass(frozen=True)
class EvaluationReport:
    accuracy: float
    per_class: np.ndarray  # (10,) accuracy of each true class
    confusion: np.ndarray  # (10, 10) counts: rows true, columns predicted
    count: int

    def format(self, title: str) -> str:
        lines = [f"{title}: {self.accuracy * 100:.2f}% of {self.count}"]
        lines.append(
            "per class: " + "  ".join(f"{d}:{a * 100:.1f}" for d, a in enumerate(self.per_class))
        )
        lines.append("confusion (rows true, columns predicted):")
        lines.append("      " + "".join(f"{d:>6}" for d in range(10)))
        for d, row in enumerate(self.confusion):
            lines.append(f"{d:>6}" + "".join(f"{v:>6}" for v in row))
        return "\n".join(lines)


def report(predicted: np.ndarray, labels: np.ndarray) -> EvaluationReport:
    confusion = np.zeros((10, 10), dtype=np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    totals = confusion.sum(1)
    per_class = np.divide(np.diag(confusion), totals, out=np.zeros(10), where=totals > 0)
    return EvaluationReport(float((predicted == labels).mean()), per_class, confusion, len(labels))


def evaluate_mnist(checkpoint: Checkpoint, split: MnistSplit) -> EvaluationReport:
    x = mnist_to_network_input(split.images, checkpoint.normalization)
    predicted = predict_logits(checkpoint.model, x).argmax(1).numpy()
    return report(predicted, split.labels)


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
