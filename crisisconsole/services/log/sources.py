"""The editable list of source organisations: the defaults from the domain plus the ones users
added (source_org facts). Entries store the source id; an id no longer listed still shows."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select

from crisisconsole.domain.log_rules import SOURCE_ORGS, SourceOrg, check_source_org
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store.engine import Store, WriteTx
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


def new_source(store: Store, label: str, source_id: str | None = None) -> SourceOrg:
    """A source organisation not yet on the list, checked (nothing written)."""
    return check_source_org(source_id or source_id_for(label or ""), label, list_sources(store))


def insert_source(tx: WriteTx, org: SourceOrg) -> None:
    tx.insert(source_org, {"id": org.id, "label": org.label_nl, "created_at": tx.now,
                           "actor": tx.actor}, "log.source.add")


def add_source(ctx: ServiceContext, label: str, source_id: str | None = None) -> SourceOrg:
    org = new_source(ctx.store, label, source_id)
    with ctx.store.write(ctx.actor.id) as tx:
        insert_source(tx, org)
    return org


def typed_source(store: Store, typed: str | None) -> tuple[str | None, SourceOrg | None]:
    """What the user typed in the source box: (its id, the new organisation to add when the
    name is not on the list yet); (None, None) when nothing was typed."""
    if not (typed or "").strip():
        return None, None
    found = resolve_source(store, typed)
    if found is not None:
        return found, None
    org = new_source(store, typed.strip())
    return org.id, org
