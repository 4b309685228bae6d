"""Batch augmentation on tensors: what makes MNIST training generalise to drawn digits.

Applied per batch, on the whole batch at once (no per-image Python loop), so it costs a small
fraction of an epoch. The distortions model how real drawings differ from MNIST after the
MNIST-style preprocessing: slant and rotation, aspect and size, wobble (elastic), and pen width.
"""

from __future__ import annotations

import functools
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


def _max3(x: torch.Tensor, dim: int, pad: float) -> torch.Tensor:
    """Max over each pixel and its two neighbours along `dim` (outside the image: `pad`)."""
    size = x.shape[dim]
    padded = F.pad(x, (1, 1) if dim == 3 else (0, 0, 1, 1), value=pad)
    a, b, c = (padded.narrow(dim, i, size) for i in range(3))
    return torch.maximum(torch.maximum(a, b), c)


def dilate3(x: torch.Tensor) -> torch.Tensor:
    """3x3 grey dilation, as two 1-D passes: the same values as `max_pool2d(x, 3, 1, 1)`,
    whose stride-1 CPU kernel took half of a training batch's augmentation time."""
    return _max3(_max3(x, 3, -math.inf), 2, -math.inf)


def erode3(x: torch.Tensor) -> torch.Tensor:
    """3x3 grey erosion (the minimum over each pixel's neighbourhood)."""
    return -dilate3(-x)


def vary_thickness(x: torch.Tensor, amount: torch.Tensor) -> torch.Tensor:
    """Blend each image towards its 3x3 dilation (amount>0) or erosion (amount<0)."""
    dilated = dilate3(x)
    eroded = erode3(x)
    a = amount.view(-1, 1, 1, 1)
    return torch.where(a >= 0, x + a * (dilated - x), x + (-a) * (eroded - x))


@functools.lru_cache(maxsize=8)
def _bicubic_rows(size: int, grid: int) -> torch.Tensor:
    """(size, grid): bicubic interpolation (align_corners) from `grid` control points to
    `size` pixels as a matrix, made once by interpolating each control point alone. A field
    is then two small matrix products instead of `F.interpolate(mode="bicubic")` per batch."""
    basis = torch.eye(grid, dtype=torch.float64).view(grid, 1, grid, 1).expand(grid, 1, grid, 2)
    rows = F.interpolate(basis, size=(size, 2), mode="bicubic", align_corners=True)
    return rows[:, 0, :, 0].T.contiguous().float()


def smooth_field(coarse: torch.Tensor, h: int, w: int) -> torch.Tensor:
    """(N, C, h, w) bicubic upsampling of (N, C, g, g) control points (align_corners)."""
    rows = _bicubic_rows(h, coarse.shape[2]).to(coarse.device)
    cols = _bicubic_rows(w, coarse.shape[3]).to(coarse.device)
    return rows @ coarse @ cols.T


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
    tx = uniform(-1, 1) * cfg.translate_px * 2 / w
    ty = uniform(-1, 1) * cfg.translate_px * 2 / h
    # the sampling grid of F.affine_grid (align_corners=False), written out: each output
    # pixel's centre in [-1, 1] through the inverse matrix (a batched 3x2 product was slow)
    xs = (torch.arange(w, device=x.device, dtype=x.dtype) * 2 + 1) / w - 1
    ys = (torch.arange(h, device=x.device, dtype=x.dtype) * 2 + 1) / h - 1
    xs, ys = xs.view(1, 1, w), ys.view(1, h, 1)

    def row(cx: torch.Tensor, cy: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        return cx.view(n, 1, 1) * xs + cy.view(n, 1, 1) * ys + t.view(n, 1, 1)

    gx = row(a22 / det, -a12 / det, tx)
    gy = row(-a21 / det, a11 / det, ty)
    if cfg.elastic_px > 0:
        coarse = torch.rand(n, 2, cfg.elastic_grid, cfg.elastic_grid, generator=generator) * 2 - 1
        field = smooth_field(coarse.to(x.device), h, w) * (cfg.elastic_px * 2 / max(h, w))
        gx, gy = gx + field[:, 0], gy + field[:, 1]
    grid = torch.stack([gx, gy], 3)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
