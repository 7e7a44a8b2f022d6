"""The editable list of source organisations: the defaults from the domain plus the ones users
added (source_org facts). Entries store the source id; an id no longer listed still shows."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select

from crisisconsole.domain.log_rules import SOURCE_ORGS, SourceOrg, check_source_org
from crisisconsole.services.foundation.changes import ChangeNote
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import source_org


def list_sources(store: Store) -> list[SourceOrg]:
    with store.read() as conn:
        added = conn.execute(select(source_org.c.id, source_org.c.label)
                             .order_by(source_org.c.created_at)).all()
    known = {o.id for o in SOURCE_ORGS}
    return [*SOURCE_ORGS, *(SourceOrg(r.id, r.label) for r in added if r.id not in known)]


def source_id_for(label: str) -> str:
    """'Rijkswaterstaat Oost' -> 'rijkswaterstaat_oost'."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:40] or "bron"


def resolve_source(store: Store, typed: str | None) -> str | None:
    """A typed source (id or label, any case) to its id; None when it is not on the list."""
    wanted = (typed or "").strip().casefold()
    for org in list_sources(store):
        if wanted in (org.id.casefold(), org.label_nl.casefold()):
            return org.id
    return None


def add_source(ctx: ServiceContext, label: str, source_id: str | None = None) -> SourceOrg:
    existing = list_sources(ctx.store)
    org = check_source_org(source_id or source_id_for(label or ""), label, existing)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(source_org, {"id": org.id, "label": org.label_nl, "created_at": tx.now,
                               "actor": ctx.actor.id}, "log.source.add")
    ctx.announce(ChangeNote("source_org", (org.id,), None, "add"))
    return org


def ensure_source(ctx: ServiceContext, typed: str | None) -> str | None:
    """The id for what the user typed in the source box; a new name joins the list."""
    if not (typed or "").strip():
        return None
    found = resolve_source(ctx.store, typed)
    return found if found is not None else add_source(ctx, typed.strip()).id
