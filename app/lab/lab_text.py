"""The lab's words for ids that come from `model/`, in the user's language.

`model/network/architecture.py` names a refused design's reasons by stable ids with their
numbers (`Reason`), and its presets by ids; these tables give each id its translatable text
(QT_TRANSLATE_NOOP, so lupdate collects them), as `app/concepts/model_text.py` does for the
convolution playground. The model keeps its English (`Reason.english()`) for logs and the
command line.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from model.network.architecture import PRESET_NAMES as ENGLISH_PRESET_NAMES
from model.network.architecture import PRESETS, Architecture, Reason

CONTEXT = "lab_text"

# architecture.PRESETS id -> its name on screen.
PRESET_NAMES = {
    "lenet5_1998": QT_TRANSLATE_NOOP("lab_text", "LeNet-5 as in 1998 (tanh, average pooling)"),
    "lenet5_shipped": QT_TRANSLATE_NOOP(
        "lab_text", "LeNet-5 as shipped (ReLU, max pooling, dropout)"
    ),
    "no_pooling_stride2": QT_TRANSLATE_NOOP("lab_text", "No pooling, stride 2"),
    "kernels3_same": QT_TRANSLATE_NOOP("lab_text", "3x3 kernels, SAME padding"),
    "wide_c1": QT_TRANSLATE_NOOP("lab_text", "Wide C1 (16 maps)"),
    "one_channel": QT_TRANSLATE_NOOP("lab_text", "One channel per stage"),
    "flattened": QT_TRANSLATE_NOOP("lab_text", "Flattened (no convolution)"),
}

# Reason.id -> the sentence, with the reason's args as {placeholders}.
REASONS = {
    "unsupported_version": QT_TRANSLATE_NOOP(
        "lab_text", "design version {version} is not supported (expected {supported})"
    ),
    "not_a_dict": QT_TRANSLATE_NOOP("lab_text", "{field} is not a list of settings"),
    "missing_field": QT_TRANSLATE_NOOP("lab_text", "{field} is missing"),
    "unknown_field": QT_TRANSLATE_NOOP("lab_text", "{field} is not a setting of a design"),
    "wrong_type": QT_TRANSLATE_NOOP("lab_text", "{field} is {got}, expected {expected}"),
    "unknown_choice": QT_TRANSLATE_NOOP("lab_text", "{field} is {value}, not one of {choices}"),
    "out_of_range": QT_TRANSLATE_NOOP("lab_text", "{field} is {value}, expected {low} to {high}"),
    "unsupported_input": QT_TRANSLATE_NOOP("lab_text", "the input must be {expected}"),
    "unsupported_outputs": QT_TRANSLATE_NOOP(
        "lab_text", "the network must have {expected} outputs"
    ),
    "too_many_stages": QT_TRANSLATE_NOOP(
        "lab_text",
        "{count} convolution stages: at most {limit} keep the app interactive",
    ),
    "too_many_dense": QT_TRANSLATE_NOOP(
        "lab_text", "{count} dense layers: at most {limit} keep the app interactive"
    ),
    "too_many_channels": QT_TRANSLATE_NOOP(
        "lab_text", "{layer} has {channels} maps: at most {limit} keep the app interactive"
    ),
    "too_many_units": QT_TRANSLATE_NOOP(
        "lab_text", "{layer} has {units} units: at most {limit} keep the app interactive"
    ),
    "too_many_macs": QT_TRANSLATE_NOOP(
        "lab_text",
        "{macs:,} multiply-adds per image: at most {limit:,} keep the app interactive "
        "(fewer maps or larger strides)",
    ),
    "same_even_kernel": QT_TRANSLATE_NOOP(
        "lab_text",
        "{layer}: SAME padding needs an odd kernel; a {kernel}x{kernel} kernel would need "
        "({kernel} − 1) / 2 pixels on each side, not a whole number",
    ),
    "padding_too_large": QT_TRANSLATE_NOOP(
        "lab_text",
        "{layer}: padding {padding} is not smaller than the kernel ({kernel}): "
        "the border units would see only zeros",
    ),
    "map_too_small": QT_TRANSLATE_NOOP(
        "lab_text",
        "{layer}: the map would shrink to {size} pixels: ⌊({input} + 2×{padding} − {kernel}) / "
        "{stride}⌋ + 1 = {size}; use a smaller kernel or stride, or more padding",
    ),
    "pool_larger_than_map": QT_TRANSLATE_NOOP(
        "lab_text",
        "{layer}: a {pool}x{pool} pooling window is larger than the {size}x{size} map",
    ),
    "stride_too_small": QT_TRANSLATE_NOOP(
        "lab_text", "{layer}: stride {stride}; a window must move at least 1 pixel"
    ),
    "reject_head_unsupported": QT_TRANSLATE_NOOP(
        "lab_text", "this version has no “not a digit” output"
    ),
    "no_layers": QT_TRANSLATE_NOOP(
        "lab_text", "the design has neither a convolution stage nor a dense layer"
    ),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def preset_name(preset: str) -> str:
    """The on-screen name of a preset id."""
    if preset in PRESET_NAMES:
        return _translate(PRESET_NAMES[preset])
    return ENGLISH_PRESET_NAMES.get(preset, preset)


def reason_text(reason: Reason) -> str:
    """Why a design is refused, in the user's language (the English of `Reason.english()`
    for an id this version has no words for)."""
    template = REASONS.get(reason.id)
    if template is None:
        return reason.english()
    values = {
        k: ", ".join(map(str, v)) if isinstance(v, (tuple, list)) else v
        for k, v in reason.args.items()
    }
    try:
        return _translate(template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return reason.english()


def design_name(design: Architecture) -> str:
    """The preset's name when the design is one, else "your design"; a network with the
    "not a digit" output (the shipped one) is named after the preset it otherwise is."""
    plain = dataclasses.replace(design, reject_head=False)
    name = next(
        (preset_name(key) for key, value in PRESETS.items() if value == plain),
        QCoreApplication.translate("lab_text", "your design"),
    )
    if design.reject_head:
        name = QCoreApplication.translate("lab_text", "{0} + “not a digit”").format(name)
    return name


def shape_text(shape: tuple[int, ...] | None) -> str:
    """6 × 28 × 28, or a dash for a layer that cannot exist."""
    return "—" if shape is None else " × ".join(str(n) for n in shape)


def number(value: int) -> str:
    """A count with thousands separators (the same digits in both languages)."""
    return f"{value:,}"
