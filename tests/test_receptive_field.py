"""Receptive fields: sizes from the geometry, unit rectangles, and the map back to the raster."""

from __future__ import annotations

import numpy as np
import pytest

from model.analysis.receptive_field import (
    Field,
    input_field_to_raster,
    receptive_field_size,
    unit_field,
)
from model.drawing.preprocess import preprocess
from model.network.lenet import ACTIVATION_SHAPES


@pytest.mark.parametrize(("layer", "size"), [("C1", 5), ("S1", 6), ("C2", 14), ("S2", 16)])
def test_sizes_follow_from_kernels_and_strides(layer: str, size: int) -> None:
    assert receptive_field_size(layer) == size


@pytest.mark.parametrize("layer", ["C1", "S1", "C2", "S2"])
def test_last_unit_ends_at_the_input_edge(layer: str) -> None:
    """The bottom-right unit's field touches the 32x32 border exactly: no unit looks outside."""
    _, rows, cols = ACTIVATION_SHAPES[layer]
    field = unit_field(layer, rows - 1, cols - 1)
    assert field.bottom == 32 and field.right == 32
    assert unit_field(layer, 0, 0).top == 0


def test_unit_positions_step_by_the_jump() -> None:
    assert unit_field("C2", 1, 2) == Field(2, 4, 14, 14)
    assert unit_field("S2", 3, 0) == Field(12, 0, 16, 16)
    assert unit_field("F5").height == 32


def test_unknown_layer_is_refused() -> None:
    with pytest.raises(ValueError):
        receptive_field_size("C9")


def test_field_maps_back_onto_the_drawn_ink() -> None:
    """The 28x28 field's ink box, mapped back, is the ink's bounding box on the raster."""
    raster = np.zeros((280, 280), dtype=np.uint8)
    raster[40:200, 100:140] = 255  # a tall bar: the long side (160 px) becomes 20 field px
    prep = preprocess(raster)
    box_top, box_left, box_h, box_w = prep.placement
    ink_box = Field(box_top + 2, box_left + 2, box_h, box_w)
    back = input_field_to_raster(ink_box, prep)
    assert back.top == pytest.approx(40) and back.bottom == pytest.approx(200)
    assert back.left == pytest.approx(100) and back.right == pytest.approx(140)
    # one input pixel is 8 raster pixels here (160 / 20)
    assert input_field_to_raster(unit_field("C1", 10, 10), prep).height == pytest.approx(40)
