"""Where the network looks: four attribution maps for one (32, 32) network input.

Each function takes a `Predictor` or a bare network (anything whose forward returns
`LeNetOutput`), a prepared (32, 32) network input and a target class (default: the predicted
one) and returns a raw (32, 32) float32 map in network-input pixels:

- `saliency`: the gradient of the target logit with respect to the input (signed by default).
- `integrated_gradients`: gradients averaged along the straight path from a blank input,
  times the input difference; the map sums to logit(input) - logit(blank) (completeness).
- `occlusion`: how much the target logit drops when a 4x4 window is blanked (stride 2).
- `grad_cam`: Grad-CAM on the last convolution's feature maps (LeNet-5's C2; any design's last
  stage) in its element-wise form (HiResCAM: gradient times activation unit by unit, not the
  channel-averaged gradient), relative to a blank input, projected back onto the input by the
  units' receptive-field centres (computed for the network's design). A network without a
  convolution (the flattened design) has no Grad-CAM: `NoConvolution`.

`attribute(method, ...)` is what a view or a script calls: it returns an `Attribution`, the
map *measured against the score it explains* (see `Attribution` for the scale and the floor)
with a flag that says when nothing stands out, so the Insight dock, the canvas overlay and any
script colour the same values the same way. Raw maps in logits mean nothing to a learner
(classic Grad-CAM on C2 is +-0.002 logit on a confidently read digit; normalised by its own
maximum it painted the empty corners orange).

Saliency and integrated gradients use Captum, the maintained PyTorch library for exactly this;
occlusion is Captum's method written as one batched forward pass (Captum's own took 2.5x as
long, over the 50 ms budget on a busy 2-core machine; a test checks both agree).

Captum is imported on first use, not with this module: its import takes seconds and pulls in
`matplotlib.pyplot` (a GUI can call `captum_attr()` once in a background thread to pay it
early). Before that import, matplotlib is pinned to the non-GUI "Agg"
backend (unless the user chose one), so it can never pick a Qt backend behind the app's back.
Grad-CAM is computed directly from the last convolution's activation the network already returns
(the very map the feature-map panel shows); Captum's `LayerGradCam` would need a module to hook,
and LeNet's activation after C2 is a function, not a module.

The "blank" baseline is a canvas with no ink: 0 in [0, 1] units, normalised like the input.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import torch
from torch import nn

from model.analysis.design_layers import MapLayer, design_layers
from model.analysis.shapes import ReceptiveField
from model.config import Normalization
from model.network.builder import architecture_of
from model.network.lenet import INPUT_SIZE

OCCLUSION_WINDOW = 4
OCCLUSION_STRIDE = 2
IG_STEPS = 32
# Gauss-Legendre: on the shipped weights (MNIST + pen digits + not-a-digit) at 32 steps its
# completeness error was the smallest of Captum's rules, measured as |sum(map) - (logit(input)
# - logit(blank))| / that difference over the first 30 MNIST test digits: median 6%, worst 15%
# (midpoint 11% / 39%, trapezoid 12% / 30%; at 256 steps all three are within 5%). The
# previous weights favoured the midpoint rule (5% / 19% against 10% / 23%): ReLU kinks make
# the path integral converge slowly and unevenly, so the rule is chosen per shipped network.
IG_METHOD = "gausslegendre"
METHODS = ("saliency", "integrated_gradients", "occlusion", "grad_cam")

#: Where each method's scaled map saturates the colour bar, as a fraction of the reference
#: score (see `Attribution`). Chosen from the shipped weights on the first 100 MNIST test digits,
#: so a confidently read digit's strongest value lands near the top of the bar (median largest
#: value / 5th percentile): saliency 7% / 4% per pixel, integrated gradients 9% / 6% per pixel,
#: occlusion 35% / 8% per 4x4 patch, Grad-CAM 3% / 1.7% per C2 unit.
FULL_SCALE = {"saliency": 0.10, "integrated_gradients": 0.10, "occlusion": 0.50, "grad_cam": 0.05}
#: Values under this fraction of the full scale are not coloured, and a map with none above it
#: says "nothing stands out". A tenth of the bar is where the overlay's colour is already close
#: to transparent (alpha 47 of 255), so hiding what is below it costs nothing a learner could
#: see, and "no colour" then means something: less than a tenth of the bar (1% of the score per
#: pixel for saliency and integrated gradients, 0.5% per C2 unit, 5% per blanked patch).
#: Classic Grad-CAM on C2 (+-0.002 logit of a 5-logit score, 0.04%) is far below it.
FLOOR_FRACTION = 0.10
#: The reference never falls below one logit (a factor e in the odds): when a drawing hardly
#: moves the class's score (a class the drawing is not), its map is measured against one logit
#: instead of blowing a tiny difference up to full colour.
MIN_REFERENCE = 1.0
#: Why nothing stands out: ids the GUI translates.
NO_INK = "no_ink"  # the input is a blank canvas: there is no drawing to explain
BELOW_FLOOR = "below_floor"  # every value is under the floor
_INK_TOLERANCE = 1e-3  # normalised units: an input this close to blank everywhere has no ink


class NoConvolution(ValueError):
    """Grad-CAM asked of a network without a convolution (the flattened design, the MLP)."""

    reason = "no_convolution"  # an id the GUI translates

    def __init__(self) -> None:
        super().__init__("Grad-CAM needs a convolution layer; this network has no convolution")


def grad_cam_layer(predictor_or_network: Any) -> MapLayer | None:
    """The layer Grad-CAM looks at: the network's last convolution (LeNet-5's C2), or None for
    a network without one."""
    net = network_of(predictor_or_network)
    try:
        design = architecture_of(net)
    except TypeError:
        return None
    if not design.stages or not hasattr(net, "c1"):  # the MLP's activations are not C layers
        return None
    return design_layers(design).last_conv


def network_of(predictor_or_network: Any) -> nn.Module:
    """The torch module behind a `Predictor` (its `.model`) or the network itself."""
    net = getattr(predictor_or_network, "model", predictor_or_network)
    if not isinstance(net, nn.Module):
        raise TypeError(f"expected a Predictor or a network, not {type(predictor_or_network)!r}")
    return net


def blank_value(predictor_or_network: Any) -> float:
    """The normalised value of a pixel with no ink, using the predictor's normalisation."""
    norm = getattr(predictor_or_network, "normalization", None) or Normalization()
    return norm.background_level


def _input_tensor(network_input: np.ndarray) -> torch.Tensor:
    array = np.asarray(network_input, dtype=np.float32)
    if array.shape != (INPUT_SIZE, INPUT_SIZE):
        raise ValueError(f"expected a (32, 32) network input, got shape {array.shape}")
    # a fresh tensor that requires grad (Captum warns when it has to switch that on itself)
    return torch.tensor(array)[None, None].requires_grad_()


def _logits_fn(net: nn.Module) -> Callable[[torch.Tensor], torch.Tensor]:
    return lambda x: net(x).logits


def _check_target(logits: torch.Tensor, target: int | None) -> int:
    """`target` checked, or the class with the highest of these (10,) logits."""
    if target is not None:
        if not 0 <= int(target) < 10:
            raise ValueError(f"target class must be 0..9, not {target!r}")
        return int(target)
    return int(logits.argmax())


def _target(net: nn.Module, x: torch.Tensor, target: int | None) -> int:
    if target is None:
        with torch.no_grad():
            return int(net(x).logits[0].argmax())
    return _check_target(torch.empty(0), target)


def ink_span(predictor_or_network: Any) -> float:
    """How far a fully inked pixel is from a blank one in normalised input units (1 / std)."""
    norm = getattr(predictor_or_network, "normalization", None) or Normalization()
    return float(1.0 / norm.std)


def _baseline(predictor_or_network: Any, baseline: float | None) -> float:
    return blank_value(predictor_or_network) if baseline is None else float(baseline)


@lru_cache(maxsize=1)
def captum_attr() -> Any:
    """`captum.attr`, imported once, with matplotlib kept off any GUI backend."""
    if "MPLBACKEND" not in os.environ:
        import matplotlib

        matplotlib.use("Agg", force=False)
    import captum.attr

    return captum.attr


def saliency(
    predictor_or_network: Any,
    network_input: np.ndarray,
    target: int | None = None,
    absolute: bool = False,
) -> np.ndarray:
    """d logit[target] / d input: which pixels would most change the score if nudged."""
    net = network_of(predictor_or_network)
    x = _input_tensor(network_input)
    target = _target(net, x, target)
    grad = captum_attr().Saliency(_logits_fn(net)).attribute(x, target=target, abs=absolute)
    return grad[0, 0].detach().numpy().astype(np.float32)


def integrated_gradients(
    predictor_or_network: Any,
    network_input: np.ndarray,
    target: int | None = None,
    steps: int = IG_STEPS,
    baseline: float | None = None,
    return_delta: bool = False,
) -> np.ndarray | tuple[np.ndarray, float]:
    """Integrated gradients from a blank input in `steps` points of `IG_METHOD`, one batch.

    With `return_delta`, also returns Captum's completeness error: sum(map) minus
    (logit(input) - logit(baseline)).
    """
    net = network_of(predictor_or_network)
    x = _input_tensor(network_input)
    target = _target(net, x, target)
    ig = captum_attr().IntegratedGradients(_logits_fn(net))
    attr, delta = ig.attribute(
        x,
        baselines=_baseline(predictor_or_network, baseline),
        target=target,
        n_steps=steps,
        method=IG_METHOD,
        return_convergence_delta=True,
    )
    result = attr[0, 0].detach().numpy().astype(np.float32)
    return (result, float(delta[0])) if return_delta else result


@lru_cache(maxsize=4)
def _occlusion_masks(window: int, stride: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One (32, 32) mask per window position, as bool and float, and how many windows cover
    each pixel (at least 1, so uncovered pixels divide 0 by 1)."""
    if not 1 <= window <= INPUT_SIZE or stride < 1:
        raise ValueError(f"occlusion window 1..32 and stride >= 1, not {window} and {stride}")
    starts = range(0, INPUT_SIZE - window + 1, stride)
    masks = torch.zeros(len(starts) ** 2, 1, INPUT_SIZE, INPUT_SIZE, dtype=torch.bool)
    for i, (r, c) in enumerate((r, c) for r in starts for c in starts):
        masks[i, 0, r : r + window, c : c + window] = True
    weights = masks.float()
    return masks, weights, weights.sum(0).clamp_min(1.0)


def occlusion(
    predictor_or_network: Any,
    network_input: np.ndarray,
    target: int | None = None,
    window: int = OCCLUSION_WINDOW,
    stride: int = OCCLUSION_STRIDE,
    baseline: float | None = None,
) -> np.ndarray:
    """logit(input) - logit(input with a window blanked), averaged over the windows covering
    each pixel; all ((32 - window) / stride + 1)^2 windows run as one batch.

    This is Captum's `Occlusion` (the tests check they agree to 1e-5) computed directly: one
    inference-mode forward of the whole batch took 2.5x less time than Captum's on the project's
    2-core machine (p50 19 vs 52 ms under load), which kept it under the 50 ms target.
    """
    net = network_of(predictor_or_network)
    x = _input_tensor(network_input).detach()
    target = _target(net, x, target)
    masks, weights, coverage = _occlusion_masks(window, stride)
    blank = _baseline(predictor_or_network, baseline)
    with torch.inference_mode():
        batch = torch.cat([x, torch.where(masks, torch.tensor(blank), x)])
        logits = net(batch).logits[:, target]
        drop = logits[0] - logits[1:]
        attr = (weights * drop[:, None, None, None]).sum(0) / coverage
    return attr[0].numpy().astype(np.float32)


@lru_cache(maxsize=1)
def _units_to_input(field: ReceptiveField, count: int) -> np.ndarray:
    """(32, count) linear interpolation from the centres of a map's units (start + jump * i +
    (size - 1) / 2, in input pixels) to input pixel centres, fading to 0 at the border beyond
    the first and last centre.

    For LeNet-5's C2 (centres 2i + 6.5) no unit is centred on the outer 7 pixels; holding the
    edge unit's value out to the border painted whole corner blocks in the colour of a unit
    whose evidence is strokes 7-13 pixels in. Fading to nothing at the border (pixel 0 keeps
    1/14) leaves the map centred where the units are, and the empty corners of a digit close
    to uncoloured.
    """
    jump = float(field.jump)
    centres = field.start + jump * np.arange(count) + (field.size - 1) / 2
    pixels = np.arange(INPUT_SIZE, dtype=np.float64)
    matrix = np.zeros((INPUT_SIZE, count))
    if count == 1:
        matrix[:, 0] = 1.0
    else:
        pos = np.clip((pixels - centres[0]) / jump, 0, count - 1)
        lo = np.minimum(np.floor(pos).astype(int), count - 2)
        frac = pos - lo
        matrix[np.arange(INPUT_SIZE), lo] = 1 - frac
        matrix[np.arange(INPUT_SIZE), lo + 1] += frac
    first, last = centres[0], centres[-1]
    # from the border (pixel -0.5) to the first centre, and from the last to the far border
    near = max(first + 0.5, 0.5)
    far = max(INPUT_SIZE - 0.5 - last, 0.5)
    fade = np.clip(np.minimum((pixels + 0.5) / near, (INPUT_SIZE - 0.5 - pixels) / far), 0, 1)
    return (matrix * fade[:, None]).astype(np.float32)


def _c2_to_input() -> np.ndarray:
    """LeNet-5's C2 (10 units, stride 2, field 14) onto the input: `_units_to_input`."""
    return _units_to_input(ReceptiveField(14, 2, 0), 10)


def grad_cam_units(
    predictor_or_network: Any,
    network_input: np.ndarray,
    target: int | None = None,
    relu: bool = False,
    baseline: float | None = None,
) -> np.ndarray:
    """The Grad-CAM map on the last convolution (LeNet-5's (10, 10) C2), element-wise:
    sum_k dlogit/dA_k * (A_k - A_k(blank)).

    Why not the classic sum_k mean(dlogit/dA_k) * A_k: averaging each channel's gradient over
    the map assumes a global average pool after the layer; LeNet flattens C2 (through S2) into
    fully connected layers, so each unit has its own weight, and the averaged gradients nearly
    cancel (+-0.002 logit on a digit read with 5 logits, its largest values in the empty
    corners). Multiplying unit by unit (HiResCAM, Draelos & Carin 2020) keeps where the
    gradient is. Activations are taken relative to a blank canvas's, so units that a blank
    canvas drives just as much (through the biases) explain nothing and a blank input gives 0.
    Signed, like the other maps (`relu=True`: Grad-CAM's positive part only). Raises
    `NoConvolution` for a network without a convolution.
    """
    net = network_of(predictor_or_network)
    layer = grad_cam_layer(net)
    if layer is None:
        raise NoConvolution()
    x = _input_tensor(network_input).detach()
    blank = torch.full_like(x, _baseline(predictor_or_network, baseline))
    with torch.enable_grad():
        out = net(torch.cat([x, blank]))
        maps = out.activations[layer.name]
        target = _check_target(out.logits[0].detach(), target)
        (grad,) = torch.autograd.grad(out.logits[0, target], maps)
    maps = maps.detach()
    cam = (grad[0] * (maps[0] - maps[1])).sum(0)
    if relu:
        cam = cam.clamp_min(0)
    return cam.numpy().astype(np.float32)


grad_cam_c2 = grad_cam_units  # LeNet-5's name for it


def grad_cam(
    predictor_or_network: Any,
    network_input: np.ndarray,
    target: int | None = None,
    relu: bool = False,
) -> np.ndarray:
    """Grad-CAM on the last convolution upsampled to (32, 32) by its units' receptive-field
    centres."""
    cam = grad_cam_units(predictor_or_network, network_input, target, relu)
    layer = grad_cam_layer(predictor_or_network)
    assert layer is not None  # grad_cam_units raised otherwise
    rows = _units_to_input(layer.field, cam.shape[0])
    cols = _units_to_input(layer.field, cam.shape[1])
    return (rows @ cam @ cols.T).astype(np.float32)


#: Method name -> function, for a GUI's method selector.
ATTRIBUTIONS: dict[str, Callable[..., Any]] = {
    "saliency": saliency,
    "integrated_gradients": integrated_gradients,
    "occlusion": occlusion,
    "grad_cam": grad_cam,
}


@dataclass(frozen=True)
class Attribution:
    """One method's map measured against the score it explains, ready to colour.

    The reference is the target logit's change from a blank canvas to this input,
    logit(x) - logit(blank) (at least `MIN_REFERENCE`): the score integrated gradients
    decompose exactly (completeness), that blanking every occlusion window takes away, and that
    a first-order reading of saliency and Grad-CAM approximates. `values` is the raw map divided
    by it, so colour means "fraction of the explained score":

    - saliency: the first-order change in the score if this pixel alone went from blank to full
      ink (gradient x `ink_span`), per pixel;
    - integrated gradients: this pixel's share of the score;
    - occlusion: the score lost when a 4x4 patch around here is blanked;
    - Grad-CAM: the share of the last convolution's units (LeNet-5's C2) centred here.

    Colours saturate at +-`full_scale` (`FULL_SCALE`), values under `floor` are not coloured,
    and when nothing reaches the floor, or the input has no ink at all, `nothing_stands_out`
    is true and `reason` says why (`NO_INK` or `BELOW_FLOOR`).
    """

    method: str
    target: int
    values: np.ndarray  # (32, 32) float32, signed fraction of `reference`
    raw: np.ndarray  # (32, 32) float32, the method's own map (logits; logit per unit: saliency)
    reference: float  # logits, > 0
    score_change: float  # logit[target](input) - logit[target](blank)
    full_scale: float
    floor: float
    reason: str | None = None

    @property
    def nothing_stands_out(self) -> bool:
        return self.reason is not None

    def shown(self) -> np.ndarray:
        """`values` with everything under the floor set to 0 (all 0 when nothing stands out)."""
        if self.nothing_stands_out:
            return np.zeros_like(self.values)
        return np.where(np.abs(self.values) >= self.floor, self.values, 0.0).astype(np.float32)


def attribute(
    method: str, predictor_or_network: Any, network_input: np.ndarray, target: int | None = None
) -> Attribution:
    """One attribution map by method name (one of `METHODS`), scaled against its reference.

    Costs one extra forward pass of the input and a blank canvas (a batch of two) on top of
    the method itself, for the reference and the default target.
    """
    if method not in ATTRIBUTIONS:
        raise ValueError(f"unknown attribution method {method!r}; expected one of {METHODS}")
    net = network_of(predictor_or_network)
    x = _input_tensor(network_input).detach()
    blank = _baseline(predictor_or_network, None)
    with torch.inference_mode():
        out = net(torch.cat([x, torch.full_like(x, blank)]))
    if method == "grad_cam" and grad_cam_layer(net) is None:
        raise NoConvolution()
    target = _check_target(out.logits[0], target)
    change = float(out.logits[0, target] - out.logits[1, target])
    reference = max(abs(change), MIN_REFERENCE)
    full_scale = FULL_SCALE[method]
    floor = full_scale * FLOOR_FRACTION
    if float((x - blank).abs().max()) < _INK_TOLERANCE:
        zeros = np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)
        return Attribution(
            method, target, zeros, zeros, reference, change, full_scale, floor, NO_INK
        )
    raw = ATTRIBUTIONS[method](predictor_or_network, network_input, target)
    raw = raw[0] if isinstance(raw, tuple) else raw
    unit = ink_span(predictor_or_network) if method == "saliency" else 1.0
    values = (raw * (unit / reference)).astype(np.float32)
    reason = None if float(np.abs(values).max()) >= floor else BELOW_FLOOR
    return Attribution(method, target, values, raw, reference, change, full_scale, floor, reason)
