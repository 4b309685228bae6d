"""The Concepts workspace's words for ids that come from `model/`, in the user's language.

`model/` is Qt-free and names things by stable ids: the playground's preset kernels
(`conv_playground.PRESETS`), the reasons a convolution setting is refused
(`ConvSettingsError.reason` with its `values`), the layers of the shift test (`shift.LAYERS`).
These tables give each id its translatable text (marked with QT_TRANSLATE_NOOP so lupdate
collects them); the model keeps its English for logs and the command line.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from model.analysis.conv_playground import ConvSettingsError

CONTEXT = "model_text"

# conv_playground.PRESETS id -> its name on screen.
PRESET_NAMES = {
    "edge": QT_TRANSLATE_NOOP("model_text", "edge"),
    "vertical edge": QT_TRANSLATE_NOOP("model_text", "vertical edge"),
    "horizontal edge": QT_TRANSLATE_NOOP("model_text", "horizontal edge"),
    "blur": QT_TRANSLATE_NOOP("model_text", "blur"),
    "blur 5x5": QT_TRANSLATE_NOOP("model_text", "blur 5x5"),
    "sharpen": QT_TRANSLATE_NOOP("model_text", "sharpen"),
    "identity": QT_TRANSLATE_NOOP("model_text", "identity"),
}

# ConvSettingsError.reason -> the sentence, with the error's `values` as {placeholders}.
CONV_REASONS = {
    "same_even_kernel": QT_TRANSLATE_NOOP(
        "model_text",
        "SAME padding needs an odd kernel: a {k}x{k} kernel would need {half} pixels on each side",
    ),
    "padding_mode": QT_TRANSLATE_NOOP(
        "model_text", "padding must be VALID, SAME or a number, not {value}"
    ),
    "padding_whole": QT_TRANSLATE_NOOP(
        "model_text", "padding must be a whole number of pixels, not {value}"
    ),
    "padding_range": QT_TRANSLATE_NOOP(
        "model_text", "padding must be 0 to {most} pixels, not {value}"
    ),
    "kernel_square": QT_TRANSLATE_NOOP("model_text", "the kernel must be square, not {shape}"),
    "kernel_finite": QT_TRANSLATE_NOOP(
        "model_text", "the kernel has a value that is not a finite number"
    ),
    "stride": QT_TRANSLATE_NOOP("model_text", "stride must be 1, 2 or 3, not {value}"),
    "kernel_too_big": QT_TRANSLATE_NOOP(
        "model_text",
        "a {k}x{k} kernel does not fit in {n} + 2×{p} = {total} pixels: {formula}; "
        "use a smaller kernel or pad by at least {least}",
    ),
    "input_2d": QT_TRANSLATE_NOOP("model_text", "the input must be one 2-D map, not shape {shape}"),
    "unknown_preset": QT_TRANSLATE_NOOP("model_text", "unknown preset {name}"),
}

# shift.LAYERS id -> its name on screen (the layer names are names; "output" is a word).
LAYER_NAMES = {"output": QT_TRANSLATE_NOOP("model_text", "output")}


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def preset_name(preset: str) -> str:
    """The on-screen name of a preset kernel id."""
    return _translate(PRESET_NAMES[preset]) if preset in PRESET_NAMES else preset


def conv_settings_text(exc: ConvSettingsError) -> str:
    """Why a convolution setting was refused, in the user's language."""
    template = CONV_REASONS.get(getattr(exc, "reason", ""))
    if template is None:
        return str(exc)
    values = {key: value for key, value in getattr(exc, "values", {}).items()}
    try:
        return _translate(template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder
        return template.format(**values)


def layer_name(layer: str) -> str:
    """The on-screen name of a layer of the shift test ("C1", …, "output")."""
    return _translate(LAYER_NAMES[layer]) if layer in LAYER_NAMES else layer


def list_separator() -> str:
    """What goes between the items of a list written in a sentence (", " / "，")."""
    return QCoreApplication.translate("model_text", ", ")
