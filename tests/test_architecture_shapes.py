"""The lab's table says what torch builds: shapes and parameter counts of every preset and of
200 random valid designs equal those of the built module on a zero input."""

from __future__ import annotations

import random

import pytest
import torch

from model.analysis.shapes import activation_shapes, receptive_fields, shape_table
from model.network.architecture import (
    PRESETS,
    Architecture,
    ConvStage,
    Dense,
    Pooling,
)
from model.network.builder import REJECT_SUPPORTED, build

pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


def random_design(rng: random.Random) -> Architecture:
    stages = []
    for _ in range(rng.randint(0, 4)):
        kernel = rng.choice([1, 2, 3, 3, 4, 5, 5, 7])
        padding = rng.choice(["valid", "valid", "same", 0, 1, 2])
        if padding == "same" and kernel % 2 == 0:
            padding = "valid"
        if isinstance(padding, int):
            padding = min(padding, kernel - 1)
        pooling = None
        if rng.random() < 0.6:
            size = rng.choice([2, 2, 3])
            pooling = Pooling(rng.choice(["max", "avg"]), size, rng.choice([size, 1, 2]))
        stages.append(
            ConvStage(
                channels=rng.choice([1, 2, 4, 6, 8, 16, 32]),
                kernel=kernel,
                padding=padding,
                stride=rng.choice([1, 1, 1, 2, 3]),
                activation=rng.choice(["relu", "tanh", "sigmoid"]),
                pooling=pooling,
            )
        )
    dense = tuple(
        Dense(rng.choice([1, 10, 32, 84, 120, 300]), rng.choice(["relu", "tanh"]), 0.1)
        for _ in range(rng.randint(0, 3))
    )
    return Architecture(
        tuple(stages), dense, rng.choice([0.0, 0.2]), REJECT_SUPPORTED and rng.random() < 0.2
    )


def valid_designs(count: int, seed: int = 22) -> list[Architecture]:
    rng, found = random.Random(seed), []
    while len(found) < count:
        design = random_design(rng)
        if design.is_valid:
            found.append(design)
    return found


def assert_table_matches_torch(design: Architecture) -> None:
    table = shape_table(design)
    assert table.ok, table.problems
    net = build(design).eval()
    with torch.no_grad():
        out = net(torch.zeros(1, 1, 32, 32))
    built = {name: tuple(a.shape[1:]) for name, a in out.activations.items()}
    assert built == activation_shapes(design)
    assert list(built) == list(design.layer_names())
    assert tuple(out.logits.shape) == (1, 10)
    assert table.total_params == sum(p.numel() for p in net.parameters())
    for row in table.rows:  # each layer's own count, not just the total
        if row.kind == "conv":
            module = getattr(net, row.name.lower())
        elif row.kind == "dense":
            module = getattr(net, row.name.lower())
        elif row.kind in ("output", "reject"):
            module = net.out if row.kind == "output" else net.reject
        else:
            continue
        assert row.params == sum(p.numel() for p in module.parameters()), row.name


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_table_equals_what_torch_builds(name):
    assert_table_matches_torch(PRESETS[name])


def test_random_valid_designs_table_equals_what_torch_builds():
    torch.manual_seed(0)
    designs = valid_designs(200)
    assert len({d.to_dict().__repr__() for d in designs}) > 150  # really 200 different designs
    for design in designs:
        assert_table_matches_torch(design)


def test_lenet5_table_reads_as_the_tutorial_counts():
    table = shape_table(PRESETS["lenet5_shipped"])
    c1, c2 = table.row("C1"), table.row("C2")
    assert c1.formula == "⌊(32 + 2×0 − 5) / 1⌋ + 1 = 28"
    assert c1.params_formula == "6 × (1 × 5 × 5) + 6 = 156"
    assert c2.params == 2416 and table.row("F5").params == 48120
    assert table.row("S2").formula == "⌊(10 − 2) / 2⌋ + 1 = 5"
    assert table.row("flatten").shape == (400,)
    assert table.total_params == 61706
    assert table.total_macs == 117600 + 240000 + 48000 + 10080 + 840
    assert receptive_fields(PRESETS["lenet5_shipped"])["S2"].size == 16
    assert receptive_fields(PRESETS["lenet5_shipped"])["S2"].jump == 4


def test_same_padding_keeps_the_map_and_the_field_starts_outside():
    table = shape_table(PRESETS["kernels3_same"])
    assert table.row("C1").shape == (6, 32, 32)
    assert table.row("C1").formula == "⌊(32 + 2×1 − 3) / 1⌋ + 1 = 32"
    field = table.row("C2").receptive_field
    assert (field.size, field.jump, field.start) == (8, 2, -3)
    assert field.unit(1, 2) == (-1, 1, 8)


def test_stride_two_without_pooling_gives_lenets_pooled_shapes():
    shapes = activation_shapes(PRESETS["no_pooling_stride2"])
    assert shapes == {"C1": (6, 14, 14), "C2": (16, 5, 5), "F5": (120,), "F6": (84,)}


def test_table_of_an_impossible_design_stops_at_the_failing_layer():
    design = Architecture(
        stages=(
            ConvStage(6, 5, pooling=Pooling()),
            ConvStage(16, 5, pooling=Pooling()),
            ConvStage(16, 7),
        ),
        dense=(Dense(84),),
    )
    table = shape_table(design)
    assert not table.ok
    c3 = table.row("C3")
    assert c3.shape is None and c3.problem.id == "map_too_small"
    assert c3.problem.args["size"] == -1 and c3.formula.endswith("= -1")
    assert table.row("S2").shape == (16, 5, 5)
    assert table.row("flatten").shape is None
