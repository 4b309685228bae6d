"""Turn any grayscale raster into LeNet's input the way MNIST itself was made.

MNIST's recipe (LeCun et al.): the digit's bounding box was scaled so its longer side is 20 px,
keeping the aspect ratio, with anti-aliasing (grey levels); the 20 px box was placed in a 28x28
field so that the centre of mass of the ink sits at the field's centre. LeNet-5 then sees that
image padded to 32x32. Doing exactly this to a drawing is what lets a network trained on MNIST
read handwriting drawn at any size and position; a plain resize of the canvas does not.

One function, `preprocess`, serves the GUI, the CLIs and the tests.

Photos (of a digit on paper) differ from drawings: the paper is grey, grainy and unevenly lit,
so "anything brighter than the border" is not ink. A raster that is grey almost everywhere is
treated as a photo: the paper's own level is estimated at a large scale (a morphological
opening of a downsampled copy, which removes strokes and keeps lighting), subtracted, and what
remains is split into ink and paper with Otsu's threshold; the paper's grain below that is
dropped before cropping. Drawings and clean scans take the plain path, unchanged. When the ink
barely stands out from the paper, `Preprocessed.doubts` says so, for the window to show.
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
PHOTO_GREY_FRACTION = 0.4  # more of the raster than this at mid-grey levels: a photo
BACKGROUND_SIDE = 64  # the background is estimated on a copy this large (longer side)
PHOTO_MIN_CONTRAST = 0.03  # a photo's ink above its paper, after the paper is removed
FAINT_CONTRAST = 0.12  # photo ink this close to the paper's level reads as doubtful
FAINT_SNR = 4.0  # ... or ink less than this many grain-noise deviations above the paper

FAINT = "faint"  # a doubt: the ink barely stands out from the paper
NOISY = "noisy"  # a doubt: the paper's grain is strong next to the ink


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
    photo: bool = False  # read as a photo (background estimated and removed)
    doubts: tuple[str, ...] = ()  # FAINT, NOISY: why the reading may be unreliable


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
        raise NoInkError(
            f"the image is too small ({gray.shape[1]}x{gray.shape[0]} px)",
            reason="ink.too_small",
            values=(gray.shape[1], gray.shape[0]),
        )
    photo = looks_like_photo(gray)
    doubts: tuple[str, ...] = ()
    if photo:
        ink, dark_on_light, doubts = photo_ink_map(gray)
    else:
        ink, dark_on_light = ink_map(gray)
    peak = float(ink.max())
    if peak < (PHOTO_MIN_CONTRAST if photo else MIN_CONTRAST):
        raise NoInkError("no ink: the drawing is blank", reason="ink.blank")
    mask = ink >= INK_THRESHOLD * peak
    if int(mask.sum()) < MIN_INK_PIXELS:
        raise NoInkError("no ink: too little drawn to read a digit", reason="ink.too_little")
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    crop = ink[top:bottom, left:right] / peak

    image28, placement = _fit_in_field(crop)
    return Preprocessed(
        image28=image28,
        network_input=normalization.apply(np.pad(image28, PAD)),
        dark_on_light=dark_on_light,
        bbox=(int(top), int(left), int(bottom), int(right)),
        placement=placement,
        photo=photo,
        doubts=doubts,
    )


def looks_like_photo(gray: np.ndarray) -> bool:
    """Grey almost everywhere (paper in a photo), unlike a drawing or a clean scan, whose
    pixels are nearly all pure background or ink with only stroke edges in between."""
    step = max(1, max(gray.shape) // 128)  # a sample is enough, and keeps this cheap
    sample = gray[::step, ::step]
    grey = (sample > 0.06) & (sample < 0.94)
    return float(grey.mean()) > PHOTO_GREY_FRACTION


def _pool(x: torch.Tensor, k: int, op: str) -> torch.Tensor:
    pad = k // 2
    if op == "max":
        return F.max_pool2d(F.pad(x, (pad,) * 4, mode="replicate"), k, stride=1)
    if op == "min":
        return -F.max_pool2d(F.pad(-x, (pad,) * 4, mode="replicate"), k, stride=1)
    return F.avg_pool2d(F.pad(x, (pad,) * 4, mode="replicate"), k, stride=1)


def estimate_background(ink: np.ndarray) -> np.ndarray:
    """The paper's level under the ink (same shape): an opening of a small copy, wider than
    any stroke, which removes the strokes and keeps slow changes such as uneven lighting."""
    h, w = ink.shape
    scale = BACKGROUND_SIDE / max(h, w)
    small_size = (max(8, round(h * scale)), max(8, round(w * scale)))
    x = torch.from_numpy(np.ascontiguousarray(ink, dtype=np.float32))[None, None]
    small = F.adaptive_avg_pool2d(x, small_size)
    k = max(3, (min(small_size) // 5) | 1)  # wider than a stroke (strokes are ~1/10 of a digit)
    opened = _pool(_pool(small, k, "min"), k, "max")
    smooth = _pool(opened, k, "mean")
    return F.interpolate(smooth, size=(h, w), mode="bilinear", align_corners=False)[0, 0].numpy()


def otsu_threshold(values: np.ndarray, bins: int = 256) -> float:
    """Otsu's threshold: the level that best splits `values` into two classes."""
    top = float(values.max())
    if top <= 0.0:
        return 0.0
    hist, edges = np.histogram(values, bins=bins, range=(0.0, top))
    hist = hist.astype(np.float64)
    centres = (edges[:-1] + edges[1:]) / 2
    weight0 = np.cumsum(hist)
    weight1 = weight0[-1] - weight0
    mass0 = np.cumsum(hist * centres)
    mean0 = mass0 / np.maximum(weight0, 1e-12)
    mean1 = (mass0[-1] - mass0) / np.maximum(weight1, 1e-12)
    between = weight0 * weight1 * (mean0 - mean1) ** 2
    return float(edges[int(np.argmax(between[:-1])) + 1])


def photo_ink_map(gray: np.ndarray) -> tuple[np.ndarray, bool, tuple[str, ...]]:
    """Ink strength of a photo (paper 0), its polarity, and any doubts about the reading."""
    dark_on_light = is_dark_on_light(gray)
    raw = 1.0 - gray if dark_on_light else gray
    corrected = np.clip(raw - estimate_background(raw), 0.0, None)
    # a 3x3 mean: the paper's grain averages out, strokes (many pixels wide) stay
    x = torch.from_numpy(np.ascontiguousarray(corrected, dtype=np.float32))[None, None]
    smooth = _pool(x, 3, "mean")[0, 0].numpy()
    threshold = otsu_threshold(smooth)
    paper = smooth[smooth < threshold]
    strokes = smooth[smooth >= threshold]
    if paper.size == 0 or strokes.size == 0:
        return smooth, dark_on_light, (FAINT,)
    floor = float(np.percentile(paper, 99.5))
    ink = np.clip(smooth - floor, 0.0, None)
    contrast = float(np.median(strokes)) - float(np.median(paper))
    grain = float(paper.std()) + 1e-6
    doubts = []
    if contrast < FAINT_CONTRAST:
        doubts.append(FAINT)
    if contrast / grain < FAINT_SNR:
        doubts.append(NOISY)
    return ink, dark_on_light, tuple(doubts)


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
    return normalization.apply_(tensor).unsqueeze(1)
