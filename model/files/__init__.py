"""Files on disk: checkpoints, safe loading, atomic saves, bounded reads, per-user folders."""
