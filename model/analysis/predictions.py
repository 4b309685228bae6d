"""Evaluating a model over a whole data set, and comparing two models, for the insight workspace.

`evaluate_inputs` runs a network over prepared (N, 32, 32) network inputs in batches (with the
job protocol of `model/jobs.py`: progress after each batch, cancel before each) and returns an
`Evaluation`: per-sample labels, predictions and probabilities and the 10x10 confusion matrix
(rows true, columns predicted, labelled samples only, as `model.analysis.accuracy.report` counts
it).
`evaluate_dataset` does the same for a `DataSet`, normalised with the predictor's statistics.

`Evaluation` answers the gallery's questions without another pass: the samples of a confusion
cell, row or column, mistakes only, sorted by confidence. `EvaluationCache` keeps results per
(model identity, data set key) so that switching back is instant; `model_key` fingerprints the
weights, so a retrained model in the same file is a different model. `compare` contrasts two
evaluations of the same data set.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from model.config import Normalization
from model.data.datasets import UNKNOWN, DataSet
from model.jobs import CancelCheck, ProgressCallback, check_cancel, report
from model.network.builder import architecture_of

BATCH = 2000
SORTS = ("index", "confident_mistakes", "unsure_correct", "confidence")


@dataclass(frozen=True)
class Evaluation:
    labels: np.ndarray  # (N,) int64, -1 where unknown
    predictions: np.ndarray  # (N,) int64
    probabilities: np.ndarray  # (N, 10) float32
    confusion: np.ndarray  # (10, 10) int64, rows true, columns predicted (labelled samples)
    key: tuple[str, str] | None = None  # (model key, data set key)
    # (N,) bool: the network says "not a digit" (model/network/verdict.py: its head's score at
    # or above the checkpoint's threshold); None for a network without the head or threshold
    not_a_digit: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def confidences(self) -> np.ndarray:
        """(N,) probability of the predicted digit."""
        return self.probabilities[np.arange(len(self)), self.predictions]

    @property
    def labelled(self) -> np.ndarray:
        return self.labels != UNKNOWN

    @property
    def correct(self) -> np.ndarray:
        """(N,) bool: labelled and predicted right."""
        return self.labelled & (self.predictions == self.labels)

    @property
    def accuracy(self) -> float | None:
        """Share of labelled samples predicted right; None without labels."""
        n = int(self.labelled.sum())
        return float(self.correct.sum()) / n if n else None

    @property
    def not_a_digit_count(self) -> int | None:
        """How many samples the network calls "not a digit" (None: it cannot say)."""
        return None if self.not_a_digit is None else int(self.not_a_digit.sum())

    @property
    def per_class_accuracy(self) -> np.ndarray:
        """(10,) accuracy of each true digit (NaN for a digit with no samples)."""
        totals = self.confusion.sum(1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(self.confusion) / totals, np.nan)

    def indices(
        self,
        true: int | None = None,
        predicted: int | None = None,
        mistakes_only: bool = False,
        sort: str = "index",
    ) -> np.ndarray:
        """Samples of a confusion cell (both given), row (`true`) or column (`predicted`), or
        all; sorted as `sort`: "index", "confident_mistakes" (wrong ones first, most confident
        first), "unsure_correct" (right ones first, least confident first) or "confidence"
        (descending)."""
        mask = np.ones(len(self), dtype=bool)
        if true is not None:
            mask &= self.labels == true
        if predicted is not None:
            mask &= self.predictions == predicted
        if mistakes_only:
            mask &= self.labelled & ~self.correct
        return order(self, np.flatnonzero(mask), sort)


def order(evaluation: Evaluation, indices: np.ndarray, sort: str = "index") -> np.ndarray:
    """`indices` in the gallery order `sort` (see `Evaluation.indices`); ties by index."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {SORTS}")
    if sort == "index" or len(indices) == 0:
        return np.sort(indices)
    indices = np.sort(indices)
    confidence = evaluation.confidences[indices]
    wrong = ~evaluation.correct[indices]
    if sort == "confidence":
        keys = (-confidence,)
    elif sort == "confident_mistakes":
        keys = (-confidence, ~wrong)
    else:
        keys = (confidence, wrong)
    return indices[np.lexsort(keys)]  # the last key is the primary one


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray) -> np.ndarray:
    known = labels != UNKNOWN
    matrix = np.zeros((10, 10), dtype=np.int64)
    np.add.at(matrix, (labels[known], predictions[known]), 1)
    return matrix


def model_key(predictor_or_network: Any) -> str:
    """A fingerprint of a model's weights and input statistics: equal for the same model,
    different after any retraining, whatever the file is called."""
    network = getattr(predictor_or_network, "model", predictor_or_network)
    normalization = getattr(predictor_or_network, "normalization", None)
    digest = hashlib.blake2b(digest_size=12)
    try:  # the design too: the same weights in another design (max or average pooling,
        # another stride) are another network
        digest.update(repr(architecture_of(network).to_dict()).encode())
    except TypeError:  # not a LeNet Lens network: its weights alone
        pass
    for name, tensor in network.state_dict().items():
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    if normalization is not None:
        digest.update(repr(normalization).encode())
    return digest.hexdigest()


@torch.inference_mode()
def evaluate_inputs(
    network: nn.Module,
    inputs: np.ndarray | torch.Tensor,
    labels: np.ndarray | None = None,
    batch_size: int = BATCH,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
    key: tuple[str, str] | None = None,
) -> Evaluation:
    """Run `network` (or a predictor's) over normalised (N, 32, 32) or (N, 1, 32, 32) inputs.

    Raises `Cancelled` if `should_cancel()` turns true (checked before each batch). A
    predictor's calibration temperature is applied, so the probabilities equal its own.
    """
    temperature = float(getattr(network, "temperature", 1.0))
    threshold = getattr(network, "not_a_digit_threshold", None)  # a predictor's, with the head
    network = getattr(network, "model", network)
    x = torch.as_tensor(
        np.asarray(inputs, dtype=np.float32) if isinstance(inputs, np.ndarray) else inputs
    )
    if x.ndim == 3:
        x = x[:, None]
    n = len(x)
    labels = np.full(n, UNKNOWN, np.int64) if labels is None else np.asarray(labels, np.int64)
    if len(labels) != n:
        raise ValueError(f"{n} inputs but {len(labels)} labels")
    was_training = network.training
    network.eval()
    probabilities = np.zeros((n, 10), dtype=np.float32)
    scores = np.zeros(n, dtype=np.float64) if threshold is not None else None
    try:
        for start in range(0, n, batch_size):
            check_cancel(should_cancel, "evaluation")
            out = network(x[start : start + batch_size])
            probabilities[start : start + batch_size] = torch.softmax(
                out.logits.double() / temperature, 1
            ).numpy()
            reject = getattr(out, "reject", None)
            if scores is not None and reject is not None:
                scores[start : start + batch_size] = torch.sigmoid(reject.double()).numpy()
            report(on_progress, min(start + batch_size, n), n)
    finally:
        network.train(was_training)
    predictions = probabilities.argmax(1).astype(np.int64)
    # the rule of model/network/verdict.is_not_a_digit, for every sample at once
    flags = None if scores is None else scores >= threshold
    return Evaluation(
        labels, predictions, probabilities, confusion_matrix(labels, predictions), key, flags
    )


def evaluate_dataset(
    predictor: Any,
    dataset: DataSet,
    normalization: Normalization | None = None,
    batch_size: int = BATCH,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> Evaluation:
    """`evaluate_inputs` for a `DataSet`, normalised with the predictor's (or checkpoint's)
    statistics unless `normalization` is given; the result's key is (model_key, dataset.key)."""
    normalization = normalization or getattr(predictor, "normalization", None) or Normalization()
    return evaluate_inputs(
        predictor,
        dataset.network_inputs(normalization),
        dataset.labels,
        batch_size,
        on_progress,
        should_cancel,
        key=(model_key(predictor), dataset.key),
    )


class EvaluationCache:
    """The last few evaluations by (model key, data set key); least recently used go first."""

    def __init__(self, capacity: int = 8) -> None:
        self.capacity = capacity
        self._items: OrderedDict[tuple[str, str], Evaluation] = OrderedDict()

    def get(self, model: str, dataset: str) -> Evaluation | None:
        item = self._items.get((model, dataset))
        if item is not None:
            self._items.move_to_end((model, dataset))
        return item

    def put(self, evaluation: Evaluation) -> None:
        if evaluation.key is None:
            raise ValueError("only keyed evaluations (from evaluate_dataset) can be cached")
        self._items[evaluation.key] = evaluation
        self._items.move_to_end(evaluation.key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()


@dataclass(frozen=True)
class Comparison:
    """Model B against model A on the same data set; differences are B minus A."""

    accuracy_a: float | None
    accuracy_b: float | None
    per_class_a: np.ndarray  # (10,)
    per_class_b: np.ndarray
    confusion_diff: np.ndarray  # (10, 10) int64
    disagreements: np.ndarray  # indices where the predictions differ
    only_a_right: np.ndarray  # indices A gets right and B wrong
    only_b_right: np.ndarray

    @property
    def accuracy_diff(self) -> float | None:
        if self.accuracy_a is None or self.accuracy_b is None:
            return None
        return self.accuracy_b - self.accuracy_a

    @property
    def per_class_diff(self) -> np.ndarray:
        return self.per_class_b - self.per_class_a


def compare(a: Evaluation, b: Evaluation) -> Comparison:
    """Contrast two evaluations of the same samples (same labels, same order)."""
    if len(a) != len(b) or not np.array_equal(a.labels, b.labels):
        raise ValueError("the two evaluations are not of the same data set")
    return Comparison(
        a.accuracy,
        b.accuracy,
        a.per_class_accuracy,
        b.per_class_accuracy,
        b.confusion - a.confusion,
        np.flatnonzero(a.predictions != b.predictions),
        np.flatnonzero(a.correct & ~b.correct),
        np.flatnonzero(b.correct & ~a.correct),
    )
