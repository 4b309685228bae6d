"""The shared job protocol: progress, then exactly one outcome, then done; cancel is typed."""

from __future__ import annotations

import threading

import pytest

from app.core.jobs import Job, start_job
from model.errors import Cancelled, TrainingCancelled


class Counting(Job):
    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.fail = fail
        self.gate = threading.Event()

    def work(self) -> int:
        for i in range(3):
            self.report(i)
        if self.fail:
            raise ValueError("broken on purpose")
        while not self.gate.wait(0.01):
            self.check_cancel()
        return 42


def run(qtbot, job: Job, release: bool = True) -> list:
    events = []
    job.progress.connect(lambda v: events.append(("progress", v)))
    job.finished.connect(lambda v: events.append(("finished", v)))
    job.failed.connect(lambda e: events.append(("failed", e)))
    job.cancelled.connect(lambda: events.append(("cancelled",)))
    with qtbot.waitSignal(job.done, timeout=30_000):
        handle = start_job(job, "test-job")
        if release:
            job.gate.set()
        else:
            handle.cancel()
    handle.wait()
    assert not handle.thread.isRunning()
    return events


def test_progress_then_the_result(qtbot) -> None:
    events = run(qtbot, Counting())
    assert events == [("progress", 0), ("progress", 1), ("progress", 2), ("finished", 42)]


def test_a_failure_carries_the_exception(qtbot) -> None:
    events = run(qtbot, Counting(fail=True))
    kind, exc = events[-1]
    assert kind == "failed" and isinstance(exc, ValueError) and "on purpose" in str(exc)


def test_cancel_is_a_typed_outcome(qtbot) -> None:
    assert run(qtbot, Counting(), release=False)[-1] == ("cancelled",)
    assert issubclass(TrainingCancelled, Cancelled)
    with pytest.raises(Cancelled):
        job = Counting()
        job.cancel()
        job.check_cancel()


def test_a_slot_delivers_only_its_current_jobs_reports(qtbot) -> None:
    from app.core.jobs import JobOwner, JobSlot

    owner = JobOwner()
    slot = JobSlot("test-slot", owner=owner)
    results: list[object] = []
    ends: list[str] = []
    first, second = Counting(), Counting()
    slot.start(first, finished=results.append, done=lambda: ends.append("first"))
    slot.start(second, finished=results.append, done=lambda: ends.append("second"))
    assert slot.is_current(second) and not slot.is_current(first)  # the first was replaced
    with qtbot.waitSignal(second.done, timeout=30_000):
        second.gate.set()
    qtbot.waitUntil(lambda: not slot.running and owner.running() == [], timeout=30_000)
    assert results == [42] and ends == ["second"]  # nothing from the replaced job


def test_the_owner_stops_every_job_and_tells_its_slot(qtbot) -> None:
    from app.core.jobs import JobOwner, JobSlot

    owner = JobOwner()
    slots = [JobSlot(f"test-{i}", owner=owner) for i in range(2)]
    stopped: list[object] = []
    jobs = [Counting(), Counting()]
    for slot, job in zip(slots, jobs):
        slot.stopped.connect(stopped.append)
        with qtbot.waitSignal(job.progress, timeout=30_000):
            slot.start(job)
    handles = owner.running()
    assert len(handles) == 2
    owner.stop_all()
    assert not any(h.thread.isRunning() for h in handles) and owner.running() == []
    assert set(map(id, stopped)) == set(map(id, jobs))
    assert not any(slot.running for slot in slots)
