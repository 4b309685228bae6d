"""The one writer-disjoint split of every pen source: no writer on two sides, every source and
contributor held out, and the same split whatever order the samples come in."""

from __future__ import annotations

import numpy as np
import pytest

from model.data.pen_sample import UCI, UNIPEN, PenSample, uci_writer
from model.data.pen_sources import load_pen_sources
from model.data.pen_split import (
    SIDES,
    TEST,
    TRAIN,
    UCI_TEST_WRITERS,
    UCI_VALIDATION_WRITERS,
    VALIDATION,
    held_count,
    make_split,
)

STROKE = (np.zeros((2, 2), np.float32),)


def synthetic() -> list[PenSample]:
    out = [PenSample(w % 10, uci_writer(w), UCI, UCI, STROKE) for w in range(1, 31)]
    for contributor, n in (("aga", 14), ("apa", 9), ("gmd", 3), ("val", 2)):
        for i in range(n):
            w = f"{contributor}/w{i}"
            out.append(PenSample(i % 10, w, UNIPEN, contributor, STROKE))
            out.append(PenSample("A", w, UNIPEN, contributor, STROKE, False, "letter"))
    for i in range(5):  # a contributor with letters only
        out.append(PenSample("e", f"lav/l{i}", UNIPEN, "lav", STROKE, False, "letter"))
    return out


def test_no_writer_on_two_sides_and_every_source_held_out() -> None:
    samples = synthetic()
    split = make_split(samples)
    sides_of: dict[str, set[str]] = {}
    for s in samples:
        sides_of.setdefault(s.writer, set()).add(split.side(s))
    assert all(len(v) == 1 for v in sides_of.values())  # a writer's digits and letters together
    assert split.writers(TEST, UCI) == sorted(uci_writer(w) for w in UCI_TEST_WRITERS)
    assert split.writers(VALIDATION, UCI) == sorted(uci_writer(w) for w in UCI_VALIDATION_WRITERS)
    for contributor, n in (("aga", 14), ("apa", 9), ("gmd", 3), ("lav", 5)):
        for side in (TEST, VALIDATION):
            mine = [w for w in split.writers(side, UNIPEN) if w.startswith(contributor + "/")]
            assert len(mine) == held_count(n) >= 1, (contributor, side)
    assert all(split.sides[f"val/w{i}"] == TRAIN for i in range(2))  # too few to hold out


def test_the_split_does_not_depend_on_sample_order() -> None:
    samples = synthetic()
    shuffled = [samples[i] for i in np.random.default_rng(3).permutation(len(samples))]
    assert make_split(samples).sides == make_split(shuffled).sides


def test_the_real_sources_split_disjointly_with_validation_writers_everywhere() -> None:
    sources = load_pen_sources()
    if sources.missing:
        pytest.skip(f"pen data missing: {sources.missing}")
    split = sources.split
    sets = {side: set(split.writers(side)) for side in SIDES}
    assert not (sets[TRAIN] & sets[VALIDATION] or sets[TRAIN] & sets[TEST])
    assert not sets[VALIDATION] & sets[TEST]
    for source in (UCI, UNIPEN):
        assert sources.digits(VALIDATION, (source,)) and sources.digits(TEST, (source,))
    assert sources.nondigits(VALIDATION) and sources.nondigits(TEST)
    # every UNIPEN contributor with 3 or more digit writers has validation digits
    for contributor in ("aga", "apa", "app", "gmd", "pri", "syn"):
        val = [s for s in sources.digits(VALIDATION, (UNIPEN,)) if s.contributor == contributor]
        assert val, contributor
    # the rule is stable: these ids were chosen by it when it was written (README)
    assert split.writers(TEST, UNIPEN)[:3] == ["aga/amywldrp", "aga/lzbthwht", "apa/IanFelix"]
