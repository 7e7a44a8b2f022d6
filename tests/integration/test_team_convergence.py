"""Issue 17's convergence test: three laptops (three SQLCipher databases, three processes)
write at once; the server is stopped while they go on and started again; a push is killed
halfway, twice (before and after the server's commit). Afterwards all three hold exactly the
same facts, none doubled, none lost; the derived log tables are equal; every chain verifies."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.services.team.enrolment import enrol
from crisisconsole.services.team.sync import status, sync_once
from crisisconsole.store.opening import create_database, open_database
from crisisconsole.store.server.admin import add_device, init_server

HERE = Path(__file__).resolve().parent
PASS = "wachtzin van de laptop"
SECRET = "geheim van de aide"
NAMES = ("laptop-a", "laptop-b", "laptop-c")


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_PASSPHRASE", PASS)
    return {**os.environ, "CRISISCONSOLE_PASSPHRASE": PASS,
            "CRISISCONSOLE_PROFILE_SECRET": SECRET,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _run_all(paths, crisis_id, ids, env, *, kill=None, entries=8):
    """The three laptops at once; ``kill``: laptop name -> where its first push dies."""
    kill = kill or {}
    procs = []
    for path in paths:
        argv = [sys.executable, str(HERE / "team_laptop.py"), str(path), crisis_id,
                "--entries", str(entries), "--ids", str(ids)]
        if path.stem in kill:
            argv += ["--kill", kill[path.stem]]
        procs.append(subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    for proc, path in zip(procs, paths, strict=True):
        _out, err = proc.communicate(timeout=120)
        expected = 9 if path.stem in kill else 0
        assert proc.returncode == expected, err


def _snapshot(store):
    with store.read() as conn:
        facts = {table: sorted(conn.execute(text(f"SELECT * FROM {table}")).all())
                 for table in ("crisis", "crisis_event", "log_entry", "log_assessment")}
        facts["log_current"] = sorted(tuple(r)[1:] for r in conn.execute(
            text("SELECT * FROM log_current")).all())
        facts["log_count"] = sorted(conn.execute(text("SELECT * FROM log_count")).all())
    return facts


@pytest.mark.slow
def test_three_laptops_converge(tmp_path, pg_dsn, pg_cluster, env):
    init_server(pg_dsn)
    paths = [tmp_path / f"{name}.db" for name in NAMES]
    for name, path in zip(NAMES, paths, strict=True):
        store = create_database(path, None, passphrase=PASS)
        add_profile(store, "aide", "aide", None, secret=SECRET)
        ctx = sign_in(store, "aide", SECRET).ctx
        device = add_device(pg_dsn, name, "aide")
        enrol(ctx, device["dsn"], device["code"], None)
        if name == "laptop-a":
            crisis = open_crisis(ctx, "Onrust", "Waalbergen", grip="1")
        sync_once(ctx, None)
        store.close()
    ids = tmp_path / "ids.txt"

    _run_all(paths, crisis.id, ids, env)                       # together, online
    pg_cluster.stop()
    try:
        _run_all(paths, crisis.id, ids, env)                   # together, server gone
    finally:
        pg_cluster.start()
    # b dies inside its push (the server transaction never commits), c right after its
    # commit (before it noted the push): both push again in the rounds below.
    _run_all(paths, crisis.id, ids, env, kill={"laptop-b": "before-commit",
                                               "laptop-c": "after-commit"})

    stores = [open_database(path, None) for path in paths]
    try:
        contexts = [sign_in(store, "aide", SECRET).ctx for store in stores]
        assert [status(store)["pending"] > 0 for store in stores[1:]] == [True, True]
        # Rounds until quiet: a round that brought facts in writes its own "team.pull"
        # record, which the next round pushes (it brings no facts, so it stops there).
        for _round in range(4):
            results = [sync_once(ctx, None) for ctx in contexts]
            assert all(r["online"] for r in results)
            if not any(r["pulled"] or r["pushed"] or r["pending"] for r in results):
                break
        else:
            raise AssertionError(f"sync does not settle: {results}")
        written = ids.read_text().split()
        assert len(written) == len(set(written))
        snapshots = [_snapshot(store) for store in stores]
        assert sorted(r[0] for r in snapshots[0]["log_entry"]) == sorted(written)
        assert snapshots[1] == snapshots[0] and snapshots[2] == snapshots[0]
        for store in stores:
            assert status(store)["pending"] == 0
            report = verify(store)
            assert report.ok, report.problems()
    finally:
        for store in stores:
            store.close()
