"""The map images paint the same colours as pyqtgraph's own item, from a picture Qt draws fast."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from app.widgets.fast_image import OPAQUE, TRANSPARENT, FastImageItem
from app.widgets.plot_style import configure_pyqtgraph


def shown(item: pg.ImageItem, qtbot) -> np.ndarray:
    """The item as a view of 240x200 shows it, as (rows, columns, BGRA) bytes."""
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    box = view.addViewBox(lockAspect=True)
    box.addItem(item)
    view.resize(240, 200)
    view.show()
    qtbot.waitExposed(view)
    box.autoRange(padding=0)
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return pixels.reshape(image.height(), image.width(), 4).astype(int)


@pytest.mark.parametrize("with_gaps", [False, True])
def test_fast_item_shows_what_pyqtgraph_shows(qtbot, with_gaps):
    configure_pyqtgraph()  # row-major images, as in the app
    values = np.random.default_rng(0).normal(size=(12, 9)).astype(np.float32)
    if with_gaps:  # a mosaic's gutters: NaN, drawn transparent
        values[:, 4] = np.nan
    lut = pg.colormap.get("viridis").getLookupTable(nPts=256)
    items = [cls(values, levels=(-2, 2), lut=lut) for cls in (pg.ImageItem, FastImageItem)]
    want, got = (shown(item, qtbot) for item in items)
    assert items[1].qimage.format() == (TRANSPARENT if with_gaps else OPAQUE)
    assert items[0].qimage.format() not in (OPAQUE, TRANSPARENT)  # what it saves a paint
    assert len(np.unique(got.reshape(-1, 4), axis=0)) > 50  # the map itself, not blank views
    # the very same colours; Qt's two scaling paths may round a cell's edge to the
    # neighbouring screen pixel, nothing more
    colours = [{tuple(p) for p in image.reshape(-1, 4)} for image in (got, want)]
    assert colours[0] == colours[1]
    assert (np.abs(got - want).max(axis=2) > 0).mean() < 0.01


@pytest.mark.parametrize("with_gaps", [False, True])
@pytest.mark.parametrize("order", ["row-major", "col-major"])
def test_the_fast_picture_has_exactly_pyqtgraphs_colours(qtbot, with_gaps, order) -> None:
    """Pixel for pixel the colours pyqtgraph's own rendering gives (converted to the same
    format), at the levels' edges and beyond them too; a table with transparency is left to
    pyqtgraph."""
    values = np.random.default_rng(1).normal(size=(23, 17)).astype(np.float32) * 3
    values[0, :4] = [-2.0, 2.0, 1.984375, -1.984375]  # exactly on the levels and an entry edge
    if with_gaps:
        values[:, 5] = np.nan
    lut = pg.colormap.get("inferno").getLookupTable(nPts=256)
    fast = FastImageItem(values, levels=(-2.0, 2.0), lut=lut, axisOrder=order)
    slow = pg.ImageItem(values, levels=(-2.0, 2.0), lut=lut, axisOrder=order)
    fast.render()
    slow.render()
    assert fast._pixels is not None  # the fast path made it
    wanted = TRANSPARENT if with_gaps else OPAQUE
    assert fast.qimage.format() == wanted
    reference = slow.qimage.convertToFormat(wanted)
    assert fast.qimage.size() == reference.size()
    assert fast.qimage == reference

    see_through = lut.copy()
    see_through = np.column_stack([see_through, np.full(len(lut), 128, np.uint8)])
    faded = FastImageItem(values, levels=(-2.0, 2.0), lut=see_through)
    faded.render()
    assert faded._pixels is None  # pyqtgraph's path, converted after
    assert faded.qimage.format() == TRANSPARENT
