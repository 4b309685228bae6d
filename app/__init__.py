"""LeNet Lens GUI (PySide6 + pyqtgraph). All model concerns live in the Qt-free `model` package."""
