"""`server init` and `server add-device` against a real PostgreSQL: the schema from the
server's own Alembic chain, append-only by privilege, one login role per laptop."""

import psycopg
import pytest

from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.store.server.admin import add_device, init_server
from crisisconsole.store.server.connect import ServerUnreachableError, connect


def _device_conn(device):
    return psycopg.connect(device["dsn"] + f" password={device['code']}")


def test_init_is_idempotent_and_recorded(pg_dsn):
    assert init_server(pg_dsn) == {"revision": "s0001", "created": True}
    assert init_server(pg_dsn) == {"revision": "s0001", "created": False}
    with psycopg.connect(pg_dsn) as conn:
        acts = conn.execute("SELECT action FROM team_server_audit ORDER BY seq").fetchall()
    assert acts == [("init",), ("init",)]


def test_add_device_prints_dsn_without_password_and_a_one_time_code(pg_dsn):
    init_server(pg_dsn)
    device = add_device(pg_dsn, "Laptop-1", "team")
    assert device["device"] == "laptop-1" and device["role"] == "team"
    assert "password" not in device["dsn"] and f"user={device['login']}" in device["dsn"]
    assert len(device["code"]) == 23
    with _device_conn(device) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == device["login"]


def test_devices_may_insert_and_select_facts_but_never_update_or_delete(pg_dsn):
    init_server(pg_dsn)
    device = add_device(pg_dsn, "laptop-1", "aide")
    with _device_conn(device) as conn:
        conn.execute("INSERT INTO team_fact (id, table_name, device_seq, aggregate, hlc, "
                     "row_json) VALUES ('a', 'log_entry', 1, 'log', '1', '{}')")
        conn.commit()
        assert conn.execute("SELECT count(*) FROM team_fact").fetchone()[0] == 1
        for statement in ("UPDATE team_fact SET hlc = '2'", "DELETE FROM team_fact",
                          "UPDATE team_audit SET hash = 'x'", "TRUNCATE team_fact",
                          "DELETE FROM team_server_audit"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def test_a_device_cannot_insert_in_another_devices_name(pg_dsn):
    init_server(pg_dsn)
    device = add_device(pg_dsn, "laptop-1", "team")
    with _device_conn(device) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO team_fact (id, device, device_seq, table_name, aggregate, "
                     "hlc, row_json) VALUES ('a', 'someone', 1, 'log_entry', 'log', '1', '{}')")


def test_bad_input_is_refused_and_leaves_nothing(pg_dsn):
    init_server(pg_dsn)
    with pytest.raises(ValidationError, match="apparaatnaam"):
        add_device(pg_dsn, "laptop 1; drop", "team")
    with pytest.raises(ValidationError, match="rol"):
        add_device(pg_dsn, "laptop-1", "admin")
    add_device(pg_dsn, "laptop-1", "team")
    with pytest.raises(ValidationError, match="bestaat al"):
        add_device(pg_dsn, "laptop-1", "aide")
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT name, role FROM team_device").fetchall() == [
            ("laptop-1", "team")]


def test_add_device_before_init_is_refused(pg_dsn):
    with pytest.raises(ValidationError, match="server init"):
        add_device(pg_dsn, "laptop-1", "team")


def test_a_device_role_cannot_init_or_add_devices(pg_dsn):
    init_server(pg_dsn)
    device = add_device(pg_dsn, "laptop-1", "aide")
    as_device = device["dsn"] + f" password={device['code']}"
    with pytest.raises(AccessDeniedError):
        add_device(as_device, "laptop-2", "aide")


def test_unreachable_server_is_a_clear_message(pg_cluster):
    dsn = pg_cluster.admin_dsn.replace(f"port={pg_cluster.port}", "port=1")
    with pytest.raises(ServerUnreachableError, match="server niet bereikbaar"):
        connect(dsn, timeout=1)


def test_the_purge_is_the_one_door_and_records_who_purged_what(pg_dsn):
    init_server(pg_dsn)
    aide = add_device(pg_dsn, "laptop-a", "aide")
    team = add_device(pg_dsn, "laptop-t", "team")
    with _device_conn(aide) as conn:
        conn.execute("INSERT INTO team_fact (id, table_name, device_seq, aggregate, hlc, "
                     "row_json) VALUES ('c1', 'card', 1, 'cards', '1', '{\"name\": \"x\"}')")
        conn.commit()
        with pytest.raises(psycopg.errors.RaiseException, match="reden"):
            conn.execute("SELECT team_purge('card', 'c1', '{}', '')")
        conn.rollback()
        assert conn.execute("SELECT team_purge('card', 'c1', '{\"purged\": true}', "
                            "'bewaartermijn verstreken')").fetchone()[0] is True
        conn.commit()
    with _device_conn(team) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT team_purge('card', 'c1', '{}', 'waarom niet')")
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT row_json FROM team_fact").fetchone()[0] == '{"purged": true}'
        assert conn.execute("SELECT actor, action, object, detail FROM team_server_audit "
                            "WHERE action = 'purge'").fetchall() == [
            (aide["login"], "purge", "card c1", "bewaartermijn verstreken")]


def test_a_server_that_does_not_let_the_laptop_in_is_a_refusal_not_offline(pg_tls_cluster):
    """pg_hba.conf has no line for this connection (here: without TLS on a TLS-only server):
    trying again does not help, so it is a refusal the user reads (exit 3), not "offline"."""
    dsn = pg_tls_cluster.admin_dsn.replace("sslmode=verify-full", "sslmode=disable")
    with pytest.raises(AccessDeniedError, match="pg_hba.conf") as caught:
        connect(dsn, timeout=5)
    assert not isinstance(caught.value, ServerUnreachableError)
    assert "beheerder" in str(caught.value) and "\n" not in str(caught.value)


def test_a_database_the_server_does_not_have_is_a_refusal(pg_cluster):
    dsn = pg_cluster.admin_dsn.replace("dbname=crisis", "dbname=geen_crisis")
    with pytest.raises(AccessDeniedError, match="geen_crisis"):
        connect(dsn, timeout=5)
