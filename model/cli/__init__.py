"""Command-line tools (`python -m model.cli.common.NAME`)."""
