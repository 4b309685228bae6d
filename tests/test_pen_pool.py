"""Drawing the pen-digit pool can be stopped and followed, and quick runs draw a spread subset."""

from __future__ import annotations

import numpy as np
import pytest

from model.data.pen_digits import POOL_CHUNK, render_training_pool, spread_subset
from model.data.unipen_text import PenDigit
from model.errors import Cancelled


def digits(n: int) -> list[PenDigit]:
    stroke = (np.array([[250, 450], [250, 50]], np.float32),)
    return [PenDigit(1, 1 + i % 20, i, stroke) for i in range(n)]


def test_the_pool_stops_at_the_next_chunk_when_asked() -> None:
    seen: list[tuple[int, int]] = []
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # the first chunk is drawn, the second is refused

    with pytest.raises(Cancelled, match="cancelled"):
        render_training_pool(
            digits(POOL_CHUNK + 5),
            1,
            should_cancel=cancel,
            on_progress=lambda d, t: seen.append((d, t)),
        )
    assert seen == [(0, POOL_CHUNK + 5)]


def test_progress_reaches_the_end_and_the_pool_is_complete() -> None:
    seen: list[tuple[int, int]] = []
    pool = render_training_pool(digits(10), 2, on_progress=lambda d, t: seen.append((d, t)))
    assert len(pool.labels) == 20 and seen[-1] == (10, 10)


def test_spread_subset_keeps_every_part_of_the_list() -> None:
    all_digits = digits(100)
    picked = spread_subset(all_digits, 10)
    assert len(picked) == 10 and picked[0] is all_digits[0] and picked[-1] is all_digits[-1]
    assert spread_subset(all_digits, None) == all_digits
    assert spread_subset(all_digits, 500) == all_digits


def test_the_digit_pool_counts_every_source_to_the_end() -> None:
    """Retrain's bar follows the pen pool being drawn (issue 19, item 16): one count over the
    UCI and UNIPEN digits together, rising to the total."""
    from model.config import TrainConfig
    from model.data.pen_sample import UCI, UNIPEN, PenSample
    from model.training.pools import digit_pool

    stroke = (np.array([[250, 50], [250, 450]], np.float32),)
    samples = [PenSample(i % 10, f"w{i}", UCI, UCI, stroke) for i in range(POOL_CHUNK + 3)]
    samples += [PenSample(i % 10, f"u{i}", UNIPEN, "aga", stroke) for i in range(7)]
    seen: list[tuple[int, int]] = []
    config = TrainConfig(pen_variants=1, unipen_variants=1)
    x, y = digit_pool(samples, config, on_progress=lambda d, t: seen.append((d, t)))
    total = POOL_CHUNK + 10
    assert len(y) == total and seen[-1] == (total, total)
    assert {t for _, t in seen} == {total}
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
