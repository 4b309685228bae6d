"""The GUI's pure helpers: mosaic hit-testing, the frame throttle and the colour scales."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.throttle import FrameThrottle
from app.widgets.mosaic import grid_for
from app.widgets.plot_style import activation_levels, held_levels, nice_ceiling, symmetric_levels


def test_grid_locate_finds_tiles_and_skips_gaps() -> None:
    grid = grid_for(6, 5, 5, 4, gap=1)  # 2 rows of 4 slots, the last two empty
    assert grid.shape == (11, 23)
    assert grid.locate(0, 0) == (0, 0, 0)
    assert grid.locate(4.9, 4.9) == (0, 4, 4)
    assert grid.locate(2, 5) is None  # the gap column
    assert grid.locate(6, 7) == (5, 0, 1)  # second row, second tile
    assert grid.locate(6, 13) is None  # slot 6: beyond `count`
    assert grid.locate(-0.5, 2) is None and grid.locate(2, 100) is None
    for index in range(grid.count):  # origin and locate agree
        top, left = grid.origin(index)
        assert grid.locate(top + 1, left + 2) == (index, 1, 2)


def test_colour_scales_snap_to_round_numbers_and_include_zero() -> None:
    assert [nice_ceiling(v) for v in (0.0, 0.7, 1.0, 1.2, 2.1, 7.0, 9.5)] == pytest.approx(
        [
            0.0,
            0.8,
            1.0,
            1.5,
            3.0,
            8.0,
            10.0,
        ]
    )
    assert activation_levels(np.array([0.2, 3.4])) == (0.0, 4.0)
    assert activation_levels(np.array([-0.25, 1.1])) == pytest.approx((-0.3, 1.5))
    assert activation_levels(np.zeros(5)) == (0.0, 1.0)  # a blank map still has a scale
    assert symmetric_levels(np.array([-2.0, 0.5])) == (-2.0, 2.0)


def test_a_colour_scale_holds_while_a_growing_stroke_wanders_around_a_round_number() -> None:
    """The maps' colours stay comparable frame to frame: 5.2, 4.9, 5.6 keep one scale (6),
    the scale grows when the maps outgrow it and shrinks when they use less than half of it."""
    scale = held_levels(None, np.array([0.0, 5.2]))
    assert scale == (0.0, 6.0)
    for peak in (4.9, 5.6, 3.1, 6.0):
        assert held_levels(scale, np.array([0.0, peak])) == scale
    assert held_levels(scale, np.array([0.0, 6.5])) == (0.0, 8.0)  # outgrown
    assert held_levels(scale, np.array([0.0, 2.9])) == (0.0, 3.0)  # less than half
    assert held_levels(scale, np.zeros(4)) == (0.0, 1.0)  # blank: its own scale
    signed = held_levels(None, np.array([-1.8, 0.9]))
    assert signed == (-2.0, 1.0)
    assert held_levels(signed, np.array([-1.2, 0.7])) == signed
    assert held_levels(signed, np.array([-0.4, 0.7])) == activation_levels(np.array([-0.4, 0.7]))


def test_frame_throttle_coalesces_a_burst_into_one_call(qtbot) -> None:
    calls = []
    throttle = FrameThrottle(lambda: calls.append(1), frame_ms=16)
    for _ in range(50):
        throttle.request()
    assert throttle.pending and calls == []
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    assert not throttle.pending
    throttle.request()
    throttle.flush()  # a pending refresh runs at once when asked
    assert len(calls) == 2
    throttle.flush()  # nothing pending: nothing runs
    assert len(calls) == 2


@pytest.mark.parametrize("frame_ms", [16, 50])
def test_frame_throttle_never_drops_the_last_request(qtbot, frame_ms: int) -> None:
    calls = []
    throttle = FrameThrottle(lambda: calls.append(1), frame_ms=frame_ms)
    throttle.request()
    throttle.flush()
    throttle.request()  # right after a refresh: waits for the frame, then runs
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)


def test_an_eager_request_after_a_pause_runs_at_once_and_a_burst_waits(qtbot) -> None:
    calls = []
    throttle = FrameThrottle(lambda: calls.append(1), frame_ms=10_000)  # a frame no test outlasts
    throttle.request(eager=True)  # nothing ran before: at once, in this call
    assert calls == [1] and not throttle.pending
    throttle.request(eager=True)  # within the frame: coalesced, not run
    throttle.request(eager=True)
    assert calls == [1] and throttle.pending
    throttle.forget()  # e.g. another network: the next eager request does not wait
    throttle.request(eager=True)  # runs the burst's pending refresh, its timer stopped
    assert calls == [1, 1] and not throttle.pending
