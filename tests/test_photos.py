"""Photos of digits on paper: grainy grey paper and uneven light are read right, a faint one is
flagged as doubtful, and drawings keep the plain path (same input as before)."""

from __future__ import annotations

import numpy as np
import pytest

from model.drawing.preprocess import FAINT, looks_like_photo, preprocess
from model.network.inference import Predictor
from tests.photos import faint, noisy_grey_paper, uneven_light


@pytest.fixture(scope="module")
def predictor() -> Predictor:
    return Predictor.load()


@pytest.fixture(scope="module")
def samples(mnist_dir):
    from model.data.mnist import load_split

    test = load_split("test", mnist_dir)
    return [(int(np.flatnonzero(test.labels == d)[k]), d) for d in range(10) for k in (0, 1)], test


@pytest.mark.parametrize("make", [noisy_grey_paper, uneven_light], ids=["grey-paper", "uneven"])
def test_photos_are_read_right(predictor, samples, make) -> None:
    pairs, test = samples
    wrong = []
    for seed, (index, digit) in enumerate(pairs):
        result = predictor.predict(make(test.images[index], seed=seed))
        assert result.preprocessed.photo
        if result.digit != digit:
            wrong.append((digit, result.digit))
    assert len(wrong) <= 1, wrong  # 20 digits, at most one misread


def test_the_dark_eight_on_grey_paper_is_an_eight_filling_the_field(predictor, samples) -> None:
    pairs, test = samples
    index = next(i for i, d in pairs if d == 8)
    result = predictor.predict(noisy_grey_paper(test.images[index]))
    assert result.digit == 8 and result.confidence > 0.8
    assert not result.preprocessed.doubts
    rows = np.flatnonzero(result.image28.max(axis=1) > 0.3)
    assert rows[-1] - rows[0] >= 14  # a full-size digit, not a tiny one in a grey square
    border = np.concatenate([result.image28[0], result.image28[-1]])
    assert border.max() < 0.05  # no grey frame of paper noise


def test_faint_photos_are_flagged_as_doubtful(predictor, samples) -> None:
    pairs, test = samples
    for seed, (index, _digit) in enumerate(pairs[:6]):
        assert FAINT in predictor.predict(faint(test.images[index], seed=seed)).preprocessed.doubts


def test_drawings_and_clean_scans_keep_the_plain_path(samples) -> None:
    pairs, test = samples
    image = test.images[pairs[0][0]]
    assert not looks_like_photo(image.astype(np.float32) / 255)  # MNIST itself
    assert not looks_like_photo(1.0 - image.astype(np.float32) / 255)  # dark on white
    canvas = np.zeros((280, 280), np.uint8)
    canvas[50:230, 130:150] = 255
    prep = preprocess(canvas)
    assert not prep.photo and prep.doubts == ()
