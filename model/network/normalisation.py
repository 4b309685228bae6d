"""The network's input scale on one object: what "normalised" means, written once.

A network sees `(ink - mean) / std`, with the mean and standard deviation of its own training
images; every checkpoint carries its pair. The formula used to be written inline in about
fifteen places (preprocessing, data sets, the analyses, the views' grey levels), each free to
drift (a missing float32 cast, a swapped sign). Here it is once, with the two numbers every view
needs beside it: the value of blank paper (`background_level`) and the grey levels that show
blank paper black and full ink white (`grey_levels`).

`model.config` re-exports `Normalization`, so `from model.config import Normalization` keeps
working; the defaults below are those of the padded 32x32 MNIST training images.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import overload

import numpy as np
import torch


@dataclass(frozen=True)
class Normalization:
    """Mean and standard deviation of the padded 32x32 training images, in [0, 1] units."""

    mean: float = 0.1000
    std: float = 0.2752

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @overload
    def apply(self, ink: np.ndarray) -> np.ndarray: ...
    @overload
    def apply(self, ink: torch.Tensor) -> torch.Tensor: ...
    def apply(self, ink: np.ndarray | torch.Tensor) -> np.ndarray | torch.Tensor:
        """Ink in [0, 1] (numpy or torch, any shape) -> what the network reads.

        A numpy result is float32 (what the network and the views expect); a tensor keeps its
        dtype and device. The input is never modified.
        """
        if isinstance(ink, torch.Tensor):
            return (ink - self.mean) / self.std
        return ((np.asarray(ink, np.float32) - self.mean) / self.std).astype(np.float32)

    def apply_(self, ink: torch.Tensor) -> torch.Tensor:
        """`apply` in place on a float tensor (large batches: no second copy)."""
        return ink.sub_(self.mean).div_(self.std)

    @overload
    def to_ink(self, network_input: np.ndarray) -> np.ndarray: ...
    @overload
    def to_ink(self, network_input: torch.Tensor) -> torch.Tensor: ...
    def to_ink(self, network_input: np.ndarray | torch.Tensor) -> np.ndarray | torch.Tensor:
        """The inverse of `apply`: a network input back to ink in [0, 1] units."""
        if isinstance(network_input, torch.Tensor):
            return network_input * self.std + self.mean
        return (np.asarray(network_input, np.float32) * self.std + self.mean).astype(np.float32)

    def convert(self, network_input: np.ndarray, target: Normalization) -> np.ndarray:
        """An input normalised with this object re-expressed for a network using `target`,
        so that another network reads the very same ink."""
        if self == target:
            return network_input
        return target.apply(self.to_ink(network_input))

    @property
    def background_level(self) -> float:
        """The value of a pixel with no ink: blank paper as the network sees it."""
        return float((0.0 - self.mean) / self.std)

    @property
    def ink_level(self) -> float:
        """The value of a pixel of full ink."""
        return float((1.0 - self.mean) / self.std)

    @property
    def grey_levels(self) -> tuple[float, float]:
        """Display levels of a network input: blank paper black, full ink white."""
        return (self.background_level, self.ink_level)
