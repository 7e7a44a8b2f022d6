"""Team mode through the real console script: `server init`, `server add-device --json`,
`sync enrol`, against a throwaway PostgreSQL."""

import psycopg
from cli_helpers import one_line_error


def test_admin_and_laptop_commands(ready_cli, pg_dsn):
    init = ready_cli("server", "init", "--dsn", pg_dsn, "--json", db=False)
    assert init.code == 0, init.err
    assert init.json() == {"revision": "s0001", "created": True}
    added = ready_cli("server", "add-device", "--dsn", pg_dsn, "--name", "laptop-1",
                      "--role", "team", "--json", db=False)
    assert added.code == 0, added.err
    device = added.json()
    assert {"device", "dsn", "code"} <= device.keys() and device["device"] == "laptop-1"
    assert "password" not in device["dsn"]
    enrolled = ready_cli.ok("sync", "enrol", "--dsn", device["dsn"], "--code", device["code"],
                            "--json").json()
    assert enrolled["device"] == "laptop-1" and enrolled["stored_in"] == "database"
    ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen")
    synced = ready_cli.ok("sync", "--dsn", device["dsn"], "--once", "--json").json()
    assert {"pushed", "pulled", "pending", "conflicts"} <= synced.keys()
    assert synced["pushed"] >= 1 and synced["pending"] == 0 and synced["conflicts"] == 0
    state = ready_cli.ok("sync", "status", "--json").json()
    assert {"online", "last_sync_at", "pending", "conflicts"} <= state.keys()
    assert state["online"] is True and state["pending"] == 0 and state["last_sync_at"]
    checked = ready_cli.ok("audit", "verify", "--server", device["dsn"], "--json").json()
    assert checked["ok"] and checked["server"]["ok"] and checked["server"]["server_seq"] > 0
    again = ready_cli("sync", "enrol", "--dsn", device["dsn"], "--code", device["code"])
    assert "weigert de aanmelding" in one_line_error(again, 3)
    with psycopg.connect(pg_dsn) as conn:
        acts = [r[0] for r in conn.execute("SELECT action FROM team_server_audit ORDER BY seq")]
    assert acts == ["init", "add-device", "enrol"]


def test_sync_before_enrolment_is_one_line(ready_cli):
    result = ready_cli("sync", "--once")
    assert "niet ingeschreven" in one_line_error(result)


def test_add_device_with_a_bad_role_is_one_line(ready_cli, pg_dsn):
    ready_cli.ok("server", "init", "--dsn", pg_dsn, db=False)
    result = ready_cli("server", "add-device", "--dsn", pg_dsn, "--name", "laptop-1",
                       "--role", "baas", db=False)
    assert "onbekende rol" in one_line_error(result)
