"""The one contract every panel follows, so the window can treat all panels alike.

A panel is a QWidget with two slots: `show_result(result)` for each reading of the drawing
(called at most once per display frame, so it must be cheap: update items in place) and
`set_model(predictor)` when the active model changes (kernels, normalisation). The session
connects both (`LiveSession.attach`) and brings a new panel up to date at once.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from model.network.inference import Prediction, Predictor


@runtime_checkable
class Panel(Protocol):
    def show_result(self, result: Prediction) -> None: ...
    def set_model(self, predictor: Predictor) -> None: ...


class ResultOnly:
    """Mixin for panels that do not depend on the model (most of them)."""

    def set_model(self, predictor: Predictor) -> None:  # the contract; nothing to do
        return None
