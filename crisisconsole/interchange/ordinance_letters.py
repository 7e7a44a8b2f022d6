"""The Dutch notification letters of Gemeentewet art. 176 lid 3 (and the withdrawal notices),
drafted from the measure record, ready to sign and send.

Text only: the PDF is made by pdf_render. A letter for an exercise says OEFENING in its subject
and on every page, so it can never be mistaken for the real thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from crisisconsole.clock import format_local, to_local
from crisisconsole.domain.measures import Issuer, MeasureKind, Party
from crisisconsole.interchange.pdf_render import PdfOptions, render_pdf

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

ADDRESSEES = {
    Party.RAAD: ("De gemeenteraad van {gemeente}", "t.a.v. de griffie", "Geachte leden van de raad,"),
    Party.CDK: ("De commissaris van de Koning", "in de provincie", "Geachte commissaris,"),
    Party.OVJ: ("De hoofdofficier van justitie", "hoofd van het arrondissementsparket",
                "Geachte hoofdofficier,"),
}


@dataclass(frozen=True)
class LetterData:
    party: Party
    purpose: str  # issue | withdrawal
    municipality: str
    exercise: bool
    kind: MeasureKind
    issuer: Issuer
    title: str
    legal_basis: str
    issued_at: datetime
    letter_date: datetime
    area: str | None = None
    planned_end: datetime | None = None
    withdrawn_at: datetime | None = None
    publication: str | None = None  # how and where it was made known
    meeting_start: datetime | None = None  # the meeting that must ratify (raad letter)
    crisis_name: str = ""
    reference: str = ""
    chain: dict[str, Any] | None = None  # the audit chain's head the letter was drafted at
    addressee: str | None = None  # the named person from the partner directory (issue 16)


def municipality_name(text: str) -> str:
    """"Gemeente Waalbergen" and "Waalbergen" both give "Waalbergen"."""
    text = " ".join(text.split())
    return text[9:] if text.lower().startswith("gemeente ") else text


def long_date(value: datetime) -> str:
    local = to_local(value)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"


def when_text(value: datetime) -> str:
    return f"{long_date(value)} om {to_local(value):%H:%M} uur"


def subject(data: LetterData) -> str:
    what = data.kind.label_nl.lower()
    head = "Intrekking" if data.purpose == "withdrawal" else "Kennisgeving"
    text = f"{head} {what} “{data.title}”"
    return ("OEFENING – " + text) if data.exercise else text


def _signer(data: LetterData) -> tuple[str, str]:
    if data.issuer is Issuer.VOORZITTER_VR:
        return ("De voorzitter van de veiligheidsregio,", "(Wet veiligheidsregio's, artikel 39)")
    return (f"De burgemeester van {municipality_name(data.municipality)},", "")


def basis_text(legal_basis: str) -> str:
    """"Gemeentewet art. 176" as a sentence says it: "artikel 176 van de Gemeentewet"."""
    law, sep, article = legal_basis.partition(" art. ")
    return f"artikel {article} van de {law}" if sep else legal_basis


# Dutch grammatical gender: "het noodbevel", "het gebiedsverbod", otherwise "de".
_NEUTER = {MeasureKind.NOODBEVEL, MeasureKind.GEBIEDSVERBOD_172A}


def _paragraphs(data: LetterData) -> list[str]:
    what = data.kind.label_nl.lower()
    the = "het" if data.kind in _NEUTER else "de"
    it = "het" if data.kind in _NEUTER else "haar"
    basis = basis_text(data.legal_basis)
    who = "ik als voorzitter van de veiligheidsregio" if data.issuer is Issuer.VOORZITTER_VR else "ik"
    out = []
    if data.purpose == "withdrawal":
        when = when_text(data.withdrawn_at or data.letter_date)
        out.append(f"Hierbij deel ik u mee dat {who} {the} {what} “{escape(data.title)}”, "
                   f"vastgesteld op {when_text(data.issued_at)} op grond van {basis}, "
                   f"op {when} heb ingetrokken. De omstandigheden die {the} {what} nodig maakten, "
                   "doen zich niet meer voor.")
        if data.kind is MeasureKind.NOODVERORDENING:
            out.append("Ik informeer u hierover overeenkomstig artikel 176, derde lid, van de "
                       "Gemeentewet.")
        if data.party is Party.RAAD and data.issuer is Issuer.BURGEMEESTER:
            out.append("Over de inzet van deze bevoegdheid leg ik verantwoording af aan uw raad.")
    else:
        out.append(f"Hierbij deel ik u mee dat {who} op {when_text(data.issued_at)} op grond van "
                   f"{basis} {the} {what} “{escape(data.title)}” heb vastgesteld.")
        if data.kind is MeasureKind.NOODBEVEL and data.party is Party.RAAD:
            out.append("Een noodbevel behoeft geen kennisgeving of bekrachtiging; ik informeer uw "
                       "raad hierover ter kennisname.")
        if data.kind is MeasureKind.NOODVERORDENING:
            out.append("Ik geef u hiervan kennis overeenkomstig artikel 176, derde lid, van de "
                       "Gemeentewet. Een afschrift van de noodverordening is bijgevoegd.")
    if data.area:
        out.append(f"{the.capitalize()} {what} geldt voor het volgende gebied: {escape(data.area)}.")
    if data.purpose != "withdrawal":
        if data.planned_end:
            out.append(f"{the.capitalize()} {what} geldt tot uiterlijk "
                       f"{when_text(data.planned_end)}, tenzij ik {it} eerder intrek.")
        else:
            out.append(f"Zodra de omstandigheden dat toelaten, trek ik {the} {what} in.")
        if data.publication:
            out.append(f"{the.capitalize()} {what} is bekendgemaakt: {escape(data.publication)}.")
        if data.party is Party.RAAD and data.kind is MeasureKind.NOODVERORDENING:
            if data.issuer is Issuer.VOORZITTER_VR:
                out.append("Een noodverordening van de voorzitter van de veiligheidsregio behoeft "
                           "geen bekrachtiging door uw raad (artikel 39 Wet veiligheidsregio's).")
            elif data.meeting_start:
                out.append("Op grond van artikel 176, vierde lid, van de Gemeentewet leg ik de "
                           "noodverordening ter bekrachtiging voor aan uw raad in de vergadering "
                           f"van {when_text(data.meeting_start)}.")
            else:
                out.append("Op grond van artikel 176, vierde lid, van de Gemeentewet leg ik de "
                           "noodverordening ter bekrachtiging voor aan uw raad in de eerstvolgende "
                           "vergadering.")
    return out


def letter_html(data: LetterData) -> str:
    name, line2, greeting = ADDRESSEES[data.party]
    place = municipality_name(data.municipality)
    signer, signer_note = _signer(data)
    exercise = ('<p style="color:#b00020; font-size:16pt; font-weight:bold;">OEFENING – '
                "dit is geen echte kennisgeving</p>") if data.exercise else ""
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(data))
    ref = f"<tr><td>Kenmerk:</td><td>{escape(data.reference)}</td></tr>" if data.reference else ""
    return f"""
<html><body>
{exercise}
<p style="font-size:13pt;"><b>Gemeente {escape(place)}</b></p>
<p>{escape(name.format(gemeente=place))}<br>{escape(line2)}{
    f"<br>t.a.v. {escape(data.addressee)}" if data.addressee else ""}</p>
<table cellspacing="0" cellpadding="2" style="margin-top:12pt; margin-bottom:12pt;">
<tr><td>Datum:</td><td>{long_date(data.letter_date)}</td></tr>
<tr><td>Onderwerp:&nbsp;&nbsp;</td><td><b>{escape(subject(data))}</b></td></tr>
{ref}
</table>
<p>{greeting}</p>
{body}
<p style="margin-top:18pt;">Hoogachtend,</p>
<p style="margin-top:24pt;">{escape(signer)}<br>{escape(signer_note)}</p>
<p style="margin-top:48pt;">………………………………………<br>(handtekening)</p>
</body></html>
"""


def letter_pdf(data: LetterData) -> bytes:
    footer = f"{subject(data)} · opgesteld {format_local(data.letter_date)}"
    return render_pdf(letter_html(data), PdfOptions(
        title=subject(data), header=f"Gemeente {municipality_name(data.municipality)}",
        mark="OEFENING" if data.exercise else "", footer=footer[:120], chain=data.chain,
    ))
