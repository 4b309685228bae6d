"""Training ▸ Retrain…: retrain LeNet-5 on MNIST from the GUI (issue 4).

`dialog` is the view; `run` holds the state machine (idle, loading, training, finished, failed,
cancelled) and drives `worker.RetrainJob` (the training loop as an `app.core.jobs.Job`); `form`
(settings) and `curves` (live loss and accuracy) are its widgets. The MNIST folder row, its
download and the data cache are shared (`app.data`); `tools/retrain_bench.py` measures it.
"""

from app.retrain.dialog import RetrainDialog

__all__ = ["RetrainDialog"]
