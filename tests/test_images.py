"""Image files: common formats read as rasters, bad files give a clear ImageReadError."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from model.data.images import load_image
from model.errors import ImageReadError


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".bmp"])
def test_formats_read_as_gray(tmp_path, suffix):
    array = np.zeros((40, 30, 3), dtype=np.uint8)
    array[10:30, 12:18] = 255
    Image.fromarray(array).save(tmp_path / f"d{suffix}")
    gray = load_image(tmp_path / f"d{suffix}")
    assert gray.shape == (40, 30) and gray.dtype == np.float32
    assert gray[20, 15] > 0.9 and gray[2, 2] < 0.1


def test_transparent_background_flattened_against_ink(tmp_path):
    rgba = np.zeros((20, 20, 4), dtype=np.uint8)
    rgba[5:15, 8:12] = (0, 0, 0, 255)  # black ink on a transparent sheet
    Image.fromarray(rgba, "RGBA").save(tmp_path / "t.png")
    gray = load_image(tmp_path / "t.png")
    assert gray[0, 0] > 0.9 and gray[10, 10] < 0.1


def test_not_an_image(tmp_path):
    (tmp_path / "fake.png").write_text("not really a picture")
    with pytest.raises(ImageReadError, match=r"fake\.png: not an image"):
        load_image(tmp_path / "fake.png")


def test_truncated_image(tmp_path):
    Image.fromarray(np.zeros((64, 64), np.uint8)).save(tmp_path / "cut.png")
    data = (tmp_path / "cut.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageReadError, match=r"cut\.png"):
        load_image(tmp_path / "cut.png")


def test_missing_image(tmp_path):
    with pytest.raises(ImageReadError, match="nothing.png: file not found"):
        load_image(tmp_path / "nothing.png")


def test_huge_image_is_reduced(tmp_path):
    Image.new("L", (5000, 3000), 0).save(tmp_path / "big.png")
    assert max(load_image(tmp_path / "big.png").shape) <= 1024


def _dark_on_light():
    raster = np.full((60, 60), 0.9, dtype=np.float64)
    raster[15:45, 28:33] = 0.1  # dark stroke on light paper
    return raster


def test_16_bit_grayscale_dark_ink_on_light_paper(tmp_path):
    raster = (_dark_on_light() * 65535).astype(np.uint16)
    Image.fromarray(raster).save(tmp_path / "d16.png")
    assert Image.open(tmp_path / "d16.png").mode in ("I;16", "I")
    gray = load_image(tmp_path / "d16.png")
    assert gray[30, 30] < 0.05 and gray[5, 5] > 0.95  # not clipped to white


def test_float_tiff_scaled_by_its_real_range(tmp_path):
    raster = (_dark_on_light() * 3000.0 - 500.0).astype(np.float32)  # arbitrary units
    raster[0, 0] = np.nan
    Image.fromarray(raster, mode="F").save(tmp_path / "f.tif")
    gray = load_image(tmp_path / "f.tif")
    assert gray.dtype == np.float32 and np.isfinite(gray).all()
    assert gray[30, 30] < 0.05 and gray[5, 5] > 0.95


def test_16_bit_digit_is_read_by_the_network(tmp_path):
    from model.network.inference import Predictor

    raster = np.full((28, 28), 60000, dtype=np.uint16)
    raster[4:24, 13:16] = 2000  # a dark vertical bar: a one
    Image.fromarray(raster).save(tmp_path / "one.png")
    assert Predictor.load().predict(load_image(tmp_path / "one.png")).digit == 1
