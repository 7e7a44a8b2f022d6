"""The app's one rule for Python's cyclic garbage collector (issue 18 and 19: frames over 50 ms).

A full collection walks every object the process holds: after start-up that is the modules,
the widgets and, once the Kaart is open, tens of thousands of layer objects, and one such walk
(45–106 ms, measured in `bench map`) landed exactly on the slow frames. What lives as long as
the window (modules, built pages, the layers a page shows) is moved out of the collector's
sight with ``gc.freeze()`` when it is made, so later collections walk only what is new.
Frozen objects are still freed by reference counting when nothing holds them; only a cycle
among them waits for the process to end, which for these long-lived parts is the same.
"""

from __future__ import annotations

import gc

_active = False


def activate() -> None:
    """The rule holds in this process: the app's (run_gui) and the benchmarks' children that
    stand in for it. Not in a test process, where one window after another is made and
    dropped: frozen there, their cycles (and the stores they hold) would never be freed."""
    global _active
    _active = True


def keep_long_lived() -> None:
    """What exists now lives long: the collector stops walking it."""
    if _active:
        gc.freeze()
