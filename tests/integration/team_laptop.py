"""One simulated laptop of the convergence test, in its own process: sign in, write log
entries, sync every few entries (offline rounds are normal), print the ids it wrote.

``--kill before-commit`` ends the process hard in the middle of its first push (the COPY is
sent, the server transaction never commits); ``--kill after-commit`` right after the server
committed, before the laptop noted it. Both are what a pulled plug does."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("crisis")
    parser.add_argument("--entries", type=int, default=10)
    parser.add_argument("--every", type=int, default=4)
    parser.add_argument("--kill", choices=("before-commit", "after-commit"))
    parser.add_argument("--ids", required=True)
    args = parser.parse_args()

    from crisisconsole.services.foundation.sign_in import sign_in
    from crisisconsole.services.log.entries import add_entry
    from crisisconsole.services.team import sync
    from crisisconsole.store.opening import open_database
    from crisisconsole.store.server import wire

    if args.kill:
        real_push = wire.push

        def dying_push(conn, batch):  # noqa: ANN001, ANN202
            if args.kill == "after-commit":
                real_push(conn, batch)
                os._exit(9)
            with conn.cursor() as cur:  # the COPY reaches the server, the commit never comes
                cur.execute("BEGIN")
                cur.execute("CREATE TEMP TABLE push_audit (seq BIGINT, hash TEXT, "
                            "record_json TEXT)")
                with cur.copy("COPY push_audit FROM STDIN") as copy:
                    for record in batch.records:
                        copy.write_row(record)
            os._exit(9)

        wire.push = dying_push
    store = open_database(Path(args.db), None)
    ctx = sign_in(store, "aide", os.environ["CRISISCONSOLE_PROFILE_SECRET"]).ctx
    name = Path(args.db).stem
    with open(args.ids, "a", encoding="utf-8") as out:
        for number in range(args.entries):
            entry = add_entry(ctx, args.crisis, f"{name} melding {number}", "burger")
            out.write(entry.id + "\n")
            out.flush()
            if (number + 1) % args.every == 0:
                sync.sync_once(ctx, None)
    sync.sync_once(ctx, None)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
