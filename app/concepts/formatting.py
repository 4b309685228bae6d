"""The arithmetic written out as text: small matrices of numbers and the sums below them.

Kept apart from the widgets so the wording of each computation is in one place; every string a
user reads goes through `QCoreApplication.translate("concepts", ...)`. Matrices are aligned
columns in a `<pre>` block, not HTML tables: Qt lays tables out an order of magnitude slower
(a C2 unit took ~150 ms as tables, ~1 ms as preformatted text), and the step-through animation
redraws this text several times a second.
"""

from __future__ import annotations

from html import escape

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.concepts.common import fmt
from app.widgets import palette
from model.analysis.unit_arithmetic import ConvArithmetic, DenseArithmetic, PoolArithmetic

WIDTH = 6  # characters per number: "-0.46" plus a space (wider numbers push the row)


def _cell(value: float, digits: int, mark: bool = False) -> str:
    text = " " + fmt(value, digits).rjust(WIDTH - 1)  # always separated
    if mark:
        return f'<span style="color: {palette.ACCENT}; font-weight: bold;">{text}</span>'
    return text


def matrix_lines(
    values: np.ndarray, mark: tuple[int, int] | None = None, digits: int = 2
) -> list[str]:
    """One line of aligned numbers per row; the `mark` cell in the accent colour."""
    return [
        "".join(_cell(v, digits, mark == (r, c)) for c, v in enumerate(row))
        for r, row in enumerate(np.atleast_2d(values))
    ]


def _pre(lines: list[str]) -> str:
    return "<pre>" + "\n".join(lines) + "</pre>"


def _side_by_side(blocks: list[list[str]], signs: list[str]) -> list[str]:
    """Matrices of equal height in a row, with a sign between each pair on the middle line."""
    rows = len(blocks[0])
    middle = rows // 2
    lines = []
    for r in range(rows):
        parts = [blocks[0][r]]
        for sign, block in zip(signs, blocks[1:]):
            parts.append(f"  {sign if r == middle else ' '} ")
            parts.append(block[r])
        lines.append("".join(parts))
    return lines


def _activation_line(pre: float, activation: str, value: float) -> str:
    name = {"relu": "ReLU", "sigmoid": "sigmoid"}.get(activation, "tanh")
    return f"{name}({fmt(pre, 4)}) = <b>{fmt(value, 4)}</b>"


def _stacked(blocks: list[list[str]], signs: list[str]) -> list[str]:
    """The same matrices one above the other, each sign on a line of its own between them:
    a narrow panel shows the products column too, without a horizontal scrollbar."""
    lines = list(blocks[0])
    for sign, block in zip(signs, blocks[1:]):
        lines.append(f"  {sign}")
        lines.extend(block)
    return lines


def conv_width(stacked: bool, kernel: int = 5) -> int:
    """Characters in the widest line of `conv_html`'s matrices (kernel x kernel each)."""
    return kernel * WIDTH if stacked else 3 * kernel * WIDTH + 2 * 4


def conv_html(a: ConvArithmetic, channel: int, stacked: bool = False) -> str:
    """Patch × kernel = products for one input channel, then the sum over channels; side by
    side, or `stacked` one above the other where the panel is too narrow for three."""
    header = QCoreApplication.translate(
        "concepts",
        "Input channel {c}: the {n}x{n} patch at row {r}, column {col} × kernel {k},{c} "
        '(kernel k,c: the weights map k gives input channel c; "k,0..{last}" means all {count})',
    )
    count, size = a.patches.shape[0], a.patches.shape[1]
    header = header.format(
        c=channel, r=a.origin[0], col=a.origin[1], k=a.unit[0], n=size, last=count - 1, count=count
    )
    blocks = [
        matrix_lines(a.patches[channel]),
        matrix_lines(a.kernels[channel]),
        matrix_lines(a.products[channel]),
    ]
    grid = (_stacked if stacked else _side_by_side)(blocks, ["×", "="])
    parts = [f"<p>{escape(header)}</p>", _pre(grid)]
    products = QCoreApplication.translate("concepts", "sum of the products = {s}").format(
        s=fmt(a.channel_sums[channel], 4)
    )
    parts.append(f"<p>{products}</p>")
    if len(a.channel_sums) > 1:
        terms = " + ".join(fmt(s, 3) for s in a.channel_sums)
        line = QCoreApplication.translate(
            "concepts", "Sum over the {n} input channels: {terms} = {total}"
        ).format(n=len(a.channel_sums), terms=terms, total=fmt(a.channel_sums.sum(), 4))
        parts.append(f"<p>{line}</p>")
    bias = QCoreApplication.translate("concepts", "plus bias {b} = {pre}; activation: ").format(
        b=fmt(a.bias, 4), pre=fmt(a.pre_activation, 4)
    )
    parts.append(f"<p>{bias}{_activation_line(a.pre_activation, a.activation, a.value)}</p>")
    return "".join(parts)


def pool_html(a: PoolArithmetic) -> str:
    """The pooling window (2x2 in LeNet-5) and which value max pooling kept, or their mean."""
    header = QCoreApplication.translate(
        "concepts", "The {n}x{n} window at row {r}, column {c} of the map below"
    ).format(r=a.origin[0], c=a.origin[1], n=a.window.shape[0])
    grid = _pre(matrix_lines(a.window, a.kept, digits=4))
    if a.mode == "max":
        rule = QCoreApplication.translate(
            "concepts", "Max pooling keeps the largest value: <b>{v}</b>"
        ).format(v=fmt(a.value, 4))
    else:
        terms = " + ".join(fmt(v, 3) for v in a.window.ravel())
        rule = QCoreApplication.translate(
            "concepts", "Average pooling keeps the mean: ({terms}) / {n} = <b>{v}</b>"
        ).format(terms=terms, v=fmt(a.value, 4), n=a.window.size)
    return f"<p>{escape(header)}</p>{grid}<p>{rule}</p>"


def dense_html(a: DenseArithmetic, input_layer: str) -> str:
    """The largest weight × input terms, the rest summed, bias, activation."""
    heads = (
        QCoreApplication.translate("concepts", "input"),
        QCoreApplication.translate("concepts", "value"),
        QCoreApplication.translate("concepts", "weight"),
        QCoreApplication.translate("concepts", "weight × value"),
    )
    lines = ["".join(h.rjust(15 if i == 3 else 10) for i, h in enumerate(heads))]
    for i, x, w, p in zip(a.top_indices, a.top_inputs, a.top_weights, a.top_products):
        name = f"{input_layer}[{i}]"
        lines.append(
            name.rjust(10) + fmt(x, 3).rjust(10) + fmt(w, 3).rjust(10) + fmt(p, 4).rjust(15)
        )
    rest = QCoreApplication.translate("concepts", "the other {n} terms").format(n=a.rest_count)
    lines.append(rest.rjust(30) + fmt(a.rest_sum, 4).rjust(15))
    total = QCoreApplication.translate(
        "concepts", "sum {s} + bias {b} = {pre}; activation: "
    ).format(s=fmt(a.pre_activation - a.bias, 4), b=fmt(a.bias, 4), pre=fmt(a.pre_activation, 4))
    body = _pre([escape(line) for line in lines])
    return f"{body}<p>{total}{_activation_line(a.pre_activation, a.activation, a.value)}</p>"
