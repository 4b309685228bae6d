"""Training ▸ Retrain…: retrain LeNet-5 on MNIST from the GUI (issue 4).

`dialog` composes the pieces: `form` (settings), `download` (the MNIST folder, and fetching it),
`worker` (the training loop on a QThread) and `curves` (live loss and accuracy plots).
"""

from app.retrain.dialog import RetrainDialog

__all__ = ["RetrainDialog"]
