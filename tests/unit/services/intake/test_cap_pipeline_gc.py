"""An import freezes the collector's long-lived objects for its duration, and leaves frozen what
the app had frozen before it (ui/gc_policy.py): unfreezing all at its end made the next full
collection walk the whole app."""

import gc

from crisisconsole.services.intake import cap_pipeline


def test_an_import_keeps_what_was_frozen_before_it():
    held = [[i] for i in range(1000)]
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        cap_pipeline._bulk_mode(True)
        cap_pipeline._bulk_mode(False)
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()
    assert held


def test_an_import_alone_unfreezes_what_it_froze():
    assert gc.get_freeze_count() == 0
    cap_pipeline._bulk_mode(True)
    assert gc.get_freeze_count() > 0
    cap_pipeline._bulk_mode(False)
    assert gc.get_freeze_count() == 0
