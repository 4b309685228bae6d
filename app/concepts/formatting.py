"""The arithmetic written out as rich text: small matrices of numbers and the sums below them.

Kept apart from the widgets so the wording of each computation is in one place; every string a
user reads goes through `QCoreApplication.translate("concepts", ...)`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from app import palette
from app.concepts.common import fmt
from model.unit_arithmetic import ConvArithmetic, DenseArithmetic, PoolArithmetic

CELL = "padding: 0px 2px; text-align: right;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("concepts", text)


def matrix_html(values: np.ndarray, mark: tuple[int, int] | None = None, digits: int = 2) -> str:
    """A small matrix as an HTML table, one cell (`mark`) in the accent colour."""
    rows = []
    for r, row in enumerate(np.atleast_2d(values)):
        cells = []
        for c, v in enumerate(row):
            style = CELL
            if mark == (r, c):
                style += f" color: {palette.ACCENT}; font-weight: bold;"
            cells.append(f'<td style="{style}">{fmt(v, digits)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table style="font-family: monospace;" cellspacing="0">' + "".join(rows) + "</table>"


def _side_by_side(*parts: str) -> str:
    cells = "".join(f'<td style="vertical-align: middle; padding: 2px;">{p}</td>' for p in parts)
    return f"<table><tr>{cells}</tr></table>"


def _activation_line(pre: float, activation: str, value: float) -> str:
    name = "ReLU" if activation == "relu" else "tanh"
    return f"{name}({fmt(pre, 4)}) = <b>{fmt(value, 4)}</b>"


def conv_html(a: ConvArithmetic, channel: int) -> str:
    """Patch ⊙ kernel = products for one input channel, then the sum over channels."""
    header = _tr("Input channel {c}: the 5x5 patch at row {r}, column {col} × the kernel")
    header = header.format(c=channel, r=a.origin[0], col=a.origin[1])
    grid = _side_by_side(
        matrix_html(a.patches[channel]),
        "×",
        matrix_html(a.kernels[channel]),
        "=",
        matrix_html(a.products[channel]),
    )
    lines = [f"<p>{header}</p>", grid]
    products = _tr("sum of the products = {s}").format(s=fmt(a.channel_sums[channel], 4))
    lines.append(f"<p>{products}</p>")
    if len(a.channel_sums) > 1:
        terms = " + ".join(fmt(s, 3) for s in a.channel_sums)
        lines.append(
            "<p>"
            + _tr("Sum over the {n} input channels: {terms} = {total}").format(
                n=len(a.channel_sums), terms=terms, total=fmt(a.channel_sums.sum(), 4)
            )
            + "</p>"
        )
    lines.append(
        "<p>"
        + _tr("plus bias {b} = {pre}; activation: ").format(
            b=fmt(a.bias, 4), pre=fmt(a.pre_activation, 4)
        )
        + _activation_line(a.pre_activation, a.activation, a.value)
        + "</p>"
    )
    return "".join(lines)


def pool_html(a: PoolArithmetic) -> str:
    """The 2x2 window and which value max pooling kept, or their mean."""
    header = _tr("The 2x2 window at row {r}, column {c} of the map below").format(
        r=a.origin[0], c=a.origin[1]
    )
    grid = matrix_html(a.window, a.kept, digits=4)
    if a.mode == "max":
        rule = _tr("Max pooling keeps the largest value: <b>{v}</b>").format(v=fmt(a.value, 4))
    else:
        terms = " + ".join(fmt(v, 3) for v in a.window.ravel())
        rule = _tr("Average pooling keeps the mean: ({terms}) / 4 = <b>{v}</b>").format(
            terms=terms, v=fmt(a.value, 4)
        )
    return f"<p>{header}</p>{grid}<p>{rule}</p>"


def dense_html(a: DenseArithmetic, input_layer: str) -> str:
    """The largest weight × input terms, the rest summed, bias, activation."""
    head = "".join(
        f'<th style="{CELL}">{t}</th>'
        for t in (_tr("input"), _tr("value"), _tr("weight"), _tr("weight × value"))
    )
    rows = [
        f'<tr><td style="{CELL}">{input_layer}[{i}]</td><td style="{CELL}">{fmt(x, 3)}</td>'
        f'<td style="{CELL}">{fmt(w, 3)}</td><td style="{CELL}">{fmt(p, 4)}</td></tr>'
        for i, x, w, p in zip(a.top_indices, a.top_inputs, a.top_weights, a.top_products)
    ]
    rest = _tr("the other {n} terms").format(n=a.rest_count)
    rows.append(
        f'<tr><td style="{CELL}" colspan="3">{rest}</td>'
        f'<td style="{CELL}">{fmt(a.rest_sum, 4)}</td></tr>'
    )
    table = f'<table style="font-family: monospace;" cellspacing="0"><tr>{head}</tr>'
    table += "".join(rows) + "</table>"
    total = _tr("sum {s} + bias {b} = {pre}; activation: ").format(
        s=fmt(a.pre_activation - a.bias, 4), b=fmt(a.bias, 4), pre=fmt(a.pre_activation, 4)
    )
    return f"{table}<p>{total}{_activation_line(a.pre_activation, a.activation, a.value)}</p>"
