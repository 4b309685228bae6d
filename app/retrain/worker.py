"""The retrain job: `model.training.loop.train` as an `app.core.jobs.Job`, reporting through Qt
signals.

The training loop itself is Qt-free; this module only adapts its callbacks to signals, so no
view touches a tensor and the GUI thread never blocks on training. The outcome protocol is the
shared one (`app.core.jobs`): `progress` carries lists of `BatchProgress`, and the job adds `stage`,
`epoch_result` and `snapshot`. Nothing here writes to disk: a trained network reaches a file only
when the user chooses "Save…", so stopping at any moment can never leave a half-written file.

The data are the command-line recipe's (model/cli/train.py), through the same functions: the
training writers of every pen source found (`PenSources.digits(TRAIN, config.pen_sources)`),
drawn by the fast pen pool (`model.training.pools.digit_pool`), and, when the model config asks
for the "not a digit" head, the training writers' non-digit-like letters and symbols plus
generated marks (`nondigit_pool`). After training, `model.cli.train_report.measure` fits the
temperature and chooses the "not a digit" threshold on the pen sources' validation writers, as
the shipped weights' were, so a retrained network's "Unsure" and "Not a digit?" mean the same.
"""

from __future__ import annotations

import copy
import logging
import math
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication, Signal

from app.core.cpu import training_threads
from app.core.data_cache import DATA_CACHE, file_identity
from app.core.jobs import Job
from app.data.pen_sources import cached_pen_sources
from app.retrain.devices import describe
from model.cli.train_report import measure
from model.config import ModelConfig, Normalization, TrainConfig
from model.data.mnist import FILES, MnistSplit
from model.data.pen_digits import spread_subset
from model.data.pen_sample import UCI
from model.data.pen_sources import PenSources
from model.data.pen_split import TRAIN
from model.errors import TrainingCancelled
from model.files.checkpoint import Checkpoint
from model.network.architecture import Architecture
from model.network.inference import Predictor
from model.network.lenet import LeNet5
from model.network.verdict import THRESHOLD_KEY
from model.training.design import train_design
from model.training.loop import (
    BatchProgress,
    EpochResult,
    TrainingData,
    accuracy,
    resolve_device,
    train,
)
from model.training.pools import digit_pool, nondigit_pool
from model.training.replay import include_drawings

log = logging.getLogger(__name__)

#: Phases a run reports through `RetrainJob.stage(phase, text)`.
LOADING, TRAINING, EVALUATING = "loading", "training", "evaluating"

#: Progress signals are coalesced to at most one per this many seconds (plus each epoch's last
#: batch). Each one repaints the curves on the GUI thread, which holds the GIL meanwhile and so
#: pauses training: at 20 Hz the GUI's p95 stall was ~31 ms and an epoch ~25% slower; at 5 Hz
#: the stall p95 is ~1-2 ms and the curves still look live.
BATCH_SIGNAL_INTERVAL = 0.2

#: While a pen pool is drawn (before the first batch), how often the bar moves at most.
PREPARING_INTERVAL_S = 0.1

#: The data cache's kind for a drawn non-digit pool (one kept, like the pen pool).
NONDIGIT_POOL = "nondigit-pool"

#: With the preview on, a snapshot of the network at most this often: copying it takes about a
#: millisecond and the GUI's forward pass about as long, so training barely notices.
PREVIEW_INTERVAL = 1.0


@dataclass(frozen=True)
class RetrainRequest:
    """Everything one retrain needs; the dialog builds it from its form."""

    data_dir: Path
    train_config: TrainConfig
    model_config: ModelConfig
    #: The active network, evaluated on the same test images at the end so that "new vs old"
    #: compares like with like (a subset run must not be compared to a full-test-set figure).
    baseline: Checkpoint | None = None
    #: torch intra-op threads while training (None: `training_threads()` decides at start).
    torch_threads: int | None = None
    #: kept drawings (model.data.collection.Drawing) to mix into training: "include my drawings"
    drawings: tuple = ()
    #: The UCI pen-digit file (`model.data.pen_digits.find_pen_file`); None: without the UCI
    #: writers (UNIPEN's, where found, are used either way; none at all: MNIST alone).
    pen_file: Path | None = None
    #: "auto", "cpu", "cuda" or "mps" (`model.training.loop.resolve_device`).
    device: str = "auto"
    #: A design of the architecture lab to train instead of `model_config`'s LeNet-5
    #: (`model.training.design.train_design`); None: LeNet-5.
    architecture: Architecture | None = None


@dataclass
class RetrainOutcome:
    """A finished run: the new network, and both accuracies on the same test images."""

    checkpoint: Checkpoint
    history: list[EpochResult] = field(default_factory=list)
    baseline_accuracy: float | None = None
    test_images: int = 0
    seconds: float = 0.0
    threads: int = 1
    pen_digits: int = 0  # real pen digits trained on beside MNIST (0: MNIST alone)
    device: str = "cpu"  # where it trained: "cpu", "cuda" or "mps"
    nondigits: int = 0  # letters, symbols and marks the "not a digit" head learnt from

    @property
    def test_accuracy(self) -> float:
        return float(self.checkpoint.metadata["test_accuracy"])


class RetrainJob(Job):
    """Loads MNIST, trains, and reports; the result is a `RetrainOutcome`."""

    stage = Signal(str, str)  # phase (LOADING, TRAINING, EVALUATING), human-readable text
    preparing = Signal(float)  # fraction of the pool the stage line names drawn so far
    epoch_result = Signal(object)  # EpochResult
    snapshot = Signal(object)  # Predictor on a frozen copy of the network (preview)

    def __init__(self, request: RetrainRequest) -> None:
        super().__init__()
        self.request = request
        self._preview = threading.Event()
        self._pending: list[BatchProgress] = []
        self._last_emit = 0.0
        self._normalization = Normalization()
        self._live_model: LeNet5 | None = None  # the network in training, once it exists
        self._last_snapshot = 0.0
        self._epochs_done = 0.0
        self._last_preparing = 0.0

    def set_preview(self, enabled: bool) -> None:
        """Emit `snapshot` only while someone is watching (thread-safe)."""
        if enabled:
            self._preview.set()
        else:
            self._preview.clear()

    def work(self) -> RetrainOutcome:
        threads = torch.get_num_threads()
        try:
            torch.set_num_threads(self.request.torch_threads or training_threads())
            return self._run()
        finally:
            torch.set_num_threads(threads)

    def _run(self) -> None:
        request, config = self.request, self.request.train_config
        start = time.perf_counter()
        data = self._load(request.data_dir, config)
        pens = self._pen_sources(request)
        pen_digits = self._add_pen(data, request, pens)
        nondigits = self._add_nondigits(data, request, pens)
        if request.drawings:  # on a copy: the cached MNIST stays without them
            data = replace(data)
            include_drawings(data, request.drawings, cancel=self._should_cancel)
            self._check_cancel()
        # The statistics `train` computes: a preview must scale its input identically.
        self._normalization = data.normalization()
        threads = torch.get_num_threads()
        device = resolve_device(request.device)
        self.stage.emit(TRAINING, training_text(device, threads, pen_digits, nondigits))
        callbacks = dict(
            on_batch=self._on_batch,
            on_epoch=self._on_epoch,
            should_cancel=self._should_cancel,
            on_start=self._on_start,
            device=device,
        )
        if request.architecture is None:
            result = train(data, config, request.model_config, **callbacks)
        else:
            result = train_design(data, request.architecture, config, **callbacks)
        self._flush()
        checkpoint = result.checkpoint
        if pens is not None and pen_digits:
            self.stage.emit(
                EVALUATING,
                self.tr("Calibrating on the pen validation writers (never trained on)…"),
            )
            calibrate(checkpoint, pens)
        baseline = None
        if request.baseline is not None:
            self.stage.emit(EVALUATING, self.tr("Evaluating the active model…"))
            baseline = baseline_accuracy(request.baseline, data)
        return RetrainOutcome(
            checkpoint,
            result.history,
            baseline,
            len(data.test_x),
            time.perf_counter() - start,
            torch.get_num_threads(),
            pen_digits,
            device.type,
            nondigits,
        )

    def _load(self, data_dir: Path, config: TrainConfig) -> TrainingData:
        """MNIST from the shared cache (read once per session; shared with Fine-tune)."""
        return DATA_CACHE.training_data(
            data_dir,
            config,
            check_cancel=self._check_cancel,
            on_load=lambda: self.stage.emit(LOADING, self.tr("Loading MNIST…")),
        )

    def _pen_sources(self, request: RetrainRequest) -> PenSources | None:
        """Every pen source found, read once a session (app/data/pen_sources.py); None when the
        run uses no pen data."""
        if request.train_config.pen_fraction <= 0:
            return None
        self.stage.emit(LOADING, self.tr("Reading the real pen writing…"))
        pens = cached_pen_sources(request.pen_file)
        self._check_cancel()
        return pens if pens.samples else None

    def _add_pen(self, data: TrainingData, request: RetrainRequest, pens: PenSources | None) -> int:
        """Give `data` this run's drawn pen digits (or none); how many digits they are.

        Drawn once and kept in the shared data cache beside MNIST; only the training writers'
        digits of every source found, never the validation and test writers the figures are
        measured on."""
        config = request.train_config
        data.pen_x = data.pen_y = data.pen_key = None
        if pens is None:
            return 0
        digits = spread_subset(pens.digits(TRAIN, run_sources(request)), pen_subset(config))
        if not digits:
            return 0
        key = pen_pool_key(pens, request)

        def draw() -> tuple[torch.Tensor, torch.Tensor]:
            text = self.tr("Drawing {0:,} real pen digits like the canvas…")
            self.stage.emit(LOADING, text.format(len(digits)))
            return digit_pool(digits, config, config.seed, self.is_cancel_requested, self._on_drawn)

        pool = DATA_CACHE.pen_pool(key, draw)
        self._check_cancel()
        data.pen_x, data.pen_y = pool
        data.pen_key = (config.pen_variants, config.seed)
        return len(digits)

    def _add_nondigits(
        self, data: TrainingData, request: RetrainRequest, pens: PenSources | None
    ) -> int:
        """With the "not a digit" head asked for (and validation writers to choose its
        threshold on): the CLI recipe's non-digits, drawn once per session; how many."""
        config = request.train_config
        data.nondigit_x = data.nondigit_key = None
        if pens is None or not request.model_config.reject_head or config.nondigit_fraction <= 0:
            return 0
        letters = [s for s in pens.nondigits(TRAIN) if not s.digit_like]
        share = (
            None
            if config.train_subset is None
            else config.train_subset / FILES["train_labels"].shape[0]
        )
        if share is not None:  # a quick run: the pool shrinks with MNIST, as the CLI's does
            letters = spread_subset(letters, max(1, round(share * len(letters))))
            config = replace(config, marks=max(1, round(config.marks * share)))
        key = (
            pen_files_key(pens),
            len(letters),
            config.letter_variants,
            config.marks,
            config.seed,
        )

        def draw() -> torch.Tensor:
            text = self.tr("Drawing {0:,} letters, symbols and marks that are not digits…")
            self.stage.emit(
                LOADING, text.format(len(letters) * config.letter_variants + config.marks)
            )
            return nondigit_pool(
                letters, config, config.seed, self.is_cancel_requested, self._on_drawn
            )

        pool = DATA_CACHE.get_or_load(NONDIGIT_POOL, key, draw)
        self._check_cancel()
        if not len(pool):
            return 0
        data.add_nondigits(pool, key)
        return len(pool)

    def _on_drawn(self, done: int, total: int) -> None:
        """How far a pool is drawn, at most ten times a second (and always at its end)."""
        now = time.perf_counter()
        if done < total and now - self._last_preparing < PREPARING_INTERVAL_S:
            return
        self._last_preparing = now
        self.preparing.emit(done / total if total else 1.0)

    def _check_cancel(self) -> None:
        if self.is_cancel_requested():
            raise TrainingCancelled("training cancelled")

    def _should_cancel(self) -> bool:
        # Yield the interpreter once per batch, so the GUI thread's slots get the GIL promptly
        # instead of waiting out the switch interval behind the training loop.
        time.sleep(0)
        return self.is_cancel_requested()

    def _on_batch(self, progress: BatchProgress) -> None:
        self._pending.append(progress)
        self._epochs_done = progress.epoch - 1 + progress.batch / progress.batches
        now = time.perf_counter()
        if progress.batch == progress.batches or now - self._last_emit >= BATCH_SIGNAL_INTERVAL:
            self._flush()
            self._last_emit = now
        # `train` hands out its network at the start; the same object keeps learning.
        if (
            self._live_model is not None
            and self._preview.is_set()
            and now - self._last_snapshot >= PREVIEW_INTERVAL
        ):
            self._emit_snapshot(self._live_model)

    def _flush(self) -> None:
        if self._pending:
            self.report(self._pending)
            self._pending = []

    def _on_start(self, model: LeNet5) -> None:
        self._live_model = model

    def _on_epoch(self, result: EpochResult, model: LeNet5) -> None:
        self._flush()
        self.epoch_result.emit(result)
        self._epochs_done = float(result.epoch)
        if self._preview.is_set():
            self._emit_snapshot(model)

    def _emit_snapshot(self, model: LeNet5) -> None:
        self._last_snapshot = time.perf_counter()
        metadata = {"preview": True, "epochs_done": round(self._epochs_done, 1)}
        preview = Checkpoint(frozen_copy(model), self._normalization, metadata)
        self.snapshot.emit(Predictor(preview))


def pen_subset(config: TrainConfig) -> int | None:
    """How many pen digits a run on a subset of MNIST draws: the same share of the batches
    from a proportionally smaller pool (None: all of them)."""
    if config.train_subset is None:
        return None
    share = config.pen_fraction / (1.0 - config.pen_fraction)
    return max(1, math.ceil(config.train_subset * share / config.pen_variants))


def pen_files_key(pens: PenSources) -> tuple:
    """The identities (path, size, time) of the pen files a pool was drawn from."""
    return tuple(sorted((name, file_identity(path)) for name, path in pens.files.items()))


def pen_pool_key(pens: PenSources, request: RetrainRequest) -> tuple:
    """A drawn pen pool depends on the files, the sources, the variants, the seed and the
    subset."""
    config = request.train_config
    return (
        pen_files_key(pens),
        run_sources(request),
        config.pen_variants,
        config.unipen_variants,
        config.seed,
        config.train_subset,
    )


def run_sources(request: RetrainRequest) -> tuple[str, ...]:
    """The pen sources a run draws from: the config's, less UCI when the row has no UCI file."""
    sources = request.train_config.pen_sources
    return tuple(s for s in sources if s != UCI or request.pen_file is not None)


def calibrate(checkpoint: Checkpoint, pens: PenSources) -> None:
    """Temperature and "not a digit" threshold fitted on the pen sources' validation writers
    (`model.cli.train_report.measure`, quick: a couple of hundred samples a set, validation
    only: the test writers, marks and letters the dialog does not show are not drawn), into the
    checkpoint's metadata. `measure` prints its figures to stderr, as the CLI shows them (not
    redirected: swapping `sys.stderr` from a worker thread would swap it for every thread)."""
    none = MnistSplit(np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64))
    measure(checkpoint, pens, none, quick=True, validation_only=True)
    meta = checkpoint.metadata
    log.info(
        "retrain calibrated: temperature %s, 'not a digit' threshold %s",
        meta.get("temperature"),
        meta.get(THRESHOLD_KEY),
    )


def training_text(device: torch.device, threads: int, pen_digits: int, nondigits: int = 0) -> str:
    """What the stage line says while training: the device, and the data in words."""
    if pen_digits and nondigits:
        data = QCoreApplication.translate(
            "RetrainJob", "MNIST, {0:,} real pen digits and {1:,} non-digits"
        ).format(pen_digits, nondigits)
    elif pen_digits:
        data = QCoreApplication.translate("RetrainJob", "MNIST and {0:,} real pen digits").format(
            pen_digits
        )
    else:
        data = QCoreApplication.translate(
            "RetrainJob", "No real pen digits found: training on MNIST alone"
        )
    return QCoreApplication.translate("RetrainJob", "{0} · {1}…").format(
        describe(device, threads), data
    )


def baseline_accuracy(baseline: Checkpoint, data: TrainingData) -> float:
    """The active model's accuracy on the run's test images.

    A checkpoint records its accuracy on the full test set; when the run uses that same full
    set, the recorded figure is the answer and saves a pass over 10,000 images.
    """
    recorded = baseline.metadata.get("test_accuracy")
    full = len(data.test_x) == FILES["test_labels"].shape[0]
    if recorded is not None and full and baseline.metadata.get("test_images") == len(data.test_x):
        return float(recorded)
    return accuracy(baseline.model, data.test_x, data.test_y, baseline.normalization)


def frozen_copy(model: LeNet5) -> LeNet5:
    """An eval-mode copy the GUI thread can run while training keeps changing the original."""
    clone = copy.deepcopy(model).cpu().eval()  # the GUI reads on the CPU, wherever it trained
    for p in clone.parameters():
        p.requires_grad_(False)
    return clone
