"""The convolution playground: one 2-D input, one kernel, a padding and a stride -> the output.

The computation is written out as the tutorial describes it (pad, then slide the kernel and sum
the elementwise products at every stride-th position), in numpy; the tests check it equals
`torch.nn.functional.conv2d`. Like every CNN layer it is a cross-correlation: the kernel is not
flipped. `output_size_formula` fills the numbers into floor((n + 2p - k) / s) + 1 so a view can
print the arithmetic behind the output size, and settings that cannot work are refused with a
`ConvSettingsError` whose message says why (and what would fit) instead of being clamped.

Padding is "valid" (none), "same" ((k - 1) / 2 on every side, which keeps the size at stride 1
and gives ceil(n / s) otherwise; it needs an odd kernel) or a number of zero pixels per side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.errors import LeNetLensError

STRIDES = (1, 2, 3)
MAX_PADDING = 8

#: Named kernels for the preset menu, by id (the GUI shows each id's translated name, see
#: app/concepts/conv_text.py). Edge is the Laplacian-like all-directions detector.
PRESETS: dict[str, np.ndarray] = {
    "edge": np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], dtype=np.float32),
    "vertical edge": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float32),
    "horizontal edge": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=np.float32),
    "blur": np.full((3, 3), 1 / 9, dtype=np.float32),
    "blur 5x5": np.full((5, 5), 1 / 25, dtype=np.float32),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float32),
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float32),
}


class ConvSettingsError(LeNetLensError, ValueError):
    """A kernel, padding or stride that cannot be applied to this input; the message says why.

    Besides the English message (for logs and the CLI) it carries `reason`, a stable id of the
    problem, and `values`, the numbers the sentence needs: the GUI words the sentence in the
    user's language from these (app/concepts/conv_text.py), never by parsing the English.
    """

    code = "conv_settings"

    def __init__(self, reason: str, message: str, **values: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class ConvResult:
    output: np.ndarray  # (out_h, out_w) float32
    padding: int  # zero pixels added on every side
    stride: int
    kernel_size: int
    input_shape: tuple[int, int]
    formula: str  # e.g. "floor((32 + 2×0 − 5) / 1) + 1 = 28"; one per axis if not square
    uncovered: int  # padded rows (and columns) at the bottom (right) no window reaches


def resolve_padding(padding: str | int, kernel_size: int) -> int:
    """The number of zero pixels per side for "valid", "same" or a number."""
    if isinstance(padding, str):
        mode = padding.strip().lower()
        if mode == "valid":
            return 0
        if mode == "same":
            if kernel_size % 2 == 0:
                raise ConvSettingsError(
                    "same_even_kernel",
                    f"SAME padding needs an odd kernel: a {kernel_size}x{kernel_size} kernel would "
                    f"need {(kernel_size - 1) / 2:g} pixels on each side",
                    k=kernel_size,
                    half=f"{(kernel_size - 1) / 2:g}",
                )
            return (kernel_size - 1) // 2
        raise ConvSettingsError(
            "padding_mode",
            f"padding must be VALID, SAME or a number, not {padding!r}",
            value=padding,
        )
    if isinstance(padding, bool) or int(padding) != padding:
        raise ConvSettingsError(
            "padding_whole",
            f"padding must be a whole number of pixels, not {padding!r}",
            value=padding,
        )
    if not 0 <= int(padding) <= MAX_PADDING:
        raise ConvSettingsError(
            "padding_range",
            f"padding must be 0 to {MAX_PADDING} pixels, not {padding}",
            most=MAX_PADDING,
            value=padding,
        )
    return int(padding)


def output_size(n: int, kernel_size: int, padding: int, stride: int) -> int:
    """floor((n + 2p - k) / s) + 1; at most 0 means the kernel does not fit."""
    return (n + 2 * padding - kernel_size) // stride + 1


def output_size_formula(n: int, kernel_size: int, padding: int, stride: int) -> str:
    """The output-size formula with the numbers filled in."""
    result = output_size(n, kernel_size, padding, stride)
    return f"floor(({n} + 2×{padding} − {kernel_size}) / {stride}) + 1 = {result}"


def validate(
    input_shape: tuple[int, int], kernel: np.ndarray, padding: str | int, stride: int
) -> int:
    """Check the settings; return the padding in pixels. Raises `ConvSettingsError`."""
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or kernel.shape[0] < 1:
        raise ConvSettingsError(
            "kernel_square", f"the kernel must be square, not {kernel.shape}", shape=kernel.shape
        )
    if not np.isfinite(kernel).all():
        raise ConvSettingsError(
            "kernel_finite", "the kernel has a value that is not a finite number"
        )
    if isinstance(stride, bool) or int(stride) != stride or stride not in STRIDES:
        raise ConvSettingsError("stride", f"stride must be 1, 2 or 3, not {stride!r}", value=stride)
    k = kernel.shape[0]
    p = resolve_padding(padding, k)
    for n in input_shape:
        if n + 2 * p < k:
            formula = output_size_formula(n, k, p, stride)
            least = -(-(k - n) // 2)
            raise ConvSettingsError(
                "kernel_too_big",
                f"a {k}x{k} kernel does not fit in {n} + 2×{p} = {n + 2 * p} pixels: "
                f"{formula}; use a smaller kernel or pad by at least {least}",
                k=k,
                n=n,
                p=p,
                total=n + 2 * p,
                formula=formula,
                least=least,
            )
    return p


def convolve(
    image: np.ndarray, kernel: np.ndarray, padding: str | int = "valid", stride: int = 1
) -> ConvResult:
    """Slide `kernel` over `image` (both 2-D) with zero padding and stride; no bias."""
    image = np.asarray(image, dtype=np.float32)
    kernel = np.asarray(kernel, dtype=np.float32)
    if image.ndim != 2:
        raise ConvSettingsError(
            "input_2d", f"the input must be one 2-D map, not shape {image.shape}", shape=image.shape
        )
    p = validate(image.shape, kernel, padding, stride)
    k = kernel.shape[0]
    padded = np.pad(image, p)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (k, k))[::stride, ::stride]
    output = np.einsum("ijkl,kl->ij", windows, kernel, dtype=np.float64).astype(np.float32)
    h, w = image.shape
    formulas = [output_size_formula(h, k, p, stride)]
    if w != h:
        formulas = [f"rows: {formulas[0]}", f"columns: {output_size_formula(w, k, p, stride)}"]
    return ConvResult(
        output=output,
        padding=p,
        stride=int(stride),
        kernel_size=k,
        input_shape=(h, w),
        formula="; ".join(formulas),
        uncovered=(h + 2 * p - k) % stride,
    )


def preset(name: str) -> np.ndarray:
    """A copy of a named preset kernel (see `PRESETS`)."""
    if name not in PRESETS:
        raise ConvSettingsError(
            "unknown_preset",
            f"unknown preset {name!r}; expected one of {sorted(PRESETS)}",
            name=name,
        )
    return PRESETS[name].copy()
