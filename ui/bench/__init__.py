"""Benchmarks of the UI layer, each run in its own process by `crisisconsole bench`."""
