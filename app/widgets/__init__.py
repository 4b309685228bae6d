"""View pieces every workspace shares: colours, plot style, map mosaics, hover-aware plots."""
