"""The network and inference."""
