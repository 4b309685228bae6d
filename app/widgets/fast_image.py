"""An `ImageItem` whose picture is made straight in the raster engine's own pixel format.

pyqtgraph renders a float map to an 8-bit indexed QImage (a colour table) or to RGBA8888 (when
NaN gaps make it transparent). Qt's software painter scales neither directly: each paint converts
the source again and blends every covered pixel of the view. The item paints once per stroke
event in every map panel, so the picture is kept as RGB32 (opaque) or premultiplied ARGB32
(with transparent gaps), which makes each scaled `drawImage` several times cheaper (measured:
an indexed 88x58 map scaled to 350x290 took 0.45 ms, as RGB32 0.05 ms).

Making that picture through pyqtgraph cost about 0.23 ms per map per stroke event (1.6 ms over
Draw's seven images): its indexed image rebuilds the 256-entry colour table in Python every
time, and the conversion copies it again. For the common case (a 2-D float map, two levels, an
opaque colour table) `render` maps values to colours in one numpy lookup into the table kept as
32-bit pixels; anything else goes through pyqtgraph and is converted after. The colours are the
same: the value-to-entry rule is pyqtgraph's (`(value - low) * entries / (high - low)`, clipped,
truncated), and NaN is transparent as there.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage

OPAQUE = QImage.Format.Format_RGB32
TRANSPARENT = QImage.Format.Format_ARGB32_Premultiplied


def pixel_table(lut: np.ndarray) -> np.ndarray | None:
    """An opaque (n, 3) or (n, 4) uint8 colour table as 32-bit 0xAARRGGBB pixels; None for a
    table with any transparency (premultiplying is left to pyqtgraph and Qt)."""
    if lut.dtype != np.uint8 or lut.ndim != 2 or lut.shape[1] not in (3, 4) or not len(lut):
        return None
    if lut.shape[1] == 4 and (lut[:, 3] != 255).any():
        return None
    rgb = lut[:, :3].astype(np.uint32)
    return (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)


class FastImageItem(pg.ImageItem):
    """`pg.ImageItem`, with its picture made in a format Qt paints fast."""

    _table_of: np.ndarray | None = None  # the colour table `_table` was made from
    _table: np.ndarray | None = None
    _pixels: np.ndarray | None = None  # the QImage's memory: kept alive with it

    def render(self) -> None:
        if self._render_fast():
            return
        super().render()
        image = self.qimage
        if image is None or image.isNull():
            return
        wanted = TRANSPARENT if image.hasAlphaChannel() else OPAQUE
        if image.format() != wanted:
            self.qimage = image.convertToFormat(wanted)

    def _render_fast(self) -> bool:
        """The picture of a 2-D float map with two levels and an opaque colour table, made by
        one lookup; False (nothing done) for anything else."""
        image, lut, levels = self.image, self.lut, self.levels
        if (
            not isinstance(image, np.ndarray)
            or image.ndim != 2
            or image.size == 0
            or image.dtype.kind != "f"
            or self.autoDownsample
            or not isinstance(lut, np.ndarray)
            or levels is None
            or np.ndim(levels) != 1
            or len(levels) != 2
        ):
            return False
        if self._table_of is not lut:
            self._table_of, self._table = lut, pixel_table(lut)
        table = self._table
        if table is None:
            return False
        if self.axisOrder == "col-major":
            image = image.T
        # pyqtgraph's arithmetic, step by step (`functions.rescaleData`): in float32 where the
        # map fits it, the level difference in the levels' own type, 1 where they are equal
        span = levels[1] - levels[0]
        scale = float(len(table) / (span if span != 0 else 1))
        work = np.float32 if np.can_cast(image, np.float32) else np.float64
        scaled = image.astype(work)
        scaled -= float(levels[0])
        scaled *= scale
        gaps = np.isnan(scaled)
        has_gaps = bool(gaps.any())
        if has_gaps:
            scaled[gaps] = 0.0
        np.clip(scaled, 0, len(table) - 1, out=scaled)
        pixels = table[scaled.astype(np.intp)]
        if has_gaps:
            pixels[gaps] = 0  # transparent, and black: valid premultiplied
        pixels = np.ascontiguousarray(pixels)
        height, width = pixels.shape
        self._pixels = pixels
        self.qimage = QImage(
            pixels.data, width, height, width * 4, TRANSPARENT if has_gaps else OPAQUE
        )
        self._processingBuffer = None
        self._displayBuffer = None
        self._renderRequired = False
        self._unrenderable = False
        return True
