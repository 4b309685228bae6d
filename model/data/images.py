"""Reading image files (PNG, JPEG, BMP, …) into grayscale rasters for `preprocess`.

Pillow does the decoding (Qt must stay out of `model/`). Huge images are reduced while
decoding, transparency is flattened onto the background that contrasts with the ink, and 16-bit
and float images are scaled by their real range (not clipped to 8 bits).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, UnidentifiedImageError

from model.errors import ImageReadError
from model.files.bounded import open_regular

MAX_SIDE = 1024  # larger images are reduced on load: a digit needs no more
MAX_PIXELS = 100_000_000  # refuse anything bigger outright (decompression bombs)
EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")


def load_image(path: str | os.PathLike) -> np.ndarray:
    """A float32 (H, W) raster in [0, 1]. Raises `ImageReadError` naming the file and problem."""
    path = Path(path)
    # the bounded regular-file reader: a FIFO, a device or a folder is refused at once
    with open_regular(path, ImageReadError) as fh:
        return _decode(fh, path)


def _decode(fh: BinaryIO, path: Path) -> np.ndarray:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fh) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ImageReadError(
                        f"{path}: image too large ({width}x{height} px; at most "
                        f"{MAX_PIXELS // 1_000_000} megapixels)"
                    )
                image.draft("L", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at reduced size
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                return _to_gray(image)
    except ImageReadError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageReadError(
            f"{path}: not an image Pillow can read, or too large",
            reason="image.unreadable",
            path=path,
        ) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageReadError(f"{path}: cannot read the image ({exc})") from None


def _to_gray(image: Image.Image) -> np.ndarray:
    if image.mode.startswith("I") or image.mode == "F":  # 16/32-bit integer, float (TIFF)
        return _scale_by_range(np.asarray(image, dtype=np.float64))
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
        gray = rgba[..., :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        alpha = rgba[..., 3]
        opaque = alpha > 0.5
        ink_is_light = bool(opaque.any()) and float(gray[opaque].mean()) > 0.5
        if float(alpha.min()) < 0.99:
            background = 0.0 if ink_is_light else 1.0
            gray = gray * alpha + background * (1.0 - alpha)
        return gray.astype(np.float32)
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def _scale_by_range(values: np.ndarray) -> np.ndarray:
    """[0, 1] by the raster's real range: Pillow's 8-bit conversion clips 16-bit and float
    images to 255 (dark ink on light paper read as blank). Non-finite pixels count as the
    darkest finite value; a flat raster is uniformly 0 (blank)."""
    finite = np.isfinite(values)
    if not finite.any():
        return np.zeros(values.shape, dtype=np.float32)
    lo, hi = float(values[finite].min()), float(values[finite].max())
    values = np.where(finite, values, lo)
    if not hi > lo:
        return np.zeros(values.shape, dtype=np.float32)
    return ((values - lo) / (hi - lo)).astype(np.float32)
