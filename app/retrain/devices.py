"""Where a retrain runs: the devices this PyTorch can use, and how the dialog names them.

`model.training.loop.resolve_device` does the choosing ("auto": CUDA, then Apple's MPS, then the
CPU); this module only says, in words, which one a run uses, so a user with a GPU can see it is
used, and a user without one knows the CPU is expected.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

DEVICES = ("auto", "cpu", "cuda", "mps")
# Device id -> its name on screen (the id is the item's data, what training is given).
DEVICE_NAMES = {
    "auto": QT_TRANSLATE_NOOP("DeviceChoice", "auto"),
    "cpu": QT_TRANSLATE_NOOP("DeviceChoice", "cpu"),
    "cuda": QT_TRANSLATE_NOOP("DeviceChoice", "cuda"),
    "mps": QT_TRANSLATE_NOOP("DeviceChoice", "mps"),
}


def is_available(name: str) -> bool:
    """Whether `name` can train here ("auto" and "cpu" always can)."""
    if name == "cuda":
        return torch.cuda.is_available()
    if name == "mps":
        mps = getattr(torch.backends, "mps", None)
        return bool(mps is not None and mps.is_available())
    return name in ("auto", "cpu")


def describe(device: torch.device, threads: int) -> str:
    """ "Training on CPU (2 threads)", "Training on CUDA: <GPU name>", ..."""
    if device.type == "cuda":
        return QCoreApplication.translate("RetrainDevice", "Training on CUDA: {0}").format(
            torch.cuda.get_device_name(device)
        )
    if device.type == "mps":
        return QCoreApplication.translate("RetrainDevice", "Training on MPS (the Apple GPU)")
    if threads == 1:
        return QCoreApplication.translate("RetrainDevice", "Training on CPU (1 thread)")
    return QCoreApplication.translate("RetrainDevice", "Training on CPU ({0} threads)").format(
        threads
    )


class DeviceChoice(QComboBox):
    """auto / cpu / cuda / mps; the ones this PyTorch cannot use are shown but disabled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("device")
        for name in DEVICES:
            self.addItem(QCoreApplication.translate("DeviceChoice", DEVICE_NAMES[name]), name)
        model = self.model()
        for row, name in enumerate(DEVICES):
            if not is_available(name):
                item = model.item(row)
                item.setEnabled(False)
                item.setToolTip(self.tr("Not available to this PyTorch on this computer"))
        self.setCurrentIndex(self.findData("auto"))
        self.setToolTip(
            self.tr(
                "Where the network trains: auto picks a CUDA or Apple GPU when there is one, "
                "else the CPU."
            )
        )

    def device(self) -> str:
        return self.currentData()
