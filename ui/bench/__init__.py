"""Benchmarks of the Qt layer itself (the core's `crisisconsole bench` reaches them through a
subprocess, so the core never imports Qt widgets)."""
