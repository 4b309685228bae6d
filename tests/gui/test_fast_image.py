"""The map images paint the same pixels as pyqtgraph's own item, from a picture Qt draws fast."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from app.widgets.fast_image import OPAQUE, TRANSPARENT, FastImageItem


def shown(item: pg.ImageItem, qtbot) -> QImage:
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    box = view.addViewBox(lockAspect=True)
    box.addItem(item)
    view.resize(240, 200)
    view.show()
    qtbot.waitExposed(view)
    box.autoRange(padding=0)
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize("with_gaps", [False, True])
def test_fast_item_shows_what_pyqtgraph_shows(qtbot, with_gaps):
    values = np.random.default_rng(0).normal(size=(12, 9)).astype(np.float32)
    if with_gaps:  # a mosaic's gutters: NaN, drawn transparent
        values[:, 4] = np.nan
    lut = pg.colormap.get("viridis").getLookupTable(nPts=256)
    items = [cls(values, levels=(-2, 2), lut=lut) for cls in (pg.ImageItem, FastImageItem)]
    want, got = (shown(item, qtbot) for item in items)
    assert items[1].qimage.format() == (TRANSPARENT if with_gaps else OPAQUE)
    assert items[0].qimage.format() not in (OPAQUE, TRANSPARENT)  # what it saves a paint
    assert got == want
    pixels = np.frombuffer(got.constBits(), np.uint32, got.width() * got.height())
    assert len(np.unique(pixels)) > 50  # the map itself, not two blank views
