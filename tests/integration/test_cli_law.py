"""Issue 15, the law to the letter: each legal case through the real CLI (subprocesses).

Gemeentewet art. 176 as published by the NGB (seven leden), art. 175 and art. 172a; Wet
veiligheidsregio's art. 39. See DOMAIN.md §2."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime, timedelta

import pypdf
from cli_helpers import one_line_error


def iso(value: datetime) -> str:
    return value.isoformat()


def pdf_text(path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
            for p in reader.pages]


def _crisis(cli) -> str:
    return cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                  "--json").json()["id"]


def _ordinance(cli, crisis, at, *extra) -> str:
    return cli.ok("measure", "issue", "--crisis", crisis, "--kind", "noodverordening",
                  "--title", "Noodverordening centrum", "--at", iso(at), *extra,
                  "--json").json()["id"]


def test_suspension_keeps_ratification_lapse_and_account(ready_cli):
    cli = ready_cli
    now = datetime.now(UTC).replace(microsecond=0)
    t0 = now - timedelta(days=6)
    crisis = _crisis(cli)
    first = _ordinance(cli, crisis, t0)
    meeting = cli.ok("council", "meeting", "add", "--start", iso(t0 + timedelta(days=3)),
                     "--sitting-members", "29", "--json").json()
    cli.ok("measure", "suspend", first, "--at", iso(t0 + timedelta(days=1)))
    shown = cli.ok("measure", "show", first, "--now", iso(t0 + timedelta(days=2)),
                   "--json").json()
    assert shown["state"] == "suspended"
    kinds = {o["kind"] for o in shown["obligations"]}
    assert {"agenda_ratification", "ratification"} <= kinds  # still to be ratified
    # The meeting does not ratify it: it lapses after the appeal window, suspended or not.
    cli.ok("council", "meeting", "outcome", meeting["id"], "--attended", "20", "--rejected",
           first, "--at", iso(t0 + timedelta(days=3, hours=2)))
    assert cli.ok("measure", "show", first, "--json").json()["state"] == "lapsed"

    second = _ordinance(cli, crisis, now - timedelta(hours=5))
    cli.ok("council", "meeting", "add", "--start", iso(now + timedelta(days=4)),
           "--sitting-members", "29")
    cli.ok("measure", "suspend", second, "--at", iso(now - timedelta(hours=4)))
    cli.ok("measure", "withdraw", second, "--at", iso(now - timedelta(hours=3)))
    shown = cli.ok("measure", "show", second, "--json").json()
    assert shown["state"] == "withdrawn"
    assert "account_to_raad" in {o["kind"] for o in shown["obligations"]}  # still owed


def test_gebiedsverbod_durations_and_extensions_configurable(ready_cli):
    cli = ready_cli
    crisis = _crisis(cli)
    now = datetime.now(UTC).replace(microsecond=0) - timedelta(days=450)  # all in the past

    def ban(start, months_days, *extra):
        return cli("measure", "issue", "--crisis", crisis, "--kind", "gebiedsverbod-172a",
                   "--title", "Gebiedsverbod stadion", "--at", iso(start), "--planned-end",
                   iso(start + timedelta(days=months_days)), *extra, "--json")

    line = one_line_error(ban(now, 396))  # 13 months: refused
    assert "ten hoogste 3 maanden" in line and "172a" in line
    first = ban(now, 90)
    assert first.code == 0
    chain = [first.json()["id"]]
    for number in range(1, 4):  # three extensions of (at most) three months each
        start = now + timedelta(days=90 * number)
        result = ban(start, 90, "--extends", chain[-1])
        assert result.code == 0, result.err
        chain.append(result.json()["id"])
    fourth = ban(now + timedelta(days=360), 90, "--extends", chain[-1])
    assert "ten hoogste 3 keer worden verlengd" in one_line_error(fourth)
    assert "ten hoogste 3 maanden" in one_line_error(
        ban(now + timedelta(days=90), 120, "--extends", chain[0]))
    # The numbers are settings of the municipality (2012 values by default), set by an aide.
    assert cli.ok("setting", "set", "measure.gebiedsverbod_max_extensions", "4",
                  "--json").json() == {"measure.gebiedsverbod_max_extensions": 4}
    assert ban(now + timedelta(days=360), 90, "--extends", chain[-1]).code == 0
    listed = cli.ok("setting", "list", "--json").json()
    assert listed["measure.gebiedsverbod_max_months"] == 3


def test_letters_cite_the_seven_paragraph_text_and_name_province_and_parket(ready_cli,
                                                                            tmp_path):
    cli = ready_cli
    now = datetime.now(UTC).replace(microsecond=0)
    crisis = _crisis(cli)
    mid = _ordinance(cli, crisis, now - timedelta(hours=1), "--text",
                     "Artikel 1\nHet is verboden zich op het Marktplein op te houden.")
    raad = tmp_path / "raad.pdf"
    cli.ok("measure", "letter", mid, "--party", "raad", "--out", str(raad))
    pages = pdf_text(raad)
    assert "artikel 176, eerste lid, van de Gemeentewet" in pages[0]
    assert "kennis overeenkomstig artikel 176, tweede lid, van de Gemeentewet" in pages[0]
    assert "artikel 176, derde lid, van de Gemeentewet vervalt" in pages[0]
    assert "als bijlage bij deze brief gevoegd" in pages[0] and len(pages) == 2
    assert "verboden zich op het Marktplein op te houden" in pages[1]  # the annex, really

    cdk = tmp_path / "cdk.pdf"
    line = one_line_error(cli("measure", "letter", mid, "--party", "cdk", "--out", str(cdk)))
    assert "--province" in line and not cdk.exists()
    cli.ok("measure", "letter", mid, "--party", "cdk", "--out", str(cdk), "--province",
           "Gelderland")
    assert "De commissaris van de Koning in de provincie Gelderland" in pdf_text(cdk)[0]
    again = tmp_path / "cdk2.pdf"  # asked once: remembered
    cli.ok("measure", "letter", mid, "--party", "cdk", "--out", str(again))
    assert "provincie Gelderland" in pdf_text(again)[0]
    ovj = tmp_path / "ovj.pdf"
    cli.ok("measure", "letter", mid, "--party", "ovj", "--out", str(ovj), "--parket",
           "Oost-Nederland")
    assert "hoofd van het arrondissementsparket Oost-Nederland" in pdf_text(ovj)[0]

    cli.ok("measure", "withdraw", mid)
    withdrawal = tmp_path / "intrekking.pdf"
    cli.ok("measure", "letter", mid, "--party", "raad", "--out", str(withdrawal))
    text = pdf_text(withdrawal)[0]
    assert "artikel 176, zevende lid, van de Gemeentewet" in text and "tweede lid" in text


def test_noodbevel_is_given_and_no_annex_without_text(ready_cli, tmp_path):
    cli = ready_cli
    crisis = _crisis(cli)
    bevel = cli.ok("measure", "issue", "--crisis", crisis, "--kind", "noodbevel", "--title",
                   "Noodbevel Stationsplein", "--json").json()["id"]
    out = tmp_path / "bevel.pdf"
    cli.ok("measure", "letter", bevel, "--party", "raad", "--out", str(out))
    (text,) = pdf_text(out)
    assert "heb gegeven" in text and "vastgesteld" not in text
    assert "bijlage" not in text.lower() and "afschrift" not in text.lower()


def test_chair_of_the_safety_region_letterhead(ready_cli, tmp_path):
    cli = ready_cli
    crisis = _crisis(cli)
    cli.ok("measure", "art39", "--crisis", crisis, "--applies")
    mid = cli.ok("measure", "issue", "--crisis", crisis, "--kind", "noodverordening",
                 "--issuer", "voorzitter-vr", "--title", "Noodverordening regio",
                 "--json").json()["id"]
    out = tmp_path / "vr.pdf"
    assert "--safety-region" in one_line_error(cli("measure", "letter", mid, "--party", "raad",
                                                   "--out", str(out)))
    cli.ok("measure", "letter", mid, "--party", "raad", "--out", str(out), "--safety-region",
           "Veiligheidsregio Gelderland-Zuid")
    (text,) = pdf_text(out)
    head = text.split("De gemeenteraad")[0]
    assert "Veiligheidsregio Gelderland-Zuid" in head and "Gemeente Waalbergen" not in head
    assert "artikel 39 van de Wet veiligheidsregio's" in text
