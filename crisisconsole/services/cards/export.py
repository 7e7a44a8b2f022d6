"""Exporting (and printing) a card: a PDF marked "VERTROUWELIJK — persoonsgegevens", each fact
with its source and legal basis; every export and print is audited with its purpose.

The file is written beside the target first and moved into place inside the audit transaction,
so there is never an export without its audit record.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.clock import format_local
from crisisconsole.domain.cards import FactChannel
from crisisconsole.domain.reliability import RELIABILITY_LABELS_NL, Reliability
from crisisconsole.errors import NotWritableError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.cards import reading as card_read
from crisisconsole.services.cards.person_cards import key_or_refuse, purpose_or_refuse, show_card
from crisisconsole.services.cards.values import (
    QUESTION_LABELS_NL,
    QUESTIONS,
    CardFact,
    CardView,
    guarded,
)
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store.audit_chain import chain_head

CONFIDENTIAL = "VERTROUWELIJK — persoonsgegevens"
EXERCISE = "OEFENING"
_BADGE = {"confirmed": "#1e6b3a", "hearsay": "#8a4b00", "refuted": "#b00020"}  # AA on white


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _fact_html(fact: CardFact, view: CardView) -> str:
    channel = FactChannel(fact.channel).label_nl
    badge = RELIABILITY_LABELS_NL[Reliability(fact.reliability)]
    grade = f" {_e(fact.grade)}" if fact.grade else ""
    source = _e(fact.source_org) + (f", {_e(fact.source_officer)}" if fact.source_officer else "")
    flags = " · <b>niet verder verstrekken</b>" if fact.no_onward_sharing else ""
    text = f"<s>{_e(fact.statement)}</s>" if not fact.current else _e(fact.statement)
    correction = (f"<br/><i>Correctie van eerder feit. Reden: {_e(fact.reason)}</i>"
                  if fact.corrects_id else "")
    superseded = "<br/><i>Gecorrigeerd door een later feit.</i>" if not fact.current else ""
    return (
        f"<p style='margin-bottom:8px'>{text} <span style='background-color:"
        f"{_BADGE[fact.reliability]};color:#ffffff;font-weight:bold'>&nbsp;{_e(badge)}{grade}"
        f"&nbsp;</span>{correction}{superseded}"
        f"<br/><span style='color:#444;font-size:9pt'>Bron: {source} · Kanaal: {_e(channel)} · "
        f"Grondslag: {_e(fact.legal_basis)} · Doel: {_e(fact.purpose)} · Ontvangen: "
        f"{_e(format_local(fact.received_at))} · Vastgelegd door "
        f"{_e(view.actor_name(fact.actor))}{flags}</span></p>"
    )


def card_html(view: CardView, purpose: str) -> str:
    """The card as a document (HTML for QTextDocument): identifiers, the four questions,
    handling notes, linked log entries, dates."""
    kind = "Persoon" if view.kind == "person" else "Organisatie"
    rows = [("Naam", view.name), ("Soort", kind), ("Aliassen", ", ".join(view.aliases) or "–"),
            ("Geboortejaar", view.year_of_birth or "–"), ("Organisatie", view.organisation or "–"),
            ("Rol in de crisis", view.role_in_crisis or "–"), ("Crisis", view.crisis_name),
            ("Herzien op", format_local(view.review_date) if view.review_date else "–"),
            ("Bewaren tot", format_local(view.deletion_date) if view.deletion_date
             else "bewaartermijn na sluiten van de crisis")]
    parts = [
        f"<p style='color:#b00020;font-weight:bold;font-size:13pt'>{CONFIDENTIAL}"
        + (f" — {EXERCISE}" if view.exercise else "") + "</p>",
        f"<h1 style='font-size:17pt'>Persoonskaart {_e(view.masked)}</h1>",
        "<table cellspacing='0' cellpadding='3'>",
        *[f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in rows],
        "</table>",
    ]
    if view.purged:
        stone = view.tombstone
        parts.append(f"<p><b>Verwijderd</b> op {_e(format_local(stone.purged_at))}: "
                     f"{_e(stone.reason)} (SHA-256 {_e(stone.removed_hash)})</p>")
    for question in QUESTIONS:
        facts = view.facts_for(question)
        if question == "other" and not facts:
            continue
        parts.append(f"<h2>{_e(QUESTION_LABELS_NL[question])}</h2>")
        parts.extend(_fact_html(f, view) for f in facts)
        if not facts:
            parts.append("<p><i>Geen feiten.</i></p>")
    parts.append("<h2>Behandelnotities</h2>")
    parts.extend(f"<p>{_e(n.note)} <span style='color:#444;font-size:9pt'>"
                 f"({_e(view.actor_name(n.actor))}, {_e(format_local(n.at))})</span></p>"
                 for n in view.notes)
    if not view.notes:
        parts.append("<p><i>Geen.</i></p>")
    parts.append("<h2>Gekoppelde meldingen (Logboek)</h2>")
    parts.extend(f"<p>{_e(link.summary or link.entry_id)} <span style='color:#444;"
                 f"font-size:9pt'>({_e(link.entry_id)})</span></p>" for link in view.links)
    if not view.links:
        parts.append("<p><i>Geen.</i></p>")
    parts.append(f"<p style='color:#444;font-size:9pt'>Doel van deze uitdraai: {_e(purpose)}. "
                 "Alleen voor wie dit voor de taak nodig heeft; niet verder verstrekken zonder "
                 "toestemming van de bron.</p>")
    return "".join(parts)


def _pdf_bytes(view: CardView, purpose: str, chain: dict[str, Any] | None = None) -> bytes:
    from crisisconsole.interchange.pdf_render import PdfOptions, render_pdf

    return render_pdf(card_html(view, purpose), PdfOptions(
        title=f"Persoonskaart {view.masked}", header=CONFIDENTIAL,
        mark=EXERCISE if view.exercise else "",
        footer=f"{CONFIDENTIAL} · {view.crisis_name}", chain=chain))


@guarded
def export_card_pdf(ctx: ServiceContext, card_id: str, out: Path | str,
                    purpose: str | None) -> Path:
    """Write the card to ``out`` (which must not exist); audited as card.export."""
    key = key_or_refuse(ctx, "card.export", card_id, purpose)
    dest = Path(out).expanduser()
    if os.path.lexists(dest):
        raise ValidationError(tr(f'bestand bestaat al: {dest}', f'file exists: {dest}'))
    if not dest.parent.is_dir() or not os.access(dest.parent, os.W_OK):
        raise NotWritableError(tr(f'map niet schrijfbaar: {dest.parent}', f'folder not writable: {dest.parent}'))
    # The view itself is not audited as a reveal here: the export record below covers it.
    reason = purpose_or_refuse(ctx, "card.export", card_id, purpose)
    with ctx.store.read() as conn:
        view = card_read.card_view(conn, card_id, key)
        head = chain_head(conn)  # the head the card was read at, on every page
    data = _pdf_bytes(view, reason, head)
    written = False
    try:
        with ctx.store.write(ctx.actor.id) as tx:  # no card file without its audit record
            card_read.record_access(tx, "card.export", card_id, "ok", reason)
            safe_files.write_bytes(dest, data, overwrite=False, mode=0o600)
            written = True
    except BaseException:
        if written:
            dest.unlink(missing_ok=True)
        raise
    return dest


@guarded
def print_card(ctx: ServiceContext, card_id: str, purpose: str | None) -> tuple[CardView, str]:
    """The card and its document HTML for printing; audited as card.print."""
    view = show_card(ctx, card_id, purpose, action="card.print")
    return view, card_html(view, purpose or "")


@guarded
def reveal_card(ctx: ServiceContext, card_id: str, purpose: str | None) -> tuple[CardView, str]:
    """The card and its HTML for the screen, after need to know and a purpose; audited as
    card.view."""
    view = show_card(ctx, card_id, purpose)
    return view, card_html(view, purpose or "")


__all__ = ["CONFIDENTIAL", "card_html", "export_card_pdf", "print_card", "reveal_card"]
