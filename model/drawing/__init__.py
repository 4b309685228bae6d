"""The pen: strokes drawn like the canvas, rasters prepared for the network."""
