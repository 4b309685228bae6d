"""The network's input scale on one object: one formula, and no copy of it elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch

from model.config import Normalization
from model.drawing.preprocess import PAD
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path
from model.network.inference import Predictor
from model.network.normalisation import Normalization as OnItsObject

ROOT = Path(__file__).resolve().parents[1]


def test_config_re_exports_the_one_object():
    assert Normalization is OnItsObject


def test_apply_background_and_grey_levels():
    norm = Normalization(mean=0.2, std=0.5)
    ink = np.array([[0.0, 1.0], [0.5, 0.2]])
    out = norm.apply(ink)
    assert out.dtype == np.float32
    assert np.allclose(out, [[-0.4, 1.6], [0.6, 0.0]])
    assert ink[0, 1] == 1.0  # the input is left alone
    assert norm.background_level == pytest.approx(-0.4)
    assert norm.grey_levels == pytest.approx((-0.4, 1.6))
    t = torch.tensor([0.0, 1.0], dtype=torch.float64)
    assert norm.apply(t).dtype == torch.float64
    assert torch.allclose(norm.apply(t), torch.tensor([-0.4, 1.6], dtype=torch.float64))
    assert np.allclose(norm.to_ink(out), ink)


def test_convert_reads_the_same_ink_for_another_network():
    source, target = Normalization(0.1, 0.3), Normalization(0.2, 0.5)
    ink = np.linspace(0, 1, 16, dtype=np.float32).reshape(4, 4)
    assert np.allclose(source.convert(source.apply(ink), target), target.apply(ink), atol=1e-6)
    x = source.apply(ink)
    assert source.convert(x, Normalization(0.1, 0.3)) is x


def test_predictor_reads_a_prepared_image_as_it_reads_a_drawing():
    """A data set image (32x32, ink 1) goes in as is: only the normalisation is applied."""
    predictor = Predictor(load_checkpoint(shipped_weights_path()))
    image = np.zeros((32, 32), np.float32)
    image[8:24, 14:18] = 1.0  # a plain vertical bar: a 1
    prediction = predictor.predict_prepared(image)
    assert np.allclose(prediction.network_input, predictor.normalization.apply(image))
    assert prediction.image28.shape == (28, 28)
    assert np.array_equal(prediction.image28, image[PAD:-PAD, PAD:-PAD])
    probabilities, _ = predictor.forward(predictor.normalization.apply(image))
    assert np.allclose(prediction.probabilities, probabilities)
    assert prediction.digit == int(probabilities.argmax())


# model/training/ is being rewritten on another branch, which adopts the object there.
NOT_YET = ("model/training/",)
INLINE = re.compile(
    r"-\s*(\w+\.)?mean\)\s*/\s*(\w+\.)?std\b"  # (x - mean) / std
    r"|sub_\(\s*(\w+\.)?mean\b"  # x.sub_(mean).div_(std)
    r"|\*\s*(\w+\.)?std\s*\+\s*(\w+\.)?mean\b"  # x * std + mean
)


def test_no_inline_normalisation_formula_remains():
    """`(x - norm.mean) / norm.std` lives in model/network/normalisation.py only."""
    offenders = []
    for folder in ("app", "model", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "model/network/normalisation.py" or rel.startswith(NOT_YET):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if INLINE.search(line):
                    offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
