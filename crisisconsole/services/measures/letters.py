"""Drafting the notification letters as PDF and recording that a letter was drafted.

Sending is the aide's act: after signing and sending, ``measures.notify`` records when.
The letter record keeps the PDF's hash, so the signed copy can later be matched to the draft.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.clock import parse_stored
from crisisconsole.domain.measures import Issuer, Party
from crisisconsole.domain.ordinance_records import MeasureEventKind
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.ordinance_letters import LetterData, letter_pdf
from crisisconsole.services.foundation import settings_facts as sf
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.measures.council import get_meeting
from crisisconsole.services.measures.facts import require_writer
from crisisconsole.services.measures.views import show_measure
from crisisconsole.services.network.partners import addressee_for
from crisisconsole.store.audit_chain import chain_head
from crisisconsole.store.tables import measures as t


@dataclass(frozen=True)
class LetterResult:
    id: str
    measure_id: str
    party: str
    purpose: str
    path: Path
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "measure_id": self.measure_id, "party": self.party,
                "purpose": self.purpose, "out": str(self.path), "sha256": self.sha256}


class LetterSettingMissing(ValidationError):
    """A setting of the municipality the letter needs is not known yet (asked once)."""

    def __init__(self, setting: str, flag: str, what_nl: str, what_en: str) -> None:
        super().__init__(tr(
            f"de brief noemt {what_nl}: geef die één keer op met {flag} (of crisisconsole "
            f"setting set {setting} …)",
            f"the letter names {what_en}: give it once with {flag} (or crisisconsole setting "
            f"set {setting} …)"))
        self.setting = setting


# Party or issuer -> (setting, CLI flag, what the letter names, Dutch and English).
NEEDED = {
    "cdk": (sf.PROVINCE, "--province", "de provincie van de commissaris van de Koning",
            "the province of the King's Commissioner"),
    "ovj": (sf.PARKET, "--parket", "het arrondissementsparket van de hoofdofficier",
            "the public prosecutor's district office"),
    "vr": (sf.SAFETY_REGION, "--safety-region", "de veiligheidsregio (briefhoofd)",
           "the safety region (letterhead)"),
}


def needed_settings(ctx: ServiceContext, measure_id: str, party: str) -> list[str]:
    """The keys of the municipality settings this letter still needs (empty: none)."""
    view = show_measure(ctx.store, measure_id)
    keys = [str(party).strip().lower()]
    if view.measure.issuer is Issuer.VOORZITTER_VR:
        keys.append("vr")
    with ctx.store.read() as conn:
        return [NEEDED[k][0].key for k in keys if k in NEEDED
                and not sf.value(conn, NEEDED[k][0])]


def letter_data(ctx: ServiceContext, measure_id: str, party: str,
                purpose: str | None = None, now: datetime | None = None) -> LetterData:
    try:
        party_v = Party(str(party).strip().lower())
    except ValueError:
        raise ValidationError(tr(f"onbekende partij {party!r}: kies raad, cdk of ovj",
                                  f"unknown party {party!r}: choose raad, cdk or ovj")) from None
    now = now or ctx.now()
    view = show_measure(ctx.store, measure_id, now)
    crisis = get_crisis(ctx.store, view.record.crisis_id)
    withdrawn = [e for e in view.events if e["kind"] == MeasureEventKind.WITHDRAWN]
    if purpose is None:
        purpose = "withdrawal" if withdrawn else "issue"
    if purpose not in ("issue", "withdrawal"):
        raise ValidationError(tr("soort brief: issue of withdrawal", "letter purpose"))
    if purpose == "withdrawal" and not withdrawn:
        raise ValidationError(tr("de maatregel is niet ingetrokken", "the measure is not withdrawn"))
    published = [e for e in view.events if e["kind"] == MeasureEventKind.PUBLISHED]
    publication = None
    if published:
        last = published[-1]
        publication = "; ".join(x for x in (last["note"], last["document_ref"]) if x)
    meeting_start = None
    if view.status.ratification_meeting_id:
        meeting_start = get_meeting(ctx.store, view.status.ratification_meeting_id).start
    m = view.measure
    withdrawn_at = None
    if withdrawn:
        withdrawn_at = parse_stored(withdrawn[0]["at"])
    with ctx.store.read() as conn:
        known = {s.key: sf.value(conn, s) or "" for s in sf.MUNICIPALITY_SETTINGS}
    needs = [str(party_v)] + (["vr"] if m.issuer is Issuer.VOORZITTER_VR else [])
    for key in needs:
        if key in NEEDED and not known[NEEDED[key][0].key]:
            setting, flag, what_nl, what_en = NEEDED[key]
            raise LetterSettingMissing(setting.key, flag, what_nl, what_en)
    return LetterData(
        party=party_v, purpose=purpose, municipality=crisis.municipality,
        exercise=crisis.exercise, kind=m.kind, issuer=m.issuer, title=m.title,
        legal_basis=view.record.legal_basis, issued_at=m.issued_at, letter_date=now,
        area=view.record.area, planned_end=view.status.effective_end,
        withdrawn_at=withdrawn_at, publication=publication, meeting_start=meeting_start,
        crisis_name=crisis.name, reference=view.record.document_ref or "",
        chain=_head(ctx), province=known[sf.PROVINCE.key], parket=known[sf.PARKET.key],
        safety_region=known[sf.SAFETY_REGION.key], contact=known[sf.SENDER_CONTACT.key],
        body=view.record.body, area_map=_area_map(ctx, measure_id),
        addressee=addressee_for(ctx.store, crisis.municipality, party_v.value),
    )


def _area_map(ctx: ServiceContext, measure_id: str) -> bytes | None:
    """The small map of the measure's area (issue 18), None when it has no area."""
    from crisisconsole.services.map.render import measure_small_map

    return measure_small_map(ctx.store, measure_id)


def _head(ctx: ServiceContext) -> dict[str, Any]:
    with ctx.store.read() as conn:
        return chain_head(conn)


def write_letter(ctx: ServiceContext, measure_id: str, party: str, out: Path, *,
                 purpose: str | None = None) -> LetterResult:
    """Draft the letter to ``party`` as PDF at ``out`` and record the draft (with its hash)."""
    require_writer(ctx)
    data = letter_data(ctx, measure_id, party, purpose)
    pdf = letter_pdf(data)
    out = Path(out).expanduser()
    if out.is_dir():
        raise ValidationError(tr(f'dat is een map, geen bestand: {out}', f'is a folder: {out}'))
    safe_files.write_bytes(out, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    letter_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(t.measure_letter, {
            "id": letter_id, "measure_id": measure_id, "party": str(data.party),
            "purpose": data.purpose, "sha256": digest, "file_name": out.name[:255],
            "recorded_at": tx.now, "actor": ctx.actor.id,
        }, "measure.letter")
    return LetterResult(letter_id, measure_id, str(data.party), data.purpose, out, digest)
