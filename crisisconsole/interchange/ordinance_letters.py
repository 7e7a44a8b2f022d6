"""The Dutch letters of Gemeentewet art. 176 lid 2 (informing raad, CdK and hoofdofficier),
the withdrawal notices (lid 7) and the note on a noodbevel, drafted from the measure record,
ready to sign and send.

Every article and paragraph cited comes from letter_citations (one table, so one change mends
every letter). The CdK is the one of the municipality's province, the hoofdofficier the one of
its arrondissementsparket (settings of the municipality). A noodbevel is "gegeven", an
ordinance "vastgesteld". An ordinance of the chair of the safety region carries the safety
region's letterhead, not the municipality's. The ordinance's text, when recorded, is attached
as an annex (its own pages in the same PDF) and the letter says so; without a text the letter
does not claim an annex. Text only: the PDF is made by pdf_render. A letter for an exercise
says OEFENING in its subject and on every page, so it can never be mistaken for the real thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from crisisconsole.clock import format_local, to_local
from crisisconsole.domain.measures import Issuer, MeasureKind, Party
from crisisconsole.interchange.letter_citations import cite
from crisisconsole.interchange.pdf_render import PdfOptions, image_html, render_pdf

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

# (first line, second line, greeting); {gemeente}, {provincie}, {parket} filled in.
ADDRESSEES = {
    Party.RAAD: ("De gemeenteraad van {gemeente}", "t.a.v. de griffie", "Geachte leden van de raad,"),
    Party.CDK: ("De commissaris van de Koning", "in de provincie {provincie}",
                "Geachte commissaris,"),
    Party.OVJ: ("De hoofdofficier van justitie", "hoofd van het arrondissementsparket {parket}",
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
    area_map: bytes | None = None  # PNG of the measure's area (issue 18), printed under the text
    addressee: str | None = None  # the named person from the partner directory (issue 16)
    province: str = ""  # for the CdK
    parket: str = ""  # for the hoofdofficier van justitie
    safety_region: str = ""  # the letterhead of the chair of the safety region
    contact: str = ""  # sender block: who to ask (phone, e-mail)
    body: str | None = None  # the measure's text: attached as an annex when there is one


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
        return ("De voorzitter van de veiligheidsregio,", f"({cite('voorzitter_vr')})")
    return (f"De burgemeester van {municipality_name(data.municipality)},", "")


def letterhead(data: LetterData) -> str:
    """Whose paper the letter is on: the safety region for its chair, else the municipality."""
    if data.issuer is Issuer.VOORZITTER_VR:
        return data.safety_region or "Veiligheidsregio"
    return f"Gemeente {municipality_name(data.municipality)}"


def basis_text(legal_basis: str) -> str:
    """"Gemeentewet art. 176" as a sentence says it: "artikel 176 van de Gemeentewet"."""
    law, sep, article = legal_basis.partition(" art. ")
    return f"artikel {article} van de {law}" if sep else legal_basis


def _basis(data: LetterData) -> str:
    if data.kind is MeasureKind.NOODVERORDENING:
        return cite("noodverordening")
    if data.kind is MeasureKind.NOODBEVEL:
        return cite("noodbevel")
    return basis_text(data.legal_basis)


# Dutch grammatical gender: "het noodbevel", "het gebiedsverbod", otherwise "de".
_NEUTER = {MeasureKind.NOODBEVEL, MeasureKind.GEBIEDSVERBOD_172A}


def _made(kind: MeasureKind) -> str:
    """A bevel is given ("gegeven"), a rule is laid down ("vastgesteld")."""
    return "gegeven" if kind is MeasureKind.NOODBEVEL else "vastgesteld"


def _paragraphs(data: LetterData) -> list[str]:
    what = data.kind.label_nl.lower()
    the = "het" if data.kind in _NEUTER else "de"
    it = "het" if data.kind in _NEUTER else "haar"
    basis = _basis(data)
    made = _made(data.kind)
    who = "ik als voorzitter van de veiligheidsregio" if data.issuer is Issuer.VOORZITTER_VR else "ik"
    ordinance = data.kind is MeasureKind.NOODVERORDENING
    out = []
    if data.purpose == "withdrawal":
        when = when_text(data.withdrawn_at or data.letter_date)
        out.append(f"Hierbij deel ik u mee dat {who} {the} {what} “{escape(data.title)}”, "
                   f"{made} op {when_text(data.issued_at)} op grond van {basis}, "
                   f"op {when} heb ingetrokken. De omstandigheden die {the} {what} nodig maakten, "
                   "doen zich niet meer voor.")
        if ordinance:
            out.append(f"Ik informeer u hierover overeenkomstig {cite('withdrawal')}, dat het "
                       f"tweede lid van toepassing verklaart.")
        if data.party is Party.RAAD and data.issuer is Issuer.BURGEMEESTER and ordinance:
            out.append("Over de inzet van deze bevoegdheid leg ik verantwoording af aan uw raad.")
    else:
        out.append(f"Hierbij deel ik u mee dat {who} op {when_text(data.issued_at)} op grond van "
                   f"{basis} {the} {what} “{escape(data.title)}” heb {made}.")
        if data.kind is MeasureKind.NOODBEVEL and data.party is Party.RAAD:
            out.append("Een noodbevel behoeft geen kennisgeving of bekrachtiging; ik informeer uw "
                       "raad hierover ter kennisname.")
        if ordinance:
            out.append(f"Ik geef u hiervan kennis overeenkomstig {cite('inform')}.")
        if data.body:
            out.append(f"De tekst van {the} {what} is als bijlage bij deze brief gevoegd.")
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
        if data.party is Party.RAAD and ordinance:
            out.append(_ratification(data))
    return out


def _ratification(data: LetterData) -> str:
    if data.issuer is Issuer.VOORZITTER_VR:
        return ("Een noodverordening van de voorzitter van de veiligheidsregio behoeft geen "
                f"bekrachtiging door uw raad ({cite('voorzitter_vr')}).")
    meeting = (f"de vergadering van {when_text(data.meeting_start)}" if data.meeting_start
               else "de eerstvolgende vergadering")
    return (f"Op grond van {cite('ratification')} vervalt de noodverordening als uw raad haar "
            "niet bekrachtigt in de eerstvolgende vergadering waarin meer dan de helft van het "
            f"aantal zitting hebbende leden aanwezig is. Ik leg haar ter bekrachtiging voor in "
            f"{meeting}.")


def _sender(data: LetterData) -> str:
    lines = [letterhead(data)]
    if data.issuer is Issuer.VOORZITTER_VR:
        lines.append("De voorzitter")
    else:
        lines.append("De burgemeester")
    if data.contact and data.issuer is not Issuer.VOORZITTER_VR:  # the municipality's contact
        lines.append(f"Inlichtingen: {data.contact}")
    return "<br>".join(escape(line) for line in lines)


def _annex(data: LetterData) -> str:
    if not data.body or data.purpose == "withdrawal":
        return ""
    what = data.kind.label_nl.lower()
    text = "".join(f"<p>{escape(part)}</p>" for part in data.body.split("\n") if part.strip())
    return (f'<p style="page-break-before: always; font-size:13pt;"><b>Bijlage: tekst van de '
            f"{escape(what)} “{escape(data.title)}”</b></p>"
            f"<p>{escape(letterhead(data))}, {_made(data.kind)} op "
            f"{when_text(data.issued_at)}.</p>{text}")


def letter_html(data: LetterData) -> str:
    name, line2, greeting = ADDRESSEES[data.party]
    place = municipality_name(data.municipality)
    fill = {"gemeente": place, "provincie": data.province, "parket": data.parket}
    signer, signer_note = _signer(data)
    exercise = ('<p style="color:#b00020; font-size:16pt; font-weight:bold;">OEFENING – '
                "dit is geen echte kennisgeving</p>") if data.exercise else ""
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(data))
    ref = f"<tr><td>Kenmerk:</td><td>{escape(data.reference)}</td></tr>" if data.reference else ""
    return f"""
<html><body>
{exercise}
<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td width="55%"><p style="font-size:13pt;"><b>{escape(letterhead(data))}</b></p></td>
<td width="45%" align="right" style="font-size:8.5pt; color:#333333;">{_sender(data)}</td>
</tr></table>
<p>{escape(name.format(**fill))}<br>{escape(line2.format(**fill))}{
    f"<br>t.a.v. {escape(data.addressee)}" if data.addressee else ""}</p>
<table cellspacing="0" cellpadding="2" style="margin-top:12pt; margin-bottom:12pt;">
<tr><td>Datum:</td><td>{long_date(data.letter_date)}</td></tr>
<tr><td>Onderwerp:&nbsp;&nbsp;</td><td><b>{escape(subject(data))}</b></td></tr>
{ref}
</table>
<p>{greeting}</p>
{body}
{_area_map_html(data)}
<p style="margin-top:18pt;">Hoogachtend,</p>
<p style="margin-top:24pt;">{escape(signer)}<br>{escape(signer_note)}</p>
<p style="margin-top:48pt;">………………………………………<br>(handtekening)</p>
{_annex(data)}
</body></html>
"""


AREA_MAP = "map:area"


def _area_map_html(data: LetterData) -> str:
    if not data.area_map:
        return ""
    return (f'<p style="margin-top:10pt;">{image_html(AREA_MAP, 120, 560, 320)}<br>'
            '<span style="font-size:8.5pt; color:#444444;">Kaart: het gebied van de maatregel '
            '(gearceerd)</span></p>')


def letter_pdf(data: LetterData) -> bytes:
    footer = f"{subject(data)} · opgesteld {format_local(data.letter_date)}"
    return render_pdf(letter_html(data), PdfOptions(
        title=subject(data), header=letterhead(data),
        mark="OEFENING" if data.exercise else "", footer=footer, chain=data.chain,
    ), images={AREA_MAP: data.area_map} if data.area_map else None)
