"""`log add --attach`, `log attachment save` and the late-entry setting in `log list --json`."""

import json
from datetime import UTC, datetime, timedelta

from cli_helpers import one_line_error

from crisisconsole.clock import format_utc


def test_attach_save_and_late_setting(ready_cli, tmp_path):
    cli = ready_cli
    crisis_id = cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                       "--json").json()["id"]
    photo, note = tmp_path / "plein.jpg", tmp_path / "verslag.txt"
    photo.write_bytes(b"\xff\xd8\x00foto")
    note.write_text("verslag ME", encoding="utf-8")
    twenty_ago = format_utc(datetime.now(UTC) - timedelta(minutes=20))
    added = cli.ok("log", "add", "--crisis", crisis_id, "--text", "Foto's Marktplein",
                   "--source", "burger", "--occurred-at", twenty_ago,
                   "--attach", str(photo), "--attach", str(note), "--json").json()
    assert [a["filename"] for a in added["attachments"]] == ["plein.jpg", "verslag.txt"]
    assert added["late"] is False  # 20 minutes, default threshold 30
    history = cli.ok("log", "history", added["id"], "--json").json()
    first = history["attachments"][0]
    assert (first["filename"], first["mime"], first["size"]) == ("plein.jpg", "image/jpeg", 7)
    out = tmp_path / "uit.jpg"
    saved = cli.ok("log", "attachment", "save", first["id"], "--out", str(out), "--json").json()
    assert out.read_bytes() == b"\xff\xd8\x00foto" and saved["size"] == 7
    assert "bestaat al" in one_line_error(
        cli("log", "attachment", "save", first["id"], "--out", str(out)))
    assert "te lezen" in one_line_error(
        cli("log", "add", "--crisis", crisis_id, "--text", "x", "--source", "burger",
            "--attach", str(tmp_path / "weg.pdf")))
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"late_entry_minutes": 10}),
                                          encoding="utf-8")
    listed = cli.ok("log", "list", "--crisis", crisis_id, "--json").json()
    assert [e["late"] for e in listed] == [True]  # the same entry, now past the threshold
