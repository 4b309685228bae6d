"""Receptive fields of a network's units, computed from its design's layer geometry.

Every unit of a feature map looks at a rectangle of the 32x32 network input. The GUI highlights
that rectangle when a unit is hovered, on the network input and (through the preprocessing
transform) on the canvas. The sizes follow from the kernel sizes, paddings and strides alone
(`model.analysis.shapes.receptive_fields` of the design), so they are derived rather than
tabulated: a table went stale the moment the architecture lab could change the network. Without
a design, LeNet-5 as shipped is meant (its C1..S2 and F5, F6).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from model.analysis.shapes import ReceptiveField, receptive_fields
from model.config import ModelConfig
from model.drawing.preprocess import PAD, Preprocessed
from model.network.architecture import Architecture, from_model_config
from model.network.lenet import INPUT_SIZE

#: LeNet-5's design: what "no design given" means here.
LENET5 = from_model_config(ModelConfig())


@dataclass(frozen=True)
class Field:
    """The input rectangle a unit sees: rows [top, top + size), cols [left, left + size).

    With padding (SAME, or pixels) an edge unit's field starts before the input (negative top
    or left): the zeros it sees there are part of its window. `clipped` is the part inside."""

    top: float
    left: float
    height: float
    width: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width

    def clipped(self, size: float = INPUT_SIZE) -> Field:
        """The part of this rectangle inside the size x size input."""
        top, left = max(self.top, 0.0), max(self.left, 0.0)
        bottom, right = min(self.bottom, size), min(self.right, size)
        return Field(top, left, max(bottom - top, 0.0), max(right - left, 0.0))


@lru_cache(maxsize=32)
def _fields(design: Architecture) -> dict[str, ReceptiveField]:
    return receptive_fields(design)


def layer_geometry(design: Architecture | None = None) -> dict[str, tuple[int, int]]:
    """Per map layer: (receptive field size, jump) in input pixels, by the usual recurrence.

    size_l = size_{l-1} + (k_l - 1) * jump_{l-1};  jump_l = jump_{l-1} * stride_l.
    """
    return {name: (f.size, f.jump) for name, f in _fields(design or LENET5).items()}


def _is_dense(layer: str, design: Architecture) -> bool:
    names = design.layer_names()
    return layer in names and layer not in _fields(design)


def receptive_field_size(layer: str, design: Architecture | None = None) -> int:
    """Side of the square input patch one unit of `layer` sees (a dense unit sees it all)."""
    design = design or LENET5
    if _is_dense(layer, design):
        return INPUT_SIZE
    try:
        return _fields(design)[layer].size
    except KeyError:
        raise ValueError(f"unknown layer {layer!r}") from None


def unit_field(layer: str, row: int = 0, col: int = 0, design: Architecture | None = None) -> Field:
    """The rectangle of the 32x32 input seen by unit (row, col) of `layer` in `design`
    (LeNet-5 if None); a dense layer's units see the whole input."""
    design = design or LENET5
    if _is_dense(layer, design):
        return Field(0, 0, INPUT_SIZE, INPUT_SIZE)
    try:
        top, left, size = _fields(design)[layer].unit(row, col)
    except KeyError:
        raise ValueError(f"unknown layer {layer!r}") from None
    return Field(top, left, size, size)


def input_field_to_raster(field: Field, prep: Preprocessed) -> Field:
    """Map a rectangle of the 32x32 network input back to the raster it was preprocessed from.

    Inverts the preprocessing: remove the 2 px pad, undo the placement of the scaled ink box in
    the 28x28 field, and scale by the crop-to-box ratio onto the ink's bounding box. The result
    may extend past the ink (or the raster) where the field covers empty margin.
    """
    if prep.placement is None:
        raise ValueError("this Preprocessed has no placement (made by an older preprocess)")
    box_top, box_left, box_h, box_w = prep.placement
    top, left, bottom, right = prep.bbox
    sy = (bottom - top) / box_h  # raster pixels per field pixel
    sx = (right - left) / box_w
    y0 = top + (field.top - PAD - box_top) * sy
    x0 = left + (field.left - PAD - box_left) * sx
    return Field(y0, x0, field.height * sy, field.width * sx)
