"""Saving a network that a tool just made (Retrain, Fine-tune): one path for both.

The file gets `.pt` if it has no suffix of that kind, is written atomically with its metadata
(`model.files.checkpoint.save_checkpoint`), and, when the network is the one in use, the window's
label follows the new file name (so it is remembered and no longer "unsaved").
"""

from __future__ import annotations

from pathlib import Path

from app.core.session import LiveSession
from model.files.checkpoint import Checkpoint, save_checkpoint


def save_result(session: LiveSession, checkpoint: Checkpoint, path: str | Path) -> Path:
    """Save `checkpoint` to `path` (`.pt` added). Raises `CheckpointError` naming the file."""
    path = Path(path)
    if path.suffix != ".pt":
        path = path.with_name(path.name + ".pt")
    saved = save_checkpoint(checkpoint, path)
    checkpoint.path = saved
    if session.predictor.checkpoint is checkpoint:  # in use: name the file
        session.set_predictor(session.predictor, label=saved.name)
    return saved
