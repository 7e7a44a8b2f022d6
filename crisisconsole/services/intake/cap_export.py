"""A log entry as a CAP 1.2 alert for partners (issue 7, item 3). The export is audited.

The person field is never exported (need to know). A withdrawn entry is not exported: sending a
report its own sender took back would mislead the partner.

Every alert written is kept as a fact (``cap_export``). Exporting an entry that has not changed
since its last export gives that same alert again, byte for byte (same identifier and sent), so
a partner who imports both sees one report. An entry that changed (text, place, reliability,
grade, …) is exported as an ``Update`` with a new identifier, whose ``references`` name every
earlier export of it, so the partner's system corrects its entry instead of adding a second.
Source, grade, discipline and our entry id travel as CAP parameters (cap_model.PARAM_*).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import literal_column, select

from crisisconsole import safe_files
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.cap_export import cap_time, entry_to_cap
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.log.queries import get_entry, raw_facts
from crisisconsole.store.tables.intake import cap_export

_NOT_ID = re.compile(r"[^a-z0-9]+")


def sender_for(municipality: str) -> str:
    slug = _NOT_ID.sub("-", municipality.lower()).strip("-") or "gemeente"
    return f"crisisconsole.{slug}"


def export_entry_cap(ctx: ServiceContext, entry_id: str) -> bytes:
    """The alert for this entry (see the module text), recorded and audited."""
    entry = get_entry(ctx.store, entry_id)
    if entry.withdrawn:
        raise ValidationError(
            tr("een ingetrokken melding wordt niet geëxporteerd", "a withdrawn entry is not exported"))
    facts = raw_facts(ctx.store, entry_id)
    crisis = get_crisis(ctx.store, entry.crisis_id)
    extra = _extra(facts.entry.get("extra_json"))
    categories = extra.get("categories") or []
    mapping: dict[str, Any] = {
        "text": entry.text, "occurred_at": entry.occurred_at, "source": entry.source,
        "reliability": entry.reliability, "certainty": extra.get("certainty"),
        "grade": entry.grade, "location": entry.location, "lat": entry.lat, "lon": entry.lon,
        "exercise": crisis.exercise, "discipline": entry.discipline,
        "category": categories[0] if categories else None, "event": extra.get("event"),
        "urgency": extra.get("urgency"), "severity": extra.get("severity"),
    }
    mapping["entry_id"] = entry.id
    fingerprint = _fingerprint(mapping)
    sender = sender_for(crisis.municipality)
    with ctx.store.write(ctx.actor.id) as tx:
        earlier = tx.conn.execute(select(cap_export).where(cap_export.c.entry_id == entry.id)
                                  .order_by(literal_column("rowid"))).all()
        if earlier and earlier[-1].fingerprint == fingerprint:
            tx.audit("log.export.cap.again", "log_entry", entry_id)
            return earlier[-1].content.encode("utf-8")
        sent = ctx.now()
        identifier = f"CC-{entry.id}-v{entry.version}"
        if earlier:
            identifier += f"-{len(earlier) + 1}"
        references = [f"{row.sender},{row.identifier},{cap_time(row.sent)}" for row in earlier]
        data = entry_to_cap(mapping, sender=sender, sent=sent, identifier=identifier,
                            sender_name=f"Gemeente {crisis.municipality}",
                            references=references)
        tx.insert(cap_export, {
            "id": new_id(), "crisis_id": entry.crisis_id, "entry_id": entry.id,
            "entry_version": entry.version, "identifier": identifier, "sender": sender,
            "sent": sent, "msg_type": "Update" if references else "Alert",
            "fingerprint": fingerprint, "content": data.decode("utf-8"), "exported_at": tx.now,
            "actor": ctx.actor.id}, "log.export.cap")
    return data


def _fingerprint(mapping: dict[str, Any]) -> str:
    """What the alert says about the entry, so an unchanged entry is recognised."""
    said = {k: (v.isoformat() if isinstance(v, datetime) else
                v.value if isinstance(v, Enum) else v) for k, v in mapping.items()}
    return hashlib.sha256(json.dumps(said, sort_keys=True, default=str).encode()).hexdigest()


def export_entry_cap_file(ctx: ServiceContext, entry_id: str, out: Path) -> Path:
    out = Path(out)
    if os.path.lexists(out):
        raise ValidationError(tr(f'bestand bestaat al: {out}', f'file exists: {out}'))
    data = export_entry_cap(ctx, entry_id)
    return safe_files.write_bytes(out, data, overwrite=False)


def _extra(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
