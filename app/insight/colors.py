"""Colour maps of the Insight workspace, chosen to be readable with colour-vision deficiencies.

`DIVERGING` (blue – near-white – orange, the PuOr family) shows signed values: attribution maps
and differences of two confusion matrices; `SEQUENTIAL` (viridis) colours rates from 0 to 1.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

DIVERGING = pg.ColorMap(
    [0.0, 0.25, 0.5, 0.75, 1.0],
    [(33, 102, 172), (146, 197, 222), (247, 247, 247), (253, 184, 99), (230, 97, 1)],
)
SEQUENTIAL = pg.colormap.get("viridis")
_LUT_SIZE = 511
_DIVERGING_LUT = DIVERGING.getLookupTable(0.0, 1.0, _LUT_SIZE, alpha=True)  # (511, 4) uint8
_ALPHA = (np.abs(np.linspace(-1.0, 1.0, _LUT_SIZE)) ** 0.7 * 235).astype(np.uint8)
_DIVERGING_LUT[:, 3] = _ALPHA


def percent_ticks(full_scale: float, count: int = 5) -> list[tuple[float, str]]:
    """A symmetric colour bar's ticks, in percent of the reference: -S, (-S/2,) 0, (S/2,) S.

    Few, evenly spaced labels (3 or 5) so they never crowd, signed so "+" reads as "raises the
    score". Positions are in percent, the unit the attribution legend's levels use.
    """
    top = 100.0 * full_scale
    steps = (-1.0, 0.0, 1.0) if count < 5 else (-1.0, -0.5, 0.0, 0.5, 1.0)
    ticks = []
    for step in steps:
        value = step * top
        text = "0" if step == 0 else f"{value:+.3g}%".replace("-", "\u2212")
        ticks.append((value, text))
    return ticks


def diverging_overlay(values: np.ndarray, scale: float) -> np.ndarray:
    """(H, W, 4) uint8 RGBA of signed `values` in [-scale, scale]: colour by sign and size,
    opacity by size, so small values let the input show through."""
    t = np.clip(np.asarray(values, np.float32) / max(scale, 1e-12), -1.0, 1.0)
    index = np.rint((t + 1.0) * ((_LUT_SIZE - 1) / 2)).astype(np.intp)
    return _DIVERGING_LUT[index]  # a table lookup: cheap enough for every stroke event
