"""Training ▸ Retrain…: retrain LeNet-5 on MNIST from the GUI (issue 4).

`dialog` composes the pieces: `form` (settings), `download` (the MNIST folder, and fetching it),
`worker` (the training loop on a QThread, via `threads`), `curves` (live loss and accuracy),
`data_cache` (MNIST kept between runs) and `cpu` (how many threads to train on).
`python -m app.retrain.bench` measures it.
"""

from app.retrain.dialog import RetrainDialog

__all__ = ["RetrainDialog"]
