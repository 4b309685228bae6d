"""Opening a data set sample in the Draw workspace, read exactly as the gallery read it.

The canvas shows the sample's image, but the network input is the data set's own (not the
canvas's re-preprocessing of it, which can move a pixel and, rarely, flip a borderline digit):
every Draw panel is shown the prediction of that exact input through `session.show`, so the
digit there equals the gallery's. The true label appears beside the answer until the drawing
changes.
"""

from __future__ import annotations

import numpy as np

from app.core.context import AppContext
from app.core.workspaces import DRAW
from model.data.datasets import UNKNOWN
from model.network.inference import Prediction, Predictor


def sample_prediction(predictor: Predictor, image: np.ndarray) -> Prediction:
    """The prediction for one data set image ((32, 32) in [0, 1], ink 1) as the network sees it."""
    return predictor.predict_prepared(image)


def open_in_draw(context: AppContext, image: np.ndarray, label: int) -> Prediction:
    """Switch to Draw, put `image` on the canvas and show its exact prediction everywhere
    (read by the network reading the drawing: a previewed one while a preview runs)."""
    session = context.session
    prediction = sample_prediction(session.reader, image)
    context.go_to(DRAW)
    context.drawing.set_image(np.asarray(image, np.float32))
    session.refresh_now()
    context.sample_opened.emit(None if label == UNKNOWN else int(label), prediction)
    session.show(prediction)
    return prediction
