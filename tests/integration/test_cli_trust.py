"""The attacks of issue #11 (need to know) through the real console script: each fails on the
version before profile secrets and a cards key."""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher
from cli_helpers import Cli, as_profile, new_secret, one_line_error

from crisisconsole.store import tables
from crisisconsole.store.audit_chain import content_hash

NAME, YEAR = "Pieter de Groot", 1979
STATEMENT = "Heeft oproep tot blokkade gedeeld in groepsapp"
VIEWER = as_profile("geheim van de lezer")


def _with_viewer(cli: Cli) -> None:
    cli.ok("profile", "add", "--name", "lezer", "--role", "viewer",
           env=new_secret("geheim van de lezer"))


def _card(cli: Cli) -> tuple[dict, dict]:
    crisis = cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "W", "--json").json()
    card = cli.ok("card", "add", "--crisis", crisis["id"], "--name", NAME, "--year-of-birth",
                  str(YEAR), "--role", "organisator", "--json").json()
    cli.ok("card", "fact", "add", card["id"], "--statement", STATEMENT, "--source-org",
           "Politie", "--channel", "wpg16", "--legal-basis", "Wpg 16", "--purpose", "orde")
    return crisis, card


def _audit(cli: Cli, **where) -> list[dict]:
    return [r for r in cli.ok("audit", "list", "--json").json()
            if all(r[k] == v for k, v in where.items())]


def test_a_viewer_cannot_make_itself_an_aide(ready_cli):
    _with_viewer(ready_cli)
    result = ready_cli("--profile", "lezer", "profile", "add", "--name", "x", "--role", "aide",
                       env={**VIEWER, **new_secret("ik ben nu aide")})
    assert "geweigerd" in one_line_error(result, code=3)
    assert [p["name"] for p in ready_cli.ok("profile", "list", "--json").json()] == [
        "aide", "lezer"]
    assert _audit(ready_cli, action="profile.add", result="refused")[0]["actor_name"] == "lezer"


def test_an_aide_profile_needs_its_own_secret(ready_cli):
    ready_cli.ok("profile", "add", "--name", "tweede", "--role", "aide",
                 env=new_secret("geheim van de tweede"))
    before = len(_audit(ready_cli))
    no_secret = ready_cli("--profile", "tweede", "crisis", "list", env={
        "CRISISCONSOLE_PROFILE_SECRET": ""})
    assert no_secret.code == 0  # a read that names no actor needs no profile secret
    wrong = ready_cli("--profile", "tweede", "crisis", "open", "--name", "X",
                      "--municipality", "Y")  # acting with the first aide's secret
    assert "verkeerd profielgeheim" in one_line_error(wrong, code=3)
    missing = ready_cli("--profile", "tweede", "crisis", "open", "--name", "X",
                        "--municipality", "Y", env={"CRISISCONSOLE_PROFILE_SECRET": ""})
    assert "CRISISCONSOLE_PROFILE_SECRET" in one_line_error(missing, code=3)
    refused = _audit(ready_cli, action="profile.unlock", result="refused")
    assert len(refused) == 1 and len(_audit(ready_cli)) == before + 1
    assert ready_cli.ok("crisis", "list", "--json").json() == []  # nothing changed
    ready_cli.ok("--profile", "tweede", "crisis", "open", "--name", "X", "--municipality", "Y",
                 env=as_profile("geheim van de tweede"))
    refused = one_line_error(ready_cli("profile", "add", "--name", "bm", "--role", "mayor"))
    assert "CRISISCONSOLE_NEW_PROFILE_SECRET" in refused


def test_key_export_and_backup_are_an_aides_audited_acts(ready_cli, tmp_path):
    _with_viewer(ready_cli)
    for out, args in ((tmp_path / "k.txt", ("key", "export", "--out")),
                      (tmp_path / "b.db", ("backup", "--out"))):
        refused = ready_cli("--profile", "lezer", *args, str(out), env=VIEWER)
        assert "geweigerd" in one_line_error(refused, code=3) and not out.exists()
        ready_cli.ok(*args, str(out))
        assert out.exists()
    done = {(r["action"], r["result"], r["actor_name"]) for r in _audit(ready_cli)}
    assert {("key.export", "refused", "lezer"), ("backup.make", "refused", "lezer"),
            ("key.export", "ok", "aide"), ("backup.make", "ok", "aide")} <= done


def _stored_rows(cli: Cli, key: str, table: str) -> list[dict]:
    raw = sqlcipher.connect(str(cli.db))
    try:
        raw.execute(f"PRAGMA key = \"x'{key}'\"")
        cursor = raw.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        raw.close()


def test_audit_hashes_give_nothing_to_guess_names_against(ready_cli, tmp_path):
    """Whoever holds the database key sees every other field of a card row; trying the true
    name and year of birth against the audit chain's content hash must not confirm them,
    before or after the purge."""
    cli = ready_cli
    crisis, card = _card(cli)
    cli.ok("key", "export", "--out", str(tmp_path / "k.txt"))
    key = (tmp_path / "k.txt").read_text().strip()
    table = next(t for t in tables.all_tables() if t.name == "card")

    def guesses() -> set[str]:
        row = _stored_rows(cli, key, "card")[0]
        guessed = {**row, "name": NAME, "year_of_birth": YEAR, "role_in_crisis": "organisator",
                   "aliases": None, "organisation": None}
        return {content_hash(table, guessed)}

    hashes = {r["content_hash"] for r in cli.ok("audit", "list", "--json").json()}
    assert not guesses() & hashes
    row = _stored_rows(cli, key, "card")[0]
    assert NAME not in repr(row) and str(YEAR) not in repr(row)
    cli.ok("crisis", "close", crisis["id"])
    cli.ok("card", "retention", "--days", "0")
    cli.ok("card", "purge", "--due")
    hashes = {r["content_hash"] for r in cli.ok("audit", "list", "--json").json()}
    assert not guesses() & hashes
    assert NAME not in cli.ok("audit", "list").out


def test_purge_is_an_aides_act_on_the_real_clock(ready_cli):
    cli = ready_cli
    _with_viewer(cli)
    crisis, card = _card(cli)
    cli.ok("crisis", "close", crisis["id"])
    early = cli("--profile", "lezer", "card", "purge", "--due", "--now", "2099-01-01T00:00:00Z",
                env=VIEWER)
    assert "--now" in one_line_error(early)
    assert "geweigerd" in one_line_error(cli("--profile", "lezer", "card", "purge", "--due",
                                             env=VIEWER), code=3)
    assert "--now" in one_line_error(cli("card", "purge", "--due", "--now",
                                         "2099-01-01T00:00:00Z"))
    assert "--now" in one_line_error(cli("measure", "withdraw", "x", "--now",
                                         "2099-01-01T00:00:00Z"))
    assert cli.ok("card", "list", "--crisis", crisis["id"], "--json").json()[0]["purged"] is False
    assert _audit(cli, action="card.purge", result="refused")[0]["actor_name"] == "lezer"
    assert "verwijderd" not in cli.ok("card", "show", card["id"], "--purpose", "x").out.lower()


def test_demo_prints_secrets_scripts_can_act_with(cli):
    info = cli.ok("demo", "--no-gui", "--json").json()
    assert info["profile"] == "aide" and info["profile_secret"]
    mayor = next(n for n, p in info["profiles"].items() if p["role"] == "mayor")
    env = as_profile(info["profiles"][mayor]["secret"])
    listed = cli.ok("--profile", mayor, "card", "list", "--crisis", info["crisis_id"], "--json",
                    env=env).json()
    assert listed and all("(" in c["masked"] for c in listed)
    assert cli.ok("card", "show", listed[0]["id"], "--purpose", "demo", "--json",
                  env=as_profile(info["profile_secret"])).json()["name"]
    # The demo database allows a clock override on a command that acts.
    purged = cli.ok("card", "purge", "--due", "--now", "2199-01-01T00:00:00Z", "--json",
                    env=as_profile(info["profile_secret"])).json()
    assert purged["checked_at"].startswith("2199")
    assert info["key_file"] is None


def test_init_shows_the_cards_recovery_code_that_recovers_a_lost_secret(cli):
    made = cli.ok("init", "--json").json()
    code = made["cards_recovery_code"]
    assert code and len(code.replace("-", "")) == 32
    crisis = cli.ok("crisis", "open", "--name", "O", "--municipality", "W", "--json").json()
    card = cli.ok("card", "add", "--crisis", crisis["id"], "--name", NAME, "--json").json()
    lost = {"CRISISCONSOLE_PROFILE_SECRET": "vergeten", **new_secret("nieuw aide geheim")}
    wrong = cli("profile", "recover", env={**lost, "CRISISCONSOLE_CARDS_RECOVERY_CODE":
                                           "AAAA-" * 7 + "AAAA"})
    assert "herstelcode" in one_line_error(wrong, code=3)
    cli.ok("profile", "recover", env={**lost, "CRISISCONSOLE_CARDS_RECOVERY_CODE": code})
    shown = cli.ok("card", "show", card["id"], "--purpose", "na herstel", "--json",
                   env=as_profile("nieuw aide geheim")).json()
    assert shown["name"] == NAME
    # The old secret no longer opens the profile.
    assert "verkeerd" in one_line_error(cli("crisis", "close", crisis["id"]), code=3)
    assert cli.ok("audit", "verify").out.startswith("OK")
