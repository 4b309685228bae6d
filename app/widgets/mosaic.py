"""Tile a stack of maps into one image, so a whole layer is drawn by a single ImageItem.

One `setImage` per layer per frame is what keeps live updates within a 60 Hz frame; one item
per map would cost a scene-graph update per map. Gaps between tiles are NaN, which pyqtgraph
renders transparent, so the grid lines are the view's background rather than a data value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Grid:
    """Layout of `count` tiles of (tile_h, tile_w) in `rows` x `cols`, separated by `gap` px."""

    count: int
    tile_h: int
    tile_w: int
    rows: int
    cols: int
    gap: int = 1

    @property
    def shape(self) -> tuple[int, int]:
        return (
            self.rows * (self.tile_h + self.gap) - self.gap,
            self.cols * (self.tile_w + self.gap) - self.gap,
        )

    def origin(self, index: int) -> tuple[int, int]:
        """(top, left) of tile `index` in mosaic pixels."""
        r, c = divmod(index, self.cols)
        return r * (self.tile_h + self.gap), c * (self.tile_w + self.gap)

    def locate(self, y: float, x: float) -> tuple[int, int, int] | None:
        """(tile index, row, col) under mosaic point (y, x), or None on a gap or outside."""
        if y < 0 or x < 0:
            return None
        r, ry = divmod(int(y), self.tile_h + self.gap)
        c, cx = divmod(int(x), self.tile_w + self.gap)
        if r >= self.rows or c >= self.cols or ry >= self.tile_h or cx >= self.tile_w:
            return None
        index = r * self.cols + c
        return (index, ry, cx) if index < self.count else None

    def tile(self, maps: np.ndarray) -> np.ndarray:
        """(count, tile_h, tile_w) -> one (H, W) float32 image with NaN gaps."""
        g = self.gap
        padded = np.full(
            (self.rows * self.cols, self.tile_h + g, self.tile_w + g), np.nan, dtype=np.float32
        )
        padded[: self.count, : self.tile_h, : self.tile_w] = maps
        image = padded.reshape(self.rows, self.cols, self.tile_h + g, self.tile_w + g)
        image = image.transpose(0, 2, 1, 3).reshape(
            self.rows * (self.tile_h + g), self.cols * (self.tile_w + g)
        )
        return image[: image.shape[0] - g, : image.shape[1] - g]


def grid_for(count: int, tile_h: int, tile_w: int, cols: int, gap: int = 1) -> Grid:
    return Grid(count, tile_h, tile_w, -(-count // cols), cols, gap)
