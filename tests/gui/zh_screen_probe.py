"""Run as `python -m tests.gui.zh_screen_probe SETTINGS.ini DRAFT_DIR`: open LeNet Lens in
Chinese, use it, and print (as JSON) every text on screen, and those with a word in Latin
letters that is not a name.

A fresh interpreter, as the entry point does it: the translators are installed before any window
module is imported (several titles are translated when their module loads). It draws a digit
with real mouse events, keeps it, opens every workspace, the main dialogs (Retrain, Fine-tune,
My drawings, the guide, the shortcuts, About) and an error box, then walks every widget (labels,
buttons, combo items, item views, tooltips, window titles, menus) and every pyqtgraph plot (titles,
axis labels, legends, text items). tests/gui/test_zh_on_screen.py runs it and reads the list.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

#: Words in Latin letters a Chinese screen may show: names of things (networks, data sets,
#: layers, libraries, file formats, devices), keys on the keyboard, units, and math notation.
ALLOWED = {
    *"LeNet MNIST ReLU tanh Grad-CAM Captum PyTorch Qt CUDA CPU GPU MPS Apple PNG SVG CSV".split(),
    *"JSON UNIPEN UCI IDX Pillow AdamW Adam SGD CC BY logit logits softmax sigmoid".split(),
    *"Ctrl Shift Alt Esc Del Delete Backspace Enter Return Space Tab PgUp PgDown Home End".split(),
    *"Meta Ins F px MB GB KB kB floor max".split(),
    "VALID",  # padding modes as TensorFlow and the tutorial name them, glossed 有效填充 / 相同填充
    "SAME",
    "Dropout",  # the technique's name, kept in Chinese texts too
    "English",  # the language menu names each language in itself
    "Lens",  # "LeNet Lens", the app's name
}

_SKIP = [
    re.compile(r"<[^>]*>"),  # HTML tags
    re.compile(r"&[a-z]+;|&#\d+;"),  # HTML entities (&nbsp;)
    re.compile(r"\(&\w\)|&(?=\w)"),  # accelerators
    re.compile(r"\$?\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"),  # environment variables
    re.compile(r"(?:[\w.~-]*/)+[\w.~*-]*"),  # paths
    re.compile(r"[\w*-]+\.(?:gz|png|jpe?g|bmp|gif|tiff?|webp|svg|csv|pt|json|idx\d?-?\w*|tra|tes)"),
    re.compile(r"https?://\S+"),
    re.compile(r"(?<![\w])\.[a-z]{1,4}\b"),  # a file extension (".gz")
]
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'_-]*")


def latin_words(text: str) -> list[str]:
    """The words of `text` in Latin letters that are not allowed names (a word with a digit,
    like C1, F6, LeNet-5, 5x5, is a name; a single letter is a variable)."""
    text = html.unescape(text) if "&" in text and ";" in text else text
    for pattern in _SKIP:
        text = pattern.sub(" ", text)
    words = []
    for word in _WORD.findall(text):
        if len(word) == 1 or any(ch.isdigit() for ch in word) or word in ALLOWED:
            continue
        if all(part in ALLOWED for part in word.split("-")):
            continue
        words.append(word)
    return words


def _columns(model) -> int:
    from PySide6.QtCore import QModelIndex

    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps columnCount private: it has one
        return 1


def _widget_texts(widget) -> Iterator[str]:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QDockWidget,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QMessageBox,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    if widget.isWindow() or isinstance(widget, QDockWidget):
        yield widget.windowTitle()
    yield widget.toolTip()
    if isinstance(widget, QLabel):
        yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
            yield str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    elif isinstance(widget, QTextEdit):
        yield widget.toPlainText()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield getattr(widget, "suffix", lambda: "")()
        yield getattr(widget, "prefix", lambda: "")()
        yield widget.specialValueText()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for orientation, count in (
            (Qt.Orientation.Horizontal, _columns(model)),
            (Qt.Orientation.Vertical, model.rowCount(QModelIndex())),
        ):
            for i in range(min(count, 200)):
                yield str(model.headerData(i, orientation) or "")
        for row in range(min(model.rowCount(QModelIndex()), 200)):
            for col in range(min(_columns(model), 20)):
                index = model.index(row, col)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    yield value if isinstance(value, str) else ""
    if isinstance(widget, QMenu):
        yield widget.title()
    if isinstance(widget, QMessageBox):
        yield widget.text()
        yield widget.informativeText()
    for action in QWidget.actions(widget):  # the window shadows actions()
        if not action.isSeparator():
            yield action.text()
            yield action.toolTip()
            yield action.statusTip()


def _plot_texts(view) -> Iterator[str]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsTextItem

    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, QGraphicsTextItem):
            yield item.toPlainText()
        elif isinstance(item, pg.AxisItem):
            yield item.labelText or ""
            yield item.labelUnits or ""
        elif isinstance(item, pg.LabelItem):
            yield item.text or ""
        elif isinstance(item, pg.TextItem):
            yield item.textItem.toPlainText()


def on_screen_texts(app) -> list[str]:
    """Every distinct text shown by the application's widgets and plots."""
    from PySide6.QtWidgets import QGraphicsView, QWidget

    found: dict[str, None] = {}
    # Shown windows and everything in them (menus are their children). A hidden top-level is
    # nothing on screen: pyqtgraph's plot-options menu (right click) is one, built in English.
    for top in [t for t in app.topLevelWidgets() if t.isVisible()]:
        for widget in [top, *top.findChildren(QWidget)]:
            if _is_traceback(widget):
                continue
            texts = list(_widget_texts(widget))
            if isinstance(widget, QGraphicsView):
                texts += list(_plot_texts(widget))
            found.update((text, None) for text in texts if text)
    return list(found)


def _is_traceback(widget) -> bool:
    """The "Show Details…" text of an error box: a traceback for a bug report, not prose."""
    from PySide6.QtWidgets import QMessageBox, QTextEdit

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QMessageBox):
        parent = parent.parentWidget()
    return isinstance(widget, QTextEdit) and parent is not None


def _settle(app, condition, what: str, limit_s: float = 300) -> None:
    """Run the event loop until `condition()` holds; fail naming `what` if it never does.

    It really waits: a bounded number of `processEvents` passes returns at once when no event
    is pending, so a slow evaluation on a busy machine was never waited for and the walk went
    on without Insight's status line (the test then missed '个样本' now and then). The limit
    is only a guard against a hang, not a timing claim.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    tick = QTimer()
    tick.setInterval(20)
    tick.timeout.connect(lambda: condition() and loop.quit())
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    if not condition():
        tick.start()
        give_up.start(int(limit_s * 1000))
        loop.exec()
        tick.stop()
    if not condition():
        raise SystemExit(f"the walk waited {limit_s:.0f} s for {what} in vain")


def _refuse_a_convolution(window) -> None:
    """The playground with settings it refuses (a 4x4 kernel, SAME): its reason is on screen."""
    from PySide6.QtWidgets import QComboBox, QSpinBox

    source = window.findChild(QComboBox, "playgroundKernelSource")
    padding = window.findChild(QComboBox, "playgroundPadding")
    size = window.findChild(QSpinBox, "playgroundKernelSize")
    if source is None or padding is None or size is None:
        raise SystemExit("the convolution playground was not built")
    source.setCurrentIndex(source.count() - 1)  # "Custom (type the values)"
    size.setValue(4)
    padding.setCurrentIndex(padding.findData("same"))


def main(settings_path: str, scratch: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QToolBar

    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.setValue("ui/language", "zh_CN")
    from app.shell.theme import themed_application

    app = themed_application(["probe"], settings)
    from app.shell.start import open_window
    from model.data.mnist import load_split
    from tests.gui.mouse import draw_digit

    window = open_window(settings=settings)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    split = load_split("test")
    draw_digit(window.canvas, split.images[0])
    app.processEvents()
    window.teach(int(split.labels[0]))  # a kept drawing: My drawings and Fine-tune have one

    for key in list(window.workspace_actions):
        window.workspace_actions[key].trigger()
        app.processEvents()
    insight = window.switch_workspace("insight")
    _settle(app, lambda: getattr(insight, "evaluation", None) is not None, "Insight's evaluation")
    window.switch_workspace("concepts")
    app.processEvents()
    _refuse_a_convolution(window)
    window.switch_workspace("draw")

    window.open_retrain_dialog()
    window.teacher.open_collection_view()
    window.teacher.open_finetune()
    window.classroom.show_guide()
    window.classroom.show_shortcuts()
    window.actions.about.trigger()
    bad = Path(scratch) / "not-an-image.png"
    bad.write_bytes(b"this is not a picture")
    window.open_image(bad)
    app.processEvents()
    for menu in window.menuBar().findChildren(type(window.actions.language_menu)):
        menu.aboutToShow.emit()  # menus filled when opened (recent weights)
    app.processEvents()
    texts = on_screen_texts(app)
    stray = [  # a toolbar button or tooltip keeps the menu's accelerator letter: "清除(C)"
        text
        for bar in window.findChildren(QToolBar)
        for action in bar.actions()
        for text in (action.iconText(), action.toolTip())
        if re.search(r"[(（][A-Za-z][)）]", text)
    ]
    latin = {text: words for text in texts if (words := latin_words(text))}
    print(json.dumps({"latin": latin, "stray": stray, "texts": texts}, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # the texts are out; no need to wind down the dialogs' jobs


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
