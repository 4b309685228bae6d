"""The app's core: the live session, jobs, data cache, registries, result files, error text."""
