"""A log entry as a CAP 1.2 alert for partners (issue 7, item 3). The export is audited.

The person field is never exported (need to know). A withdrawn entry is not exported: sending a
report its own sender took back would mislead the partner. The identifier names the entry and
its version, so a corrected entry exported again is a new, distinct alert.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.errors import ValidationError
from crisisconsole.interchange.cap_export import entry_to_cap
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.log.queries import get_entry, raw_facts

_NOT_ID = re.compile(r"[^a-z0-9]+")


def sender_for(municipality: str) -> str:
    slug = _NOT_ID.sub("-", municipality.lower()).strip("-") or "gemeente"
    return f"crisisconsole.{slug}"


def export_entry_cap(ctx: ServiceContext, entry_id: str) -> bytes:
    entry = get_entry(ctx.store, entry_id)
    if entry.withdrawn:
        raise ValidationError(
            "een ingetrokken melding wordt niet geëxporteerd / a withdrawn entry is not exported")
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
    data = entry_to_cap(mapping, sender=sender_for(crisis.municipality), sent=ctx.now(),
                        identifier=f"CC-{entry.id}-v{entry.version}",
                        sender_name=f"Gemeente {crisis.municipality}")
    with ctx.store.write(ctx.actor.id) as tx:
        tx.audit("log.export.cap", "log_entry", entry_id)
    return data


def export_entry_cap_file(ctx: ServiceContext, entry_id: str, out: Path) -> Path:
    out = Path(out)
    if os.path.lexists(out):
        raise ValidationError(f"bestand bestaat al / file exists: {out}")
    data = export_entry_cap(ctx, entry_id)
    return safe_files.write_bytes(out, data, overwrite=False)


def _extra(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
