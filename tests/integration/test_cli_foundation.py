import os
import resource
import signal
import sqlite3
import subprocess
import sys

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from cli_helpers import Cli, as_profile, new_secret, one_line_error


def test_init_open_list_grip_close(ready_cli):
    crisis = ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                          "--exercise", "--json").json()
    assert {"id", "name", "municipality", "opened_at", "grip", "exercise"} <= crisis.keys()
    assert crisis["exercise"] is True and crisis["grip"] == "0"
    ready_cli.ok("crisis", "grip", crisis["id"], "--level", "3")
    ready_cli.ok("crisis", "grip", crisis["id"], "--level", "rijk")
    listed = ready_cli.ok("crisis", "list", "--json").json()
    assert listed[0]["grip"] == "rijk"
    assert [h["level"] for h in listed[0]["grip_history"]] == ["0", "3", "rijk"]
    ready_cli.ok("crisis", "close", crisis["id"])
    assert ready_cli.ok("crisis", "list", "--json").json()[0]["closed"] is True
    assert "OEFENING" in ready_cli.ok("crisis", "list").out


def test_profiles_and_actor(ready_cli):
    ready_cli.ok("profile", "add", "--name", "burgemeester", "--role", "mayor",
                 env=new_secret("geheim burgemeester"))
    profiles = ready_cli.ok("profile", "list", "--json").json()
    assert [(p["name"], p["role"]) for p in profiles] == [("aide", "aide"), ("burgemeester", "mayor")]
    crisis = ready_cli.ok("--profile", "burgemeester", "crisis", "open", "--name", "X",
                          "--municipality", "Y", "--json", db=True,
                          env=as_profile("geheim burgemeester")).json()
    records = ready_cli.ok("audit", "list", "--object-type", "crisis", "--json").json()
    assert records[-1]["object_id"] == crisis["id"]
    assert records[-1]["actor_name"] == "burgemeester"


def test_global_profile_option_names_first_profile(cli):
    cli.ok("--profile", "sanne", "init")
    assert cli.ok("profile", "list", "--json").json()[0]["name"] == "sanne"


def test_audit_verify_ok_and_tampered(ready_cli, tmp_path):
    ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "W")
    assert ready_cli.ok("audit", "verify").out.startswith("OK")
    assert ready_cli.ok("audit", "verify", "--json").json()["ok"] is True
    key_file = tmp_path / "key.txt"
    ready_cli.ok("key", "export", "--out", str(key_file))
    raw = sqlcipher.connect(str(ready_cli.db))
    raw.execute(f"PRAGMA key = \"x'{key_file.read_text().strip()}'\"")
    raw.execute("DROP TRIGGER crisis_no_update")
    raw.execute("UPDATE crisis SET name = 'vervalst'")
    raw.commit()
    raw.close()
    result = ready_cli("audit", "verify")
    line = one_line_error(result, code=1)
    assert "record" in line and "crisis" in line


def test_key_export_opens_raw_and_with_key_file(ready_cli, tmp_path):
    key_file = tmp_path / "key.txt"
    ready_cli.ok("key", "export", "--out", str(key_file))
    code = key_file.read_text().strip()
    assert len(code) == 64 and int(code, 16) >= 0
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    raw = sqlcipher.connect(str(ready_cli.db))
    raw.execute(f"PRAGMA key = \"x'{code}'\"")
    assert raw.execute("SELECT count(*) FROM profile").fetchone()[0] == 1
    raw.close()
    no_pass = Cli(ready_cli.db, tmp_path / "home2", passphrase=None)
    one_line_error(no_pass("profile", "list"))
    assert no_pass.ok("--key-file", str(key_file), "profile", "list", "--json").json()


def test_backup_opens_with_same_key(ready_cli, tmp_path):
    ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "W")
    out = tmp_path / "usb" / "kopie.db"
    ready_cli.ok("backup", "--out", str(out))
    assert not out.read_bytes().startswith(b"SQLite format 3")
    copy = Cli(out, tmp_path / "home")
    assert copy.ok("crisis", "list", "--json").json()[0]["name"] == "Onrust"
    assert copy.ok("audit", "verify").out.startswith("OK")


def test_database_is_unreadable_without_key(ready_cli):
    data = ready_cli.db.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(ready_cli.db).execute("SELECT * FROM sqlite_master").fetchall()


# -- expected failures: one line on stderr, exit 2 --------------------------------------------

def test_wrong_passphrase(ready_cli):
    line = one_line_error(ready_cli("crisis", "list", env={"CRISISCONSOLE_PASSPHRASE": "fout"}))
    assert "wachtzin" in line


def test_not_a_crisisconsole_database(cli, tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("create table t(x)").connection.commit()
    assert "crisisconsole" in one_line_error(cli("--db", str(plain), "crisis", "list", db=False))
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    one_line_error(cli("--db", str(junk), "crisis", "list", db=False))


def test_newer_schema(ready_cli, tmp_path):
    key_file = tmp_path / "key.txt"
    ready_cli.ok("key", "export", "--out", str(key_file))
    raw = sqlcipher.connect(str(ready_cli.db))
    raw.execute(f"PRAGMA key = \"x'{key_file.read_text().strip()}'\"")
    raw.execute("UPDATE alembic_version SET version_num = 'r9999'")
    raw.commit()
    raw.close()
    assert "nieuwere versie" in one_line_error(ready_cli("crisis", "list"))


def test_database_locked(ready_cli, tmp_path):
    key_file = tmp_path / "key.txt"
    ready_cli.ok("key", "export", "--out", str(key_file))
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlcipher3.dbapi2 as s, sys\n"
            f"c = s.connect({str(ready_cli.db)!r}, isolation_level=None)\n"
            f"c.execute(\"PRAGMA key = \\\"x'{key_file.read_text().strip()}'\\\"\")\n"
            "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "c.execute('INSERT INTO db_meta VALUES (\\'lock\\', \\'x\\')')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n")],  # holds the lock until the test closes stdin
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        line = one_line_error(ready_cli("crisis", "open", "--name", "X", "--municipality", "Y"))
        assert "vergrendeld" in line or "locked" in line
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


def test_location_not_writable(cli, tmp_path):
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        if os.access(readonly, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        line = one_line_error(cli("--db", str(readonly / "x.db"), "init", db=False))
        assert "schrijfbaar" in line
    finally:
        readonly.chmod(0o700)


def test_location_not_writable_even_for_root(cli):
    line = one_line_error(cli("--db", "/proc/crisisconsole/x.db", "init", db=False))
    assert "schrijfbaar" in line


def test_disk_full(ready_cli):
    """A file-size limit makes every write past it fail as a full disk does."""
    # The write-ahead log starts empty in a new process; it may not grow past two pages.
    size = 8192

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    env = dict(ready_cli.env)
    proc = subprocess.run(
        [sys.executable, "-m", "crisisconsole", "--db", str(ready_cli.db), "crisis", "open",
         "--name", "X" * 150, "--municipality", "Y" * 150],
        env=env, capture_output=True, text=True, preexec_fn=limit, timeout=60)
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and ("vol" in lines[0] or "full" in lines[0]), proc.stderr
    assert ready_cli.ok("crisis", "list", "--json").json() == []
    assert ready_cli.ok("audit", "verify").out.startswith("OK")


def test_unknown_crisis_and_bad_grip(ready_cli):
    one_line_error(ready_cli("crisis", "grip", "nope", "--level", "2"))
    crisis = ready_cli.ok("crisis", "open", "--name", "A", "--municipality", "B", "--json").json()
    assert "GRIP" in one_line_error(ready_cli("crisis", "grip", crisis["id"], "--level", "9"))


def test_version(cli):
    assert cli.ok("--version", db=False).out.startswith("crisisconsole ")


def test_demo_fills_a_database(cli):
    info = cli.ok("demo", "--no-gui", "--json").json()
    crises = cli.ok("crisis", "list", "--json").json()
    assert info["crisis_id"] in {c["id"] for c in crises}
    main = next(c for c in crises if c["id"] == info["crisis_id"])
    assert main["grip"] == "3" and not main["exercise"]
    assert any(c["exercise"] for c in crises)
    names = {p["name"]: p["role"] for p in cli.ok("profile", "list", "--json").json()}
    assert names["aide"] == "aide" and "mayor" in names.values()
    assert cli.ok("audit", "verify").out.startswith("OK")


def test_a_reader_that_stops_early_gets_no_error_line(ready_cli):
    """`crisisconsole … | head -1`: the reader closes the pipe; that is not a database error
    (it said "databasefout: [Errno 32] Broken pipe"), and no traceback at exit either."""
    ready_cli.ok("crisis", "open", "--name", "Pijp", "--municipality", "Rivierstad")
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes
    try:
        proc = subprocess.run([sys.executable, "-m", "crisisconsole", "--db", str(ready_cli.db),
                               "crisis", "list", "--json"], env=ready_cli.env, stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
    finally:
        os.close(write)
    assert proc.stderr == ""
    assert proc.returncode == 128 + signal.SIGPIPE  # as `yes | head -1` ends
