"""Turn any grayscale raster into LeNet's input the way MNIST itself was made.

MNIST's recipe (LeCun et al.): the digit's bounding box was scaled so its longer side is 20 px,
keeping the aspect ratio, with anti-aliasing (grey levels); the 20 px box was placed in a 28x28
field so that the centre of mass of the ink sits at the field's centre. LeNet-5 then sees that
image padded to 32x32. Doing exactly this to a drawing is what lets a network trained on MNIST
read handwriting drawn at any size and position; a plain resize of the canvas does not.

One function, `preprocess`, serves the GUI, the CLIs and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch.nn import functional as F

from model.config import Normalization
from model.errors import NoInkError

FIELD = 28  # MNIST field size
BOX = 20  # the digit's longer side inside the field
PAD = 2  # LeNet-5 sees the 28x28 field padded to 32x32
COM_TARGET = 14.0  # MNIST's centres of mass sit at pixel index 14.0 (measured on the train set)
MIN_CONTRAST = 0.15  # weaker ink than this (of full scale) counts as no ink
INK_THRESHOLD = 0.2  # of the strongest ink: what counts as ink for the bounding box
MIN_INK_PIXELS = 4


@dataclass(frozen=True)
class Preprocessed:
    """The results of preprocessing one raster."""

    image28: np.ndarray  # (28, 28) float32 in [0, 1], ink = 1: the MNIST-style image
    network_input: np.ndarray  # (32, 32) float32, padded and normalised: what the network gets
    dark_on_light: bool  # the polarity that was detected
    bbox: tuple[int, int, int, int]  # (top, left, bottom, right) of the ink in the raster
    # (top, left, height, width) of the scaled ink box inside the 28x28 field: with `bbox` it
    # maps field pixels back to raster pixels (the GUI's receptive-field overlay needs it)
    placement: tuple[int, int, int, int] | None = None


def to_gray(raster: np.ndarray) -> np.ndarray:
    """A float32 [0, 1] 2-D array from uint8/uint16/float, gray or RGB(A), raster."""
    array = np.asarray(raster)
    if array.ndim == 3 and array.shape[2] in (3, 4):
        rgb = array[..., :3].astype(np.float32)
        array = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        scale = 255.0 if np.asarray(raster).dtype == np.uint8 else 1.0
        return np.clip(array / scale, 0.0, 1.0)
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D grayscale raster, got shape {array.shape}")
    if array.dtype == np.uint8:
        return array.astype(np.float32) / 255.0
    if array.dtype == np.uint16:
        return array.astype(np.float32) / 65535.0
    return np.clip(array.astype(np.float32), 0.0, 1.0)


def is_dark_on_light(gray: np.ndarray) -> bool:
    """Background is what fills the border: light border means dark ink on light paper."""
    border = np.concatenate([gray[0], gray[-1], gray[1:-1, 0], gray[1:-1, -1]])
    return float(np.median(border)) > 0.5


def ink_map(gray: np.ndarray) -> tuple[np.ndarray, bool]:
    """Ink strength in [0, 1] (background 0), and whether the raster was dark-on-light."""
    dark_on_light = is_dark_on_light(gray)
    ink = 1.0 - gray if dark_on_light else gray
    border = np.concatenate([ink[0], ink[-1], ink[:, 0], ink[:, -1]])
    background = float(np.median(border))
    ink = np.clip(ink - background, 0.0, None)
    return ink, dark_on_light


def preprocess(raster: np.ndarray, normalization: Normalization | None = None) -> Preprocessed:
    """Crop, scale to 20 px, centre by mass in 28x28, pad to 32x32, normalise.

    Raises `NoInkError` for a blank or nearly blank raster rather than guessing a digit.
    """
    normalization = normalization or Normalization()
    gray = to_gray(raster)
    if gray.shape[0] < 2 or gray.shape[1] < 2:
        raise NoInkError(f"the image is too small ({gray.shape[1]}x{gray.shape[0]} px)")
    ink, dark_on_light = ink_map(gray)
    peak = float(ink.max())
    if peak < MIN_CONTRAST:
        raise NoInkError("no ink: the drawing is blank")
    mask = ink >= INK_THRESHOLD * peak
    if int(mask.sum()) < MIN_INK_PIXELS:
        raise NoInkError("no ink: too little drawn to read a digit")
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    crop = ink[top:bottom, left:right] / peak

    image28, placement = _fit_in_field(crop)
    network_input = np.pad(image28, PAD)
    network_input = (network_input - normalization.mean) / normalization.std
    return Preprocessed(
        image28=image28,
        network_input=network_input.astype(np.float32),
        dark_on_light=dark_on_light,
        bbox=(int(top), int(left), int(bottom), int(right)),
        placement=placement,
    )


def _fit_in_field(crop: np.ndarray) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Scale the longer side to BOX px with anti-aliasing; place by centre of mass.

    Returns the field and where the scaled crop went: (top, left, height, width).
    """
    h, w = crop.shape
    scale = BOX / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    tensor = torch.from_numpy(np.ascontiguousarray(crop, dtype=np.float32))[None, None]
    resized = (
        F.interpolate(
            tensor, size=(new_h, new_w), mode="bilinear", antialias=scale < 1, align_corners=False
        )[0, 0]
        .clamp_(0.0, 1.0)
        .numpy()
    )

    mass = float(resized.sum())
    cy = float((resized.sum(axis=1) * np.arange(new_h)).sum()) / mass
    cx = float((resized.sum(axis=0) * np.arange(new_w)).sum()) / mass
    top = int(np.clip(round(COM_TARGET - cy), 0, FIELD - new_h))
    left = int(np.clip(round(COM_TARGET - cx), 0, FIELD - new_w))
    field = np.zeros((FIELD, FIELD), dtype=np.float32)
    field[top : top + new_h, left : left + new_w] = resized
    return field, (top, left, new_h, new_w)


def mnist_to_network_input(images: np.ndarray, normalization: Normalization) -> torch.Tensor:
    """MNIST uint8 (N, 28, 28) -> normalised float (N, 1, 32, 32): the same pad and scale."""
    tensor = torch.from_numpy(np.asarray(images)).float().div_(255.0)
    tensor = F.pad(tensor, (PAD, PAD, PAD, PAD))
    return tensor.sub_(normalization.mean).div_(normalization.std).unsqueeze(1)
