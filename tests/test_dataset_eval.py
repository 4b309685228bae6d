"""Whole-data-set evaluation, the gallery's filters and orders, caching, comparing, export."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PIL import Image

from model.analysis.accuracy import evaluate_mnist
from model.analysis.predictions import EvaluationCache, compare, evaluate_dataset, model_key
from model.data.datasets import UNKNOWN, folder_dataset, from_rasters, mnist_test
from model.data.mnist import load_split
from model.errors import SaveError
from model.files.checkpoint import load_checkpoint
from model.files.predictions_csv import write_predictions_csv
from model.files.weights import AVG_POOL_NAME, shipped_weights_path
from model.jobs import Cancelled
from model.network.inference import Predictor


@pytest.fixture(scope="module")
def predictor() -> Predictor:
    return Predictor.load()


@pytest.fixture(scope="module")
def test_set(mnist_dir):
    return mnist_test(mnist_dir)


@pytest.fixture(scope="module")
def evaluation(predictor, test_set):
    return evaluate_dataset(predictor, test_set)


def test_totals_match_model_evaluate(predictor, mnist_dir, evaluation):
    assert evaluation.confusion.sum() == len(evaluation) == 10_000
    reference = evaluate_mnist(predictor.checkpoint, load_split("test", mnist_dir))
    np.testing.assert_array_equal(evaluation.confusion, reference.confusion)
    assert evaluation.accuracy == pytest.approx(reference.accuracy)
    np.testing.assert_allclose(evaluation.per_class_accuracy, reference.per_class)
    np.testing.assert_allclose(evaluation.probabilities.sum(1), 1.0, atol=1e-5)


def test_a_cell_row_and_column_select_exactly_their_samples(evaluation):
    cell = evaluation.indices(true=4, predicted=9)
    assert len(cell) == evaluation.confusion[4, 9] > 0
    assert (evaluation.labels[cell] == 4).all() and (evaluation.predictions[cell] == 9).all()
    assert len(evaluation.indices(true=7)) == evaluation.confusion[7].sum()
    assert len(evaluation.indices(predicted=7)) == evaluation.confusion[:, 7].sum()
    mistakes = evaluation.indices(mistakes_only=True)
    assert len(mistakes) == 10_000 - np.trace(evaluation.confusion)


def test_gallery_orders(evaluation):
    first = evaluation.indices(sort="confident_mistakes")
    wrong = ~evaluation.correct[first]
    n_wrong = int(wrong.sum())
    assert wrong[:n_wrong].all() and not wrong[n_wrong:].any()
    assert (np.diff(evaluation.confidences[first[:n_wrong]]) <= 0).all()
    unsure = evaluation.indices(true=3, sort="unsure_correct")
    right = evaluation.correct[unsure]
    assert right[: right.sum()].all()
    assert (np.diff(evaluation.confidences[unsure[: right.sum()]]) >= 0).all()
    assert (np.diff(evaluation.indices(true=3)) > 0).all()
    with pytest.raises(ValueError, match="unknown sort"):
        evaluation.indices(sort="random")


def test_progress_and_cancel(predictor, test_set):
    calls = []
    evaluate_dataset(predictor, test_set, batch_size=4000, on_progress=lambda *a: calls.append(a))
    assert calls == [(4000, 10_000), (8000, 10_000), (10_000, 10_000)]
    with pytest.raises(Cancelled, match="evaluation cancelled"):
        evaluate_dataset(predictor, test_set, should_cancel=lambda: True)


def test_cache_is_per_model_and_data_set(predictor, evaluation, test_set):
    assert evaluation.key == (model_key(predictor), "mnist-test")
    avg = load_checkpoint(shipped_weights_path(AVG_POOL_NAME))
    assert model_key(avg.model) != model_key(predictor.model)
    assert model_key(Predictor.load()) == model_key(predictor)
    cache = EvaluationCache(capacity=2)
    cache.put(evaluation)
    assert cache.get(*evaluation.key) is evaluation
    assert cache.get(model_key(avg.model), "mnist-test") is None


def test_comparing_a_model_with_itself_and_with_another(predictor, evaluation, test_set):
    same = compare(evaluation, evaluation)
    assert len(same.disagreements) == 0 and same.accuracy_diff == 0
    assert not same.confusion_diff.any() and not np.nan_to_num(same.per_class_diff).any()
    other = evaluate_dataset(
        Predictor(load_checkpoint(shipped_weights_path(AVG_POOL_NAME))), test_set
    )
    diff = compare(evaluation, other)
    assert diff.confusion_diff.sum() == 0 and diff.confusion_diff.any()
    assert len(diff.disagreements) > 0
    assert set(diff.only_a_right) | set(diff.only_b_right) <= set(diff.disagreements)
    expected = (len(diff.only_b_right) - len(diff.only_a_right)) / 10_000
    assert diff.accuracy_diff == pytest.approx(expected)


def test_csv_export(evaluation, tmp_path):
    path = write_predictions_csv(evaluation, tmp_path / "predictions.csv")
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 10_000
    assert list(rows[0])[:4] == ["index", "label", "prediction", "confidence"]
    assert int(rows[8]["label"]) == evaluation.labels[8]
    assert int(rows[8]["prediction"]) == evaluation.predictions[8]
    assert sum(float(rows[8][f"p{d}"]) for d in range(10)) == pytest.approx(1.0, abs=1e-4)
    with pytest.raises(SaveError, match="missing"):
        write_predictions_csv(evaluation, tmp_path / "missing" / "p.csv")


def digit_image(label: int) -> Image.Image:
    image = Image.new("L", (40, 40), 255)
    pixels = image.load()
    for y in range(6, 34):  # a vertical stroke reads as a 1
        for x in range(18, 22):
            pixels[x, y] = 0
    return image


def test_a_folder_with_unreadable_files_evaluates_the_rest(predictor, tmp_path):
    (tmp_path / "1").mkdir()
    digit_image(1).save(tmp_path / "1" / "a.png")
    digit_image(1).save(tmp_path / "1_b.png")
    digit_image(1).save(tmp_path / "c.png")
    (tmp_path / "broken.png").write_bytes(b"not an image")
    Image.new("L", (40, 40), 255).save(tmp_path / "blank.png")
    (tmp_path / "notes.txt").write_text("ignored: not an image extension")
    dataset = folder_dataset(tmp_path)
    assert sorted(dataset.sources) == sorted(
        str(tmp_path / p) for p in ("1/a.png", "1_b.png", "c.png")
    )
    bad = dict(dataset.unreadable)
    assert set(bad) == {str(tmp_path / "broken.png"), str(tmp_path / "blank.png")}
    assert all(path in message for path, message in bad.items())
    assert sorted(dataset.labels.tolist()) == [UNKNOWN, 1, 1]
    result = evaluate_dataset(predictor, dataset)
    assert (result.predictions == 1).all()
    assert result.confusion.sum() == 2 and result.accuracy == 1.0


def test_rasters_like_the_canvas(predictor):
    raster = np.asarray(digit_image(1), dtype=np.float32) / 255
    dataset = from_rasters("drawings", "drawings:1", [raster, np.ones((40, 40))], [1, 7])
    assert len(dataset) == 1 and len(dataset.unreadable) == 1
    result = evaluate_dataset(predictor, dataset)
    np.testing.assert_allclose(
        result.probabilities[0], predictor.predict(raster).probabilities, atol=1e-6
    )
