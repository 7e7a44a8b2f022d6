"""Every file the command line writes goes through the one safe writer: a planted
``OUT.partial`` link is never followed, a full disk leaves no file, and the retry works."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from cli_helpers import one_line_error

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks and RLIMIT_FSIZE")


@pytest.fixture
def crisis_id(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def _plant(out, victim) -> None:
    """Links an attacker with write access to the folder plants beside the target."""
    victim.write_text("niet overschrijven", encoding="utf-8")
    for name in (out.name + ".partial", "." + out.name + ".partial", out.name + ".tmp"):
        (out.parent / name).symlink_to(victim)


def test_log_export_does_not_follow_a_planted_partial_link(ready_cli, crisis_id, tmp_path):
    ready_cli.ok("log", "add", "--crisis", crisis_id, "--text", "Rook", "--source", "politie")
    victim = tmp_path / "victim.txt"
    for fmt in ("csv", "json", "pdf"):
        out = tmp_path / f"OUT.{fmt}"
        _plant(out, victim)
        ready_cli.ok("log", "export", "--crisis", crisis_id, "--format", fmt, "--out", str(out))
        assert victim.read_text(encoding="utf-8") == "niet overschrijven"
        assert not out.is_symlink() and out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()]


def test_attachment_save_does_not_follow_a_planted_partial_link(ready_cli, crisis_id,
                                                                tmp_path):
    photo = tmp_path / "plein.jpg"
    photo.write_bytes(b"\xff\xd8\x00foto")
    added = ready_cli.ok("log", "add", "--crisis", crisis_id, "--text", "Foto", "--source",
                         "burger", "--attach", str(photo), "--json").json()
    attachment = ready_cli.ok("log", "history", added["id"], "--json").json()["attachments"][0]
    out, victim = tmp_path / "OUT.jpg", tmp_path / "victim.txt"
    _plant(out, victim)
    ready_cli.ok("log", "attachment", "save", attachment["id"], "--out", str(out))
    assert victim.read_text(encoding="utf-8") == "niet overschrijven"
    assert out.read_bytes() == b"\xff\xd8\x00foto"
    # A link planted as the target itself is not written through either.
    link = tmp_path / "LINK.jpg"
    link.symlink_to(victim)
    assert "bestaat al" in one_line_error(
        ready_cli("log", "attachment", "save", attachment["id"], "--out", str(link)))
    assert victim.read_text(encoding="utf-8") == "niet overschrijven"


# The disk fills up once the aide is signed in: opening the database maps its 32 KB
# shared-memory file and the sign-in writes its audit record, so a file-size limit low enough to
# stop a 65-byte key would stop those first.
_FULL_AFTER_SIGN_IN = """
import resource, signal, sys
from crisisconsole.cli import main
from crisisconsole.services.foundation import sign_in as signing

real_sign_in = signing.sign_in

def sign_in_then_fill_the_disk(*args, **kwargs):
    signed = real_sign_in(*args, **kwargs)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (10, 10))  # every write past 10 bytes fails
    return signed

signing.sign_in = sign_in_then_fill_the_disk
sys.exit(main(sys.argv[1:]))
"""


def test_key_export_on_a_full_disk_leaves_no_file_and_the_retry_works(ready_cli, tmp_path):
    out = tmp_path / "keys" / "herstelcode.txt"
    out.parent.mkdir()
    proc = subprocess.run([sys.executable, "-c", _FULL_AFTER_SIGN_IN, "--db", str(ready_cli.db),
                           "key", "export", "--out", str(out)], env=ready_cli.env,
                          capture_output=True, text=True, timeout=60)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert ("vol" in lines[0] or "full" in lines[0]) and str(out) in lines[0]
    assert list(out.parent.iterdir()) == []  # no 0-byte key file, no temporary file
    ready_cli.ok("key", "export", "--out", str(out))  # the retry just works
    assert len(out.read_text(encoding="utf-8").strip()) == 64
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "bestaat al" in one_line_error(ready_cli("key", "export", "--out", str(out)))


def test_backup_does_not_follow_a_planted_partial_link(ready_cli, tmp_path):
    out, victim = tmp_path / "kopie.db", tmp_path / "victim.txt"
    _plant(out, victim)
    ready_cli.ok("backup", "--out", str(out))
    assert victim.read_text(encoding="utf-8") == "niet overschrijven"
    assert not out.is_symlink() and out.stat().st_size > 4096


def test_the_cli_shows_attachment_names_safely(ready_cli, crisis_id, tmp_path):
    odd = tmp_path / "factuur\u202egpj.exe"
    odd.write_bytes(b"MZ")
    added = ready_cli.ok("log", "add", "--crisis", crisis_id, "--text", "Bijlage", "--source",
                         "burger", "--attach", str(odd))
    assert "factuurgpj.exe" in added.out and "\u202e" not in added.out
    entry = ready_cli.ok("log", "list", "--crisis", crisis_id, "--json").json()[0]["id"]
    history = ready_cli.ok("log", "history", entry, "--json")
    listed = history.json()["attachments"][0]
    assert listed["filename"] == "factuurgpj.exe"
    assert listed["filename_as_received"] == "factuur<U+202E>gpj.exe"
    assert "\u202e" not in history.out
