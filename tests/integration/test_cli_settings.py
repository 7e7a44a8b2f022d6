"""`setting list/set`: every role reads, only an aide changes (exit 3 and an audited refusal
otherwise); an old threshold in the settings file is taken over once by the aide."""

import json

from cli_helpers import one_line_error


def test_settings_read_by_all_changed_by_the_aide(ready_cli):
    ready_cli.ok("profile", "add", "--name", "lezer", "--role", "viewer")
    assert ready_cli.ok("--profile", "lezer", "setting", "list", "--json").json()[
        "log.late_entry_minutes"] == 30
    line = one_line_error(ready_cli("--profile", "lezer", "setting", "set",
                                    "log.late_entry_minutes", "5"), code=3)
    assert "geweigerd" in line
    refused = ready_cli.ok("audit", "list", "--object-type", "setting_fact", "--json").json()
    assert [r["result"] for r in refused] == ["refused"]
    assert ready_cli.ok("setting", "set", "log.late_entry_minutes", "5", "--json").json() == {
        "log.late_entry_minutes": 5}
    assert ready_cli.ok("setting", "list", "--json").json()["log.late_entry_minutes"] == 5
    assert "onbekende instelling" in one_line_error(ready_cli("setting", "set", "x", "1"))
    assert one_line_error(ready_cli("setting", "set", "log.late_entry_minutes", "veel"))


def test_old_threshold_in_the_settings_file_is_taken_over_once(ready_cli, tmp_path):
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"late_entry_minutes": 10}))
    crisis = ready_cli.ok("crisis", "open", "--name", "X", "--municipality", "Y",
                          "--json").json()["id"]
    assert "late_entry_minutes" not in json.loads((config / "settings.json").read_text())
    assert ready_cli.ok("setting", "list", "--json").json()["log.late_entry_minutes"] == 10
    records = ready_cli.ok("audit", "list", "--object-type", "setting_fact", "--json").json()
    assert [r["action"] for r in records] == ["setting.take_over"]
    assert ready_cli.ok("log", "list", "--crisis", crisis, "--json").json() == []
