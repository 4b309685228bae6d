"""Opening a data set sample in the Draw workspace, read exactly as the gallery read it.

The canvas shows the sample's image, but the network input is the data set's own (not the
canvas's re-preprocessing of it, which can move a pixel and, rarely, flip a borderline digit):
every Draw panel is shown the prediction of that exact input through `session.show`, so the
digit there equals the gallery's. The true label appears beside the answer until the drawing
changes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from model.data.datasets import UNKNOWN
from model.network.inference import Prediction, Predictor


def sample_prediction(predictor: Predictor, image: np.ndarray) -> Prediction:
    """The prediction for one data set image ((32, 32) in [0, 1], ink 1) as the network sees it."""
    return predictor.predict_prepared(image)


def open_in_draw(window: Any, image: np.ndarray, label: int) -> Prediction:
    """Switch to Draw, put `image` on the canvas and show its exact prediction everywhere."""
    prediction = sample_prediction(window.session.predictor, image)
    window.switch_workspace("draw")
    window.canvas.set_image(np.asarray(image, np.float32))
    window.session.refresh_now()
    window.digit_panel.set_true_label(None if label == UNKNOWN else int(label), prediction)
    window.session.show(prediction)
    return prediction
