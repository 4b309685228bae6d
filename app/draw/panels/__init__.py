"""Draw's thin view panels: each takes numpy arrays and updates its pyqtgraph items in place."""
