"""Process-wide settings for the GUI, applied once at start-up.

One 32x32 forward pass gains nothing from several CPU threads, but torch's intra-op thread
pool stalls badly when the cores are busy (another process, a training run): measured on a
2-core machine under load, p95 predict time was ~55 ms with 2 threads and ~6 ms with 1.
So the app runs torch single-threaded, which keeps every stroke within a 60 Hz frame.
"""

from __future__ import annotations

import torch

INFERENCE_THREADS = 1


def configure_torch() -> None:
    """Single-threaded torch (process-wide): smooth live prediction on a busy machine."""
    torch.set_num_threads(INFERENCE_THREADS)
