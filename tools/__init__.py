"""Development tools (benchmarks, screenshots): run from a checkout, never installed."""
