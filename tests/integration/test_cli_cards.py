"""The card commands as scripts use them: need to know, masking, audit, purge, export."""

from __future__ import annotations

from cli_helpers import one_line_error

NAME = "Pieter de Groot"
STATEMENT = "Heeft oproep tot blokkade gedeeld in groepsapp"


def test_card_lifecycle_through_the_cli(ready_cli, tmp_path):
    cli = ready_cli
    crisis = cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "W", "--json").json()
    card = cli.ok("card", "add", "--crisis", crisis["id"], "--name", NAME, "--kind", "person",
                  "--role", "organisator demonstratie", "--json").json()
    assert card["id"] and card["masked"] == "P.d.G. (organisator demonstratie)"
    missing = one_line_error(cli("card", "fact", "add", card["id"], "--statement", STATEMENT,
                                 "--source-org", "Politie"))
    assert "kanaal" in missing and "grondslag" in missing and "doel" in missing
    assert STATEMENT not in missing
    fact = cli.ok("card", "fact", "add", card["id"], "--statement", STATEMENT, "--source-org",
                  "Politie", "--channel", "wpg16", "--legal-basis", "Wpg art. 16", "--purpose",
                  "openbare orde", "--reliability", "confirmed", "--grade", "B2",
                  "--json").json()
    assert fact["id"] and fact["grade"] == "B2"
    listed = cli.ok("card", "list", "--crisis", crisis["id"], "--json")
    assert listed.json()[0]["masked"] == card["masked"]
    assert NAME not in listed.out and STATEMENT not in listed.out and "Pieter" not in listed.out
    shown = cli.ok("card", "show", card["id"], "--purpose", "briefing", "--json").json()
    assert shown["name"] == NAME and shown["facts"][0]["statement"] == STATEMENT

    cli.ok("profile", "add", "--name", "teamlid", "--role", "team")
    refused = one_line_error(cli("--profile", "teamlid", "card", "show", card["id"],
                                 "--purpose", "x"), code=3)
    assert "toegang" in refused.lower() and NAME not in refused
    one_line_error(cli("--profile", "teamlid", "card", "list", "--crisis", crisis["id"]), code=3)

    out = tmp_path / "kaart.pdf"
    cli.ok("card", "export", card["id"], "--out", str(out), "--purpose", "driehoek")
    assert out.read_bytes().startswith(b"%PDF")

    records = cli.ok("audit", "list", "--object-type", "card", "--json").json()
    seen = [(r["action"], r["result"], r["actor_name"]) for r in records]
    assert ("card.view", "ok", "aide") in seen
    assert ("card.view", "refused", "teamlid") in seen
    assert ("card.list", "refused", "teamlid") in seen
    assert ("card.export", "ok", "aide") in seen
    assert NAME not in cli.ok("audit", "list").out

    assert cli.ok("card", "purge", "--due", "--json").json()["purged"] == []
    cli.ok("crisis", "close", crisis["id"])
    # A clock override is no door around the retention period in a real database.
    assert "--now" in one_line_error(cli("card", "purge", "--due", "--now",
                                         "2099-01-01T00:00:00Z"))
    assert cli.ok("card", "purge", "--due", "--json").json()["purged"] == []
    cli.ok("card", "retention", "--days", "0")
    purged = cli.ok("card", "purge", "--due", "--json").json()
    assert [p["card_id"] for p in purged["purged"]] == [card["id"]]
    assert NAME not in repr(purged)
    assert cli.ok("audit", "verify").out.startswith("OK")
    after = cli.ok("card", "show", card["id"], "--purpose", "controle", "--json").json()
    assert after["purged"] and after["tombstone"]["removed_hash"] == purged["purged"][0][
        "removed_hash"]
    assert NAME not in repr(after) and STATEMENT not in repr(after)


def test_stray_bytes_in_a_statement_are_refused_in_one_line(ready_cli):
    crisis = ready_cli.ok("crisis", "open", "--name", "O", "--municipality", "W", "--json").json()
    card = ready_cli.ok("card", "add", "--crisis", crisis["id"], "--name", NAME, "--json").json()
    result = ready_cli("card", "fact", "add", card["id"], "--statement", "Bewering \udcff hier",
                       "--source-org", "Politie", "--channel", "wpg16", "--legal-basis", "Wpg 16",
                       "--purpose", "orde")
    assert "ongeldige tekens" in one_line_error(result)


def test_crash_log_holds_no_personal_data(tmp_path, monkeypatch, capsys):
    """An unexpected failure while rendering a card (its message quoting the card's HTML) is
    logged with its traceback, but without the message: no statement or name in the log."""
    import json

    from crisisconsole.cli import main
    from crisisconsole.crashlog import log_file, setup_logging
    from crisisconsole.interchange import pdf_render

    monkeypatch.setenv("CRISISCONSOLE_PASSPHRASE", "een lange test wachtzin")
    monkeypatch.setenv("CRISISCONSOLE_PROFILE_SECRET", "geheim van de aide")
    db = str(tmp_path / "c.db")

    def run(*args):
        capsys.readouterr()
        code = main(["--db", db, *args])
        return code, capsys.readouterr()

    setup_logging()
    assert run("init")[0] == 0
    crisis = json.loads(run("crisis", "open", "--name", "O", "--municipality", "W", "--json")[1]
                        .out)
    card = json.loads(run("card", "add", "--crisis", crisis["id"], "--name", NAME, "--json")[1]
                      .out)
    assert run("card", "fact", "add", card["id"], "--statement", STATEMENT, "--source-org",
               "Politie", "--channel", "wpg16", "--legal-basis", "Wpg 16", "--purpose",
               "orde")[0] == 0

    def broken(html, options=None):
        raise ValueError(f"cannot lay out: {html[:400]}")

    monkeypatch.setattr(pdf_render, "render_pdf", broken)
    code, printed = run("card", "export", card["id"], "--out", str(tmp_path / "k.pdf"),
                        "--purpose", "briefing")
    assert code == 70 and "onverwachte fout" in printed.err
    log = log_file().read_text(encoding="utf-8")
    assert "SuppressedError" in log and "cards/export.py" in log  # the traceback is there
    for secret in (STATEMENT, NAME, "Pieter"):
        assert secret not in log and secret not in printed.err
