"""Writes crises as fast as it can and prints each id once its commit is acknowledged."""

import sys
from pathlib import Path

from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.foundation.unlock import unlock

unlocked = unlock(Path(sys.argv[1]), key_file=Path(sys.argv[2]))
ctx = unlocked.sign_in(None, "geheim van de aide").ctx
print("ready", flush=True)
n = 0
while True:
    n += 1
    crisis = open_crisis(ctx, f"crisis {n}", "Waalbergen")
    sys.stdout.write(crisis.id + "\n")
    sys.stdout.flush()
