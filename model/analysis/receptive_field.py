"""Receptive fields of LeNet-5's units, computed from the layer geometry.

Every unit of a feature map looks at a rectangle of the 32x32 network input. The GUI highlights
that rectangle when a unit is hovered, on the network input and (through the preprocessing
transform) on the canvas. The sizes follow from the kernel sizes and strides alone, so they are
derived here rather than tabulated: a table would silently go stale if the architecture changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.drawing.preprocess import PAD, Preprocessed
from model.network.lenet import INPUT_SIZE

# (layer, kernel size, stride) in forward order; no padding anywhere (valid convolutions).
GEOMETRY: tuple[tuple[str, int, int], ...] = (
    ("C1", 5, 1),
    ("S1", 2, 2),
    ("C2", 5, 1),
    ("S2", 2, 2),
)
DENSE_LAYERS = ("F5", "F6")


@dataclass(frozen=True)
class Field:
    """The input rectangle a unit sees: rows [top, top + size), cols [left, left + size)."""

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


def layer_geometry() -> dict[str, tuple[int, int]]:
    """Per layer: (receptive field size, jump) in input pixels, by the usual recurrence.

    size_l = size_{l-1} + (k_l - 1) * jump_{l-1};  jump_l = jump_{l-1} * stride_l.
    """
    size, jump = 1, 1
    result = {}
    for name, kernel, stride in GEOMETRY:
        size = size + (kernel - 1) * jump
        jump = jump * stride
        result[name] = (size, jump)
    return result


def receptive_field_size(layer: str) -> int:
    """Side of the square input patch one unit of `layer` sees (F5/F6 see the whole input)."""
    if layer in DENSE_LAYERS:
        return INPUT_SIZE
    try:
        return layer_geometry()[layer][0]
    except KeyError:
        raise ValueError(f"unknown layer {layer!r}") from None


def unit_field(layer: str, row: int = 0, col: int = 0) -> Field:
    """The rectangle of the 32x32 input seen by unit (row, col) of `layer`."""
    if layer in DENSE_LAYERS:
        return Field(0, 0, INPUT_SIZE, INPUT_SIZE)
    size = receptive_field_size(layer)
    jump = layer_geometry()[layer][1]
    return Field(row * jump, col * jump, size, size)


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
