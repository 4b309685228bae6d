"""The app's log: a small rotating file in the per-user state folder.

Workers and slots log what went wrong with its traceback (`logging.getLogger(__name__)`); the
user sees a sentence and a "Show Details…" button (`app.shell.error_boxes`), and a bug report can
attach
this file. At most about 1.5 MB: three files of 512 KB.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from model.files.user_dirs import user_state_dir

LOG_NAME = "lenet-lens.log"
MAX_BYTES = 512 * 1024
BACKUPS = 2
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_path(directory: Path | None = None) -> Path:
    return (directory or user_state_dir()) / LOG_NAME


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the app's and the model's records to the rotating log file; its path, or None.

    A folder that cannot be written (read-only home, full disk) must not stop the app: the
    records then go nowhere but stderr's warnings.
    """
    path = log_path(directory)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file at %s: %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    for name in ("app", "model"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
            logger.addHandler(handler)
    return path
