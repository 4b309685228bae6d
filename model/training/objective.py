"""What a training step minimises: digits read right, and non-digits recognised as such.

A batch may mix digits (labels 0-9) with non-digits (label `NOT_A_DIGIT`: pen-drawn letters
and symbols that do not look like a digit, and generated marks, model/data/marks.py). Three
terms, each where it applies:

- digits: cross-entropy with label smoothing, as LeNet-5 has always been trained;
- non-digits, outlier exposure (Hendrycks et al., 2019): cross-entropy to the uniform
  distribution on the 10 digit outputs, so the bars spread out for a scribble instead of
  naming a digit at 99.9%;
- the "not a digit" head (a logistic unit on F6, model/network/lenet.py), when the network has
  one: binary cross-entropy, digits 0 and non-digits 1.

A network without the head (the flat network, old checkpoints, a Retrain without non-digits)
gets the first term alone when the batch holds only digits: exactly the loss it always had.

Optionally, a fourth: knowledge distillation (Hinton et al., 2015). Given the averaged,
temperature-softened probabilities of teacher networks on the same batch (`soft_targets`), the
digits' cross-entropy is mixed with the softened KL divergence to them (`distill_weight` of the
digit term, scaled by T² so its gradients keep their size). Several LeNet-5s trained alike
agree on the digits each reads, and disagree on the ones each gets wrong; their average reads
MNIST better than any of them, and a student taught by it may inherit part of that, with the
same 61k weights and the same views (tried for the shipped weights, it did not: README).
"""

from __future__ import annotations

import torch
from torch.nn import functional as F

from model.network.lenet import LeNetOutput

#: The label of a non-digit in a training batch.
NOT_A_DIGIT = -1


def step_loss(
    out: LeNetOutput,
    y: torch.Tensor,
    label_smoothing: float = 0.0,
    outlier_weight: float = 0.5,
    reject_weight: float = 1.0,
    soft_targets: torch.Tensor | None = None,
    distill_weight: float = 0.0,
    temperature: float = 1.0,
) -> torch.Tensor:
    """The batch's loss (a scalar tensor); see the module docstring for its terms.

    `soft_targets`: (N, 10) teacher probabilities at `temperature` for the whole batch (only the
    digits' rows are used), mixed in with `distill_weight` in [0, 1].
    """
    digit = y >= 0
    loss = out.logits.new_zeros(())
    if bool(digit.any()):
        logits = out.logits if bool(digit.all()) else out.logits[digit]
        loss = F.cross_entropy(logits, y[digit], label_smoothing=label_smoothing)
        if soft_targets is not None and distill_weight > 0:
            student = F.log_softmax(logits / temperature, 1)
            teacher = soft_targets[digit]
            kl = F.kl_div(student, teacher, reduction="batchmean") * temperature**2
            loss = (1 - distill_weight) * loss + distill_weight * kl
    if not bool(digit.all()):
        if outlier_weight > 0:
            uniform = -F.log_softmax(out.logits[~digit], 1).mean(1).mean()
            loss = loss + outlier_weight * uniform
    if out.reject is not None and reject_weight > 0:
        target = (~digit).to(out.reject.dtype)
        loss = loss + reject_weight * F.binary_cross_entropy_with_logits(out.reject, target)
    return loss


def digit_hits(out: LeNetOutput, y: torch.Tensor) -> tuple[int, int]:
    """(digits read right, digits) in a batch: its training accuracy counts digits only."""
    digit = y >= 0
    return int((out.logits[digit].argmax(1) == y[digit]).sum()), int(digit.sum())
