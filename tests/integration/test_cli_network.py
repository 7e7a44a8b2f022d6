"""The network commands as scripts use them (real subprocesses): a request from add to answer,
seen in the log (linked) and in the picture; the directory in and out; the roster; the
timeline and the evaluation written."""

import json

import pytest
from cli_helpers import one_line_error


def test_request_from_add_to_answer_is_in_the_log_linked_and_in_the_picture(ready_cli, tmp_path):
    cli = ready_cli
    crisis = cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                    "--grip", "2", "--json").json()["id"]
    partner = cli.ok("partner", "add", "--name", "GGD Gelderland-Zuid", "--function", "DPG",
                     "--contributes", "Medische informatie. Slachtofferregistratie.",
                     "--phone", "088 144 7111", "--escalation-phone", "06 12345678",
                     "--discipline", "ghor", "--json").json()
    assert partner["phone_e164"] == "+31881447111" and partner["phone"] == "088 144 7111"
    cli.ok("log", "add", "--crisis", crisis, "--text", "Gewonden na vechtpartij op het plein",
           "--source", "politie", "--location", "Marktplein")
    (topic,) = cli.ok("topic", "list", "--crisis", crisis, "--json").json()
    made = cli.ok("request", "add", "--crisis", crisis, "--to", "GGD Gelderland-Zuid",
                  "--question", "Hoeveel gewonden?", "--due", "2199-01-01T15:00",
                  "--topic", topic["id"], "--json").json()
    for key in ("id", "state", "to", "question", "asked_at", "due_at", "overdue",
                "answer_entry_ids"):
        assert key in made
    assert made["state"] == "open" and made["to"] == "GGD Gelderland-Zuid"
    answered = cli.ok("request", "answer", made["id"], "--text", "Vier gewonden",
                      "--reliability", "confirmed", "--json").json()
    assert answered["state"] == "answered" and len(answered["answer_entry_ids"]) == 1
    entry_id = answered["answer_entry_ids"][0]
    log = cli.ok("log", "list", "--crisis", crisis, "--json").json()
    entry = next(e for e in log if e["id"] == entry_id)
    assert entry["source"] == "ghor" and entry["reliability"] == "confirmed"
    listed = cli.ok("request", "list", "--crisis", crisis, "--json").json()
    assert listed[0]["answer_entry_ids"] == [entry_id]
    picture = cli.ok("picture", "show", "--crisis", crisis, "--json").json()
    ghor = next(d for d in picture["disciplines"] if d["key"] == "ghor")
    assert any(entry_id in item["entry_ids"] for item in ghor["confirmed"])
    assert any("GGD Gelderland-Zuid" in c["text"] for c in picture["contacts"])
    shown = cli.ok("topic", "show", topic["id"], "--json").json()  # the topic it serves
    assert entry_id in shown["entry_ids"]
    error = one_line_error(cli("request", "withdraw", made["id"], "--reason", "x"))
    assert "beantwoord" in error


class _InProcess:
    """The CLI's own main() in this process (fast: no interpreter start, test KDF); the
    first test above runs the real console script in a subprocess."""

    def __init__(self, tmp_path, monkeypatch, capsys):
        from cli_helpers import AIDE_SECRET, PASS

        monkeypatch.setenv("CRISISCONSOLE_PASSPHRASE", PASS)
        monkeypatch.setenv("CRISISCONSOLE_PROFILE_SECRET", AIDE_SECRET)
        self.db, self.capsys = str(tmp_path / "n.db"), capsys

    def __call__(self, *args):
        from cli_helpers import Result

        from crisisconsole.cli import main

        self.capsys.readouterr()
        code = main(["--db", self.db, *args])
        printed = self.capsys.readouterr()
        return Result(code, printed.out, printed.err)

    def ok(self, *args):
        result = self(*args)
        assert result.code == 0, result.err
        return result


@pytest.fixture
def inproc(tmp_path, monkeypatch, capsys):
    cli = _InProcess(tmp_path, monkeypatch, capsys)
    cli.ok("init")
    return cli


def test_bad_requests_are_one_line_refusals(inproc):
    cli = inproc
    crisis = cli.ok("crisis", "open", "--name", "O", "--municipality", "W", "--json").json()["id"]
    error = one_line_error(cli("request", "add", "--crisis", crisis, "--to", "Niemand",
                               "--question", "V", "--due", "2199-01-01T10:00"))
    assert "onbekende partner" in error
    error = one_line_error(cli("request", "add", "--crisis", crisis, "--person", "X",
                               "--question", "V", "--due", "2001-01-01T10:00"))
    assert "termijn" in error
    error = one_line_error(cli("request", "add", "--crisis", crisis, "--person", "X",
                               "--question", "V", "--due", "1850-01-01T10:00"))
    assert "1900" in error
    made = cli.ok("request", "add", "--crisis", crisis, "--person", "X", "--question", "V",
                  "--due", "2199-01-01T10:00", "--json").json()
    cli.ok("request", "withdraw", made["id"], "--reason", "niet nodig")
    error = one_line_error(cli("request", "answer", made["id"], "--text", "T"))
    assert "ingetrokken" in error
    assert cli.ok("request", "list", "--crisis", crisis, "--open", "--json").json() == []


def test_overdue_list_directory_roster_timeline_and_evaluation(inproc, tmp_path):
    cli = inproc
    crisis = cli.ok("crisis", "open", "--name", "O", "--municipality", "W", "--json").json()["id"]
    made = cli.ok("request", "add", "--crisis", crisis, "--person", "Vergunningen",
                  "--question", "Vergunning?", "--due", "2199-01-01T10:00", "--json").json()
    overdue = cli.ok("request", "list", "--crisis", crisis, "--overdue", "--now",
                     "2199-01-02T10:00", "--json").json()
    assert [r["id"] for r in overdue] == [made["id"]] and overdue[0]["overdue"] is True
    assert cli.ok("request", "list", "--crisis", crisis, "--overdue", "--json").json() == []
    source = tmp_path / "partners.csv"
    source.write_text("naam,functie,telefoon\nPolitie Oost,Teamchef,0900-8844\n", "utf-8")
    assert cli.ok("partner", "import", str(source), "--json").json()["added"] == 1
    out = tmp_path / "p.vcf"
    cli.ok("partner", "export", "--format", "vcf", "--out", str(out))
    assert "FN:Politie Oost" in out.read_text("utf-8")
    assert "bestaat al" in one_line_error(cli("partner", "export", "--format", "vcf",
                                              "--out", str(out)))
    assert len(cli.ok("partner", "list", "--json").json()) == 1
    cli.ok("roster", "assign", "--crisis", crisis, "--function", "burgemeester", "--person",
           "A. Jansen")
    shown = cli.ok("roster", "show", "--crisis", crisis, "--json").json()
    assert {"function": "burgemeester", "person": "A. Jansen"}.items() <= shown[
        "functions"][0].items()
    for suffix in ("pdf", "json"):
        cli.ok("timeline", "--crisis", crisis, "--out", str(tmp_path / f"t.{suffix}"))
        cli.ok("evaluate", "--crisis", crisis, "--out", str(tmp_path / f"e.{suffix}"))
    data = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert data["totals"]["requests"] == 1 and data["partners"][0]["never"] == 1
    assert (tmp_path / "e.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "t.pdf").read_bytes().startswith(b"%PDF")
    assert "Auditketen #" in _pdf_text(tmp_path / "e.pdf")


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)
