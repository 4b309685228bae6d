"""Shared steps of the Insight workspace tests: open it without the automatic 10k evaluation,
evaluate a small slice of MNIST test, click a confusion cell like a user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.insight.providers import DataSetSource
from model.data.datasets import from_mnist
from model.data.mnist import load_split

TIMEOUT = 180_000  # ms: a hang guard, not a measure (two test processes on two busy cores)


def subset_source(data_dir: Path, n: int = 400) -> DataSetSource:
    return DataSetSource(
        f"test-subset:{n}",
        f"MNIST test 0–{n - 1}",
        lambda _p, _c: from_mnist(
            load_split("test", data_dir), "MNIST test subset", f"mnist-test[0:{n}]", 0, n
        ),
    )


def open_insight(window, monkeypatch):
    from app.insight.workspace import InsightWorkspace

    monkeypatch.setattr(InsightWorkspace, "auto_evaluate", False)
    window.findChild(type(window.actions.undo), "actionInsight").trigger()
    workspace = window.findChild(InsightWorkspace, "insightWorkspace")
    assert workspace is not None and workspace.isVisible()
    return workspace


def evaluate(qtbot, workspace, source):
    with qtbot.waitSignal(workspace.evaluation_finished, timeout=TIMEOUT) as finished:
        workspace.evaluate(source)
    return finished.args[0]


def compare_with(qtbot, workspace, weights):
    """Open the Compare tab and compare the active model with the `weights` file: the result."""
    compare = workspace.compare
    workspace.tabs.setCurrentWidget(compare)
    with qtbot.waitSignal(compare.compared, timeout=TIMEOUT) as done:
        compare.compare_with(weights)
    return done.args[0]


def click(view, true: int | None, predicted: int | None) -> None:
    """A real left click on a confusion cell or header."""
    pos: QPoint = view.widget_pos(true, predicted)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
    )
