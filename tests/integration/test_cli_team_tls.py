"""Team mode over TLS (issue 17): the real CLI flow against a server that takes TLS only, every
DSN with sslmode=verify-full and sslrootcert=CA; a wrong CA or a wrong host name is refused in
one line with a non-zero exit, and nothing is written on the laptop."""

import os
import shutil

import psycopg
import pytest
from cli_helpers import one_line_error
from pg_tls import make_ca
from psycopg import conninfo


@pytest.fixture
def tls_dsn(pg_tls_cluster):
    name = "t_tls_" + os.urandom(4).hex()
    with psycopg.connect(pg_tls_cluster.admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_tls_cluster.admin_dsn.replace("dbname=crisis", f"dbname={name}")


def _with(dsn, **changes):
    return conninfo.make_conninfo(dsn, **changes)


@pytest.fixture
def enrolled(ready_cli, tls_dsn, pg_tls_cluster, tmp_path):
    """A laptop enrolled over TLS with its own copy of the CA, one round synced."""
    ready_cli.ok("server", "init", "--dsn", tls_dsn, db=False)
    device = ready_cli.ok("server", "add-device", "--dsn", tls_dsn, "--name", "laptop-1",
                          "--role", "aide", "--json", db=False).json()
    laptop_ca = tmp_path / "laptop-ca.crt"
    shutil.copyfile(pg_tls_cluster.ca, laptop_ca)
    dsn = _with(device["dsn"], sslrootcert=str(laptop_ca))
    ready_cli.ok("sync", "enrol", "--dsn", dsn, "--code", device["code"])
    ready_cli.ok("sync", "--dsn", dsn, "--once")
    return {"dsn": dsn, "ca": laptop_ca, "device": device}


def test_the_team_flow_runs_over_verified_tls(ready_cli, tls_dsn, pg_tls_cluster):
    ready_cli.ok("server", "init", "--dsn", tls_dsn, db=False)
    device = ready_cli.ok("server", "add-device", "--dsn", tls_dsn, "--name", "laptop-1",
                          "--role", "aide", "--json", db=False).json()
    params = conninfo.conninfo_to_dict(device["dsn"])
    assert params["sslmode"] == "verify-full" and params["sslrootcert"] == str(pg_tls_cluster.ca)
    ready_cli.ok("sync", "enrol", "--dsn", device["dsn"], "--code", device["code"])
    ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen")
    synced = ready_cli.ok("sync", "--dsn", device["dsn"], "--once", "--json").json()
    assert synced["online"] is True and synced["pushed"] >= 1 and synced["pending"] == 0
    with psycopg.connect(tls_dsn) as conn:
        assert conn.pgconn.ssl_in_use
        crises = conn.execute("SELECT count(*) FROM team_fact WHERE table_name = 'crisis' "
                              "AND device = %s", (params["user"],)).fetchone()[0]
    assert crises == 1


def test_a_wrong_ca_is_refused_in_one_line(ready_cli, tls_dsn, tmp_path):
    other = make_ca(tmp_path / "other", "another CA")
    result = ready_cli("server", "init", "--dsn", _with(tls_dsn, sslrootcert=str(other.cert)),
                       db=False)
    assert "certificate verify failed" in one_line_error(result, 3)
    with psycopg.connect(tls_dsn) as conn:  # nothing made on the server either
        assert conn.execute("SELECT to_regclass('team_fact')").fetchone()[0] is None


def test_sync_with_a_wrong_ca_or_host_writes_nothing(ready_cli, enrolled, tmp_path):
    ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen")
    before = ready_cli.ok("sync", "status", "--json").json()
    assert before["pending"] >= 1
    other = make_ca(tmp_path / "other", "another CA")
    wrong_host = _with(enrolled["dsn"], host="crisis.example", hostaddr="127.0.0.1")
    for dsn, says in ((_with(enrolled["dsn"], sslrootcert=str(other.cert)),
                       "certificate verify failed"),
                      (wrong_host, 'does not match host name "crisis.example"')):
        result = ready_cli("sync", "--dsn", dsn, "--once", "--json")
        assert says in one_line_error(result, 3) and result.out == ""
        assert ready_cli.ok("sync", "status", "--json").json() == before
    enrolled["ca"].write_bytes(other.cert.read_bytes())  # the stored DSN's CA is another now
    result = ready_cli("sync", "--once", "--json")
    assert "certificate verify failed" in one_line_error(result, 3)
    assert ready_cli.ok("sync", "status", "--json").json() == before


def test_enrolment_with_a_wrong_host_keeps_the_code(cli, tls_dsn, pg_tls_cluster):
    cli.ok("init")
    cli.ok("server", "init", "--dsn", tls_dsn, db=False)
    device = cli.ok("server", "add-device", "--dsn", tls_dsn, "--name", "laptop-2",
                    "--role", "aide", "--json", db=False).json()
    wrong_host = _with(device["dsn"], host="crisis.example", hostaddr="127.0.0.1")
    result = cli("sync", "enrol", "--dsn", wrong_host, "--code", device["code"])
    assert "does not match host name" in one_line_error(result, 3)
    assert "niet ingeschreven" in one_line_error(cli("sync", "--once"))
    cli.ok("sync", "enrol", "--dsn", device["dsn"], "--code", device["code"])
