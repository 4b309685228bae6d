"""Batch augmentation on tensors: what makes MNIST training generalise to drawn digits.

Applied per batch, on the whole batch at once (no per-image Python loop), so it costs a small
fraction of an epoch. The distortions model how real drawings differ from MNIST after the
MNIST-style preprocessing: slant and rotation, aspect and size, wobble (elastic), and pen width.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch.nn import functional as F


@dataclass(frozen=True)
class AugmentConfig:
    rotation_deg: float = 12.0
    scale: tuple[float, float] = (0.85, 1.1)
    aspect: float = 0.12  # relative change of width against height
    shear: float = 0.2
    translate_px: float = 1.5
    elastic_px: float = 1.2  # peak displacement of the smooth random field
    elastic_grid: int = 4  # coarse control points per side of the random field
    thickness: tuple[float, float] = (-0.6, 1.0)  # <0 thins (erode), >0 thickens (dilate)


def vary_thickness(x: torch.Tensor, amount: torch.Tensor) -> torch.Tensor:
    """Blend each image towards its 3x3 dilation (amount>0) or erosion (amount<0)."""
    dilated = F.max_pool2d(x, 3, stride=1, padding=1)
    eroded = -F.max_pool2d(-x, 3, stride=1, padding=1)
    a = amount.view(-1, 1, 1, 1)
    return torch.where(a >= 0, x + a * (dilated - x), x + (-a) * (eroded - x))


def augment_batch(
    x: torch.Tensor, generator: torch.Generator, config: AugmentConfig | None = None
) -> torch.Tensor:
    """x: (N, 1, H, W) in [0, 1], ink = 1. Returns a distorted batch of the same shape."""
    cfg = config or AugmentConfig()
    n, _, h, w = x.shape

    def uniform(lo: float, hi: float) -> torch.Tensor:
        # drawn on the generator's device (the CPU), then moved: the same numbers everywhere
        return (torch.rand(n, generator=generator) * (hi - lo) + lo).to(x.device)

    x = vary_thickness(x, uniform(*cfg.thickness))

    angle = uniform(-cfg.rotation_deg, cfg.rotation_deg) * (math.pi / 180.0)
    scale = uniform(*cfg.scale)
    aspect = uniform(-cfg.aspect, cfg.aspect)
    shear = uniform(-cfg.shear, cfg.shear)
    sx, sy = scale * (1 + aspect), scale * (1 - aspect)
    cos, sin = torch.cos(angle), torch.sin(angle)
    # output -> input sampling matrix: inverse of (rotate . shear . scale)
    a11, a12 = cos * sx, (cos * shear - sin) * sy
    a21, a22 = sin * sx, (sin * shear + cos) * sy
    det = a11 * a22 - a12 * a21
    theta = torch.stack(
        [
            torch.stack([a22 / det, -a12 / det, uniform(-1, 1) * cfg.translate_px * 2 / w], 1),
            torch.stack([-a21 / det, a11 / det, uniform(-1, 1) * cfg.translate_px * 2 / h], 1),
        ],
        1,
    )
    grid = F.affine_grid(theta, (n, 1, h, w), align_corners=False)
    if cfg.elastic_px > 0:
        coarse = torch.rand(n, 2, cfg.elastic_grid, cfg.elastic_grid, generator=generator) * 2 - 1
        coarse = coarse.to(x.device)
        field = F.interpolate(coarse, size=(h, w), mode="bicubic", align_corners=True)
        field = field * (cfg.elastic_px * 2 / max(h, w))
        grid = grid + field.permute(0, 2, 3, 1)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
