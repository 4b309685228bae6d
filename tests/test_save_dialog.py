"""Issue 19, item 14: a save dialog's file gets the chosen filter's extension (weights .pt,
collection .json, predictions .csv, images .png/.svg), never a bare name
that Load's filter hides."""

from __future__ import annotations

import pytest

from app.widgets.save_dialog import filter_suffixes, with_filter_suffix

WEIGHTS = "LeNet Lens weights (*.pt)"
IMAGES = "PNG image (*.png);;SVG drawing (*.svg)"
COLLECTIONS = "LeNet Lens collections (*.json);;All files (*)"


@pytest.mark.parametrize(
    ("typed", "chosen", "filters", "saved"),
    [
        ("/w/retrained1", WEIGHTS, WEIGHTS, "/w/retrained1.pt"),
        ("/w/retrained1.pt", WEIGHTS, WEIGHTS, "/w/retrained1.pt"),
        ("/w/retrained.v2", WEIGHTS, WEIGHTS, "/w/retrained.v2.pt"),
        ("/w/RETRAINED.PT", WEIGHTS, WEIGHTS, "/w/RETRAINED.PT"),
        ("/w/matrix", "SVG drawing (*.svg)", IMAGES, "/w/matrix.svg"),
        ("/w/matrix.svg", "PNG image (*.png)", IMAGES, "/w/matrix.svg"),  # the user said svg
        ("/w/mine", "LeNet Lens collections (*.json)", COLLECTIONS, "/w/mine.json"),
        ("/w/mine", "All files (*)", COLLECTIONS, "/w/mine"),
        ("/w/preds", "CSV table (*.csv)", "CSV table (*.csv)", "/w/preds.csv"),
        ("/w/.pt", WEIGHTS, WEIGHTS, "/w/.pt.pt"),
    ],
)
def test_the_chosen_filter_names_the_extension(typed, chosen, filters, saved) -> None:
    assert with_filter_suffix(typed, chosen, filters) == saved


def test_filter_suffixes() -> None:
    assert filter_suffixes("Images (*.png *.SVG)") == [".png", ".svg"]
    assert filter_suffixes("All files (*)") == []
