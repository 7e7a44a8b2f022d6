"""The app's rule for the garbage collector (ui/gc_policy.py): long-lived parts frozen in the
app and its benchmark children, never in a test process."""

import gc
import subprocess
import sys

from crisisconsole.ui import gc_policy

PROGRAM = """
import gc
from crisisconsole.ui import gc_policy
held = [[i] for i in range(10_000)]
gc_policy.keep_long_lived()
before = gc.get_freeze_count()
gc_policy.activate()
gc_policy.keep_long_lived()
print(before, gc.get_freeze_count() >= 10_000)
"""


def test_frozen_only_where_the_rule_is_active():
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "True"]


def test_not_active_in_the_test_process():
    before = gc.get_freeze_count()
    gc_policy.keep_long_lived()
    assert gc.get_freeze_count() == before
