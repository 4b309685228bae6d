"""LeNet Lens model package: network, data, preprocessing, training and inference.

Qt-free by design: everything here runs headless (CLI, tests, the GUI's worker threads).
"""

__version__ = "0.1.0"
