"""Photo-like test images made from MNIST digits: dark ink on noisy grey paper, and uneven
lighting (a strong gradient across the sheet), at a phone-photo-like resolution."""

from __future__ import annotations

import numpy as np
import torch
from torch.nn import functional as F


def _upscale(image28: np.ndarray, side: int) -> np.ndarray:
    """An MNIST digit (uint8, ink high) as ink strength in [0, 1] at `side` px, with margin."""
    ink = torch.from_numpy(image28.astype(np.float32) / 255.0)[None, None]
    big = F.interpolate(ink, size=(side, side), mode="bilinear", align_corners=False)[0, 0]
    return big.numpy()


def noisy_grey_paper(image28: np.ndarray, seed: int = 0, side: int = 400) -> np.ndarray:
    """Dark ink (0.12) on mid-grey paper (0.55) with grain noise: float gray in [0, 1]."""
    rng = np.random.default_rng(seed)
    ink = _upscale(image28, side)
    paper = 0.55 + rng.normal(0.0, 0.07, (side, side))
    blotches = F.interpolate(
        torch.from_numpy(rng.normal(0, 0.05, (1, 1, 8, 8)).astype(np.float32)),
        size=(side, side),
        mode="bicubic",
        align_corners=False,
    )[0, 0].numpy()
    gray = paper + blotches
    gray = gray * (1 - ink) + 0.12 * ink
    return np.clip(gray, 0.0, 1.0).astype(np.float32)


def uneven_light(image28: np.ndarray, seed: int = 0, side: int = 400) -> np.ndarray:
    """Dark ink on white paper lit from one corner: paper from 0.25 to 0.95 across the sheet."""
    rng = np.random.default_rng(seed)
    ink = _upscale(image28, side)
    y, x = np.mgrid[0:side, 0:side] / side
    light = 0.25 + 0.7 * (0.6 * x + 0.4 * y)
    paper = light + rng.normal(0.0, 0.02, (side, side))
    gray = paper * (1 - 0.75 * ink)
    return np.clip(gray, 0.0, 1.0).astype(np.float32)


def faint(image28: np.ndarray, seed: int = 0, side: int = 300) -> np.ndarray:
    """Barely any contrast: pencil-grey ink (0.5) on grey, noisy paper (0.58)."""
    rng = np.random.default_rng(seed)
    ink = _upscale(image28, side)
    paper = 0.58 + rng.normal(0.0, 0.05, (side, side))
    gray = paper * (1 - ink) + 0.5 * ink
    return np.clip(gray, 0.0, 1.0).astype(np.float32)
