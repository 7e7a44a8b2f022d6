"""The throwaway server the team tests run against: reachable on loopback, restartable."""

import psycopg


def test_cluster_answers_on_loopback_and_restarts(pg_cluster):
    with psycopg.connect(pg_cluster.admin_dsn) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        listen = conn.execute("SHOW listen_addresses").fetchone()[0]
    assert int(version) >= 140000
    assert listen == "127.0.0.1"
    pg_cluster.stop()
    try:
        psycopg.connect(pg_cluster.admin_dsn, connect_timeout=2).close()
        raise AssertionError("server still answers after stop")
    except psycopg.OperationalError:
        pass
    finally:
        pg_cluster.start()
    with psycopg.connect(pg_cluster.admin_dsn) as conn:
        assert conn.execute("SELECT 1").fetchone()[0] == 1


def test_the_tls_cluster_refuses_a_plain_connection(pg_tls_cluster):
    with psycopg.connect(pg_tls_cluster.admin_dsn) as conn:
        assert conn.pgconn.ssl_in_use
    plain = pg_tls_cluster.admin_dsn.split(" sslmode=")[0] + " sslmode=disable"
    try:
        psycopg.connect(plain, connect_timeout=5).close()
        raise AssertionError("a connection without TLS was let in")
    except psycopg.OperationalError as error:
        assert "no encryption" in str(error)
    key = pg_tls_cluster.data / "server.key"
    assert key.stat().st_mode & 0o777 == 0o600
