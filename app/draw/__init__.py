"""The Draw workspace: the canvas, its undo history, the map detail and the product panels."""
