"""Inference: from a raster (or a prepared input) to probabilities plus named activations.

`Predictor` wraps a checkpoint for the GUI and the CLIs: preprocessing, the forward pass and
the conversion to numpy live here, so the views only display arrays.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch

from model.analysis.shapes import activation_shapes
from model.config import Normalization
from model.drawing.preprocess import PAD, Preprocessed, preprocess
from model.drawing.stroke_shape import StrokeShape, stroke_shape
from model.files.checkpoint import Checkpoint, load_checkpoint
from model.files.weights import shipped_weights_path
from model.network.architecture import Architecture
from model.network.builder import architecture_of
from model.network.calibration import checkpoint_temperature
from model.network.flat import FlatNet
from model.network.lenet import ACTIVATION_SHAPES
from model.network.verdict import (
    NETWORK,
    is_not_a_digit,
    is_unsure,
    not_a_digit_threshold,
    stroke_reason,
)


@dataclass(frozen=True)
class Prediction:
    """What a network read in a drawing; `Prediction.blank` is the state of an empty canvas.

    The one result type from `model` to every view: a blank canvas is not a guess (`digit` is
    None, the probabilities uniform, the activations zero), so views render the same arrays
    without special cases.
    """

    digit: int | None
    probabilities: np.ndarray  # (10,) float32, sums to 1
    network_input: np.ndarray  # (32, 32) float32, exactly what the network received
    image28: np.ndarray  # (28, 28) float32 in [0, 1]: the MNIST-style image
    activations: dict[str, np.ndarray]  # C1 (6,28,28) S1 (6,14,14) C2 (16,10,10) S2 F5 F6
    preprocessed: Preprocessed | None  # None when blank
    # the "not a digit" head's score in [0, 1] (None: blank, or a network without the head) and
    # the verdict at the checkpoint's threshold (model/network/verdict.py); `digit` stays the
    # best guess either way
    not_a_digit_score: float | None = None
    not_a_digit: bool = False
    # why it is not a digit: verdict.NETWORK (the head), SCRIBBLE or LINE (the drawing's
    # strokes, model/drawing/stroke_shape.py); None when it is a digit. `stroke_shape` holds
    # the strokes' figures when the stroke check ran (strokes given, the head not flagging)
    not_a_digit_reason: str | None = None
    stroke_shape: StrokeShape | None = None

    @property
    def confidence(self) -> float | None:
        return None if self.digit is None else float(self.probabilities[self.digit])

    @property
    def unsure(self) -> bool:
        """Not a digit, or a low calibrated confidence: the one rule (model/network/verdict.py)."""
        return is_unsure(self.confidence, self.not_a_digit)

    @property
    def is_blank(self) -> bool:
        return self.digit is None

    @classmethod
    def blank(cls, normalization: Normalization | None = None) -> Prediction:
        """Nothing drawn: an empty input (ink 0, normalised as the network would see it)."""
        background = (normalization or Normalization()).background_level
        return cls(
            digit=None,
            probabilities=np.full(10, 0.1, dtype=np.float32),
            network_input=np.full((32, 32), background, dtype=np.float32),
            image28=np.zeros((28, 28), dtype=np.float32),
            activations={k: np.zeros(s, dtype=np.float32) for k, s in ACTIVATION_SHAPES.items()},
            preprocessed=None,
        )


class Predictor:
    """A loaded network ready to classify rasters, one at a time, fast."""

    def __init__(self, checkpoint: Checkpoint) -> None:
        self.checkpoint = checkpoint
        self.model = checkpoint.model.eval()
        self.normalization = checkpoint.normalization
        # calibration (model/network/calibration.py): logits / T make the probabilities honest
        self.temperature = checkpoint_temperature(checkpoint.metadata)
        # "not a digit" (model/network/verdict.py): None for a network without the head
        self.not_a_digit_threshold = (
            not_a_digit_threshold(checkpoint.metadata)
            if getattr(self.model, "reject", None) is not None
            else None
        )
        self._shapes: dict[str, tuple[int, ...]] | None = None

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> Predictor:
        """From a weights file (default: the shipped weights). Raises `CheckpointError`."""
        return cls(load_checkpoint(Path(path) if path else shipped_weights_path()))

    @property
    def architecture(self) -> Architecture:
        """The network's design: the layers, shapes and receptive fields the views lay out
        (`model.analysis.shapes.shape_table(predictor.architecture)`)."""
        return architecture_of(self.model)

    def activation_shapes(self) -> dict[str, tuple[int, ...]]:
        """Name -> shape (no batch axis) of every activation `predict` returns, in order."""
        if self._shapes is None:
            if isinstance(self.model, FlatNet):
                hidden = self.model.config.hidden
                self._shapes = {f"H{i}": (h,) for i, h in enumerate(hidden, 1)}
            else:
                self._shapes = activation_shapes(self.architecture)
        return dict(self._shapes)

    def blank(self) -> Prediction:
        """The empty canvas's result for this network: `Prediction.blank` with zero activations
        of this network's shapes (Prediction.blank's are LeNet-5's)."""
        zeros = {k: np.zeros(s, dtype=np.float32) for k, s in self.activation_shapes().items()}
        return replace(Prediction.blank(self.normalization), activations=zeros)

    @property
    def source(self) -> Path | None:
        return self.checkpoint.path

    @property
    def test_accuracy(self) -> float | None:
        return self.checkpoint.test_accuracy

    def predict(
        self, raster: np.ndarray, strokes: Sequence[np.ndarray] | None = None
    ) -> Prediction:
        """Classify a raster of any size and polarity. Raises `NoInkError` when blank.

        `strokes`, the drawing's (n, 2) point arrays where it has them (the canvas), let a
        network with the "not a digit" head also call a scribble or a flat line not a digit
        (model/network/verdict.py `stroke_reason`); the network's reading is the same."""
        prep = preprocess(raster, self.normalization)
        probabilities, activations, score = self._run(prep.network_input)
        head = is_not_a_digit(score, self.not_a_digit_threshold)
        check = bool(strokes) and self.not_a_digit_threshold is not None and not head
        shape = stroke_shape(strokes) if check else None  # the head, when it flags, is the reason
        reason = NETWORK if head else stroke_reason(shape)
        return Prediction(
            digit=int(probabilities.argmax()),
            probabilities=probabilities,
            network_input=prep.network_input,
            image28=prep.image28,
            activations=activations,
            preprocessed=prep,
            not_a_digit_score=score,
            not_a_digit=reason is not None,
            not_a_digit_reason=reason,
            stroke_shape=shape,
        )

    def predict_prepared(self, image32: np.ndarray) -> Prediction:
        """Classify an image already prepared as the network's input, only not normalised yet.

        A data set sample ((32, 32) in [0, 1], ink 1, the digit padded as in training) goes in
        as is: re-preprocessing it as a drawing could move a pixel and, rarely, flip a
        borderline digit. Callers hand over ink, never a formula of their own. The reading is
        complete: probabilities, activations and the "not a digit" verdict.
        """
        image = np.asarray(image32, np.float32)
        if image.shape != (32, 32):
            raise ValueError(f"expected a (32, 32) image, not {image.shape}")
        network_input = self.normalization.apply(image)
        probabilities, activations, score = self._run(network_input)
        head = is_not_a_digit(score, self.not_a_digit_threshold)
        return Prediction(
            digit=int(probabilities.argmax()),
            probabilities=probabilities,
            network_input=network_input,
            image28=image[PAD:-PAD, PAD:-PAD].copy(),
            activations=activations,
            preprocessed=None,
            not_a_digit_score=score,
            not_a_digit=head,
            not_a_digit_reason=NETWORK if head else None,
        )

    @torch.inference_mode()
    def forward(self, network_input: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Calibrated probabilities and activations for one prepared (32, 32) input."""
        probabilities, activations, _score = self._run(network_input)
        return probabilities, activations

    @torch.inference_mode()
    def _run(
        self, network_input: np.ndarray
    ) -> tuple[np.ndarray, dict[str, np.ndarray], float | None]:
        x = torch.from_numpy(np.ascontiguousarray(network_input, dtype=np.float32))[None, None]
        out = self.model(x)
        logits = out.logits[0].double() / self.temperature
        probabilities = torch.softmax(logits, 0).float().numpy()
        activations = {name: a[0].numpy() for name, a in out.activations.items()}
        reject = getattr(out, "reject", None)
        score = None if reject is None else float(torch.sigmoid(reject[0].double()))
        return probabilities, activations, score

    def kernels(self) -> dict[str, np.ndarray]:
        """Every convolution's filters by layer name, e.g. LeNet-5's C1 (6, 1, 5, 5) and
        C2 (16, 6, 5, 5), as numpy arrays."""
        return {name: k.numpy().copy() for name, k in self.model.kernels().items()}
