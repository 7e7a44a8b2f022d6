"""Reading cards from the store (no access checks here: crisisconsole.services.cards.person_cards does those
before calling in) and recording every access with its purpose.

Lists read only the masked labels (card_label) and need no key; the card itself is decrypted
with the cards key the caller passes in. A stored value that does not open is refused as
altered content, never shown as it is."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Table, func, select

from crisisconsole.domain.card_access import mask_name
from crisisconsole.domain.card_retention import (
    default_deletion_date,
    default_review_date,
    due_for_review,
)
from crisisconsole.domain.crisis import CrisisEvent, derive_state
from crisisconsole.errors import NotFoundError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.cards.values import (
    PURGED_MARK,
    CardFact,
    CardLink,
    CardNote,
    CardView,
    MaskedCard,
    Tombstone,
)
from crisisconsole.services.foundation.profiles import shown_names
from crisisconsole.store import tables
from crisisconsole.store.card_cipher import CardsKey, is_ciphertext
from crisisconsole.store.engine import WriteTx
from crisisconsole.store.profile_crypto import CryptoRefused
from crisisconsole.store.tables.cards import (
    card,
    card_access,
    card_change,
    card_fact,
    card_label,
    card_tombstone,
    encrypted_columns,
)

RETENTION_KEY = "card_retention_days"
def not_found() -> str:
    return tr("onbekende persoonskaart", "unknown card")


def retention(conn: Connection) -> timedelta:
    """The retention period, an audited setting fact (services.settings_facts; it was kept in
    db_meta under RETENTION_KEY before, and is read there until taken over)."""
    from crisisconsole.services.foundation.settings_facts import CARD_RETENTION_DAYS, value

    return timedelta(days=value(conn, CARD_RETENTION_DAYS))


def crisis_closed_at(conn: Connection, crisis_id: str) -> datetime | None:
    ev = tables.crisis_event
    rows = conn.execute(select(ev).where(ev.c.crisis_id == crisis_id)).all()
    events = [CrisisEvent(r.kind, r.at, r.recorded_at, r.actor, r.grip, r.note) for r in rows]
    return derive_state(events).closed_at


def card_row(conn: Connection, card_id: str):  # noqa: ANN201 - Row
    row = conn.execute(select(card).where(card.c.id == card_id)).first()
    if row is None:
        raise NotFoundError(not_found())
    return row


def tombstone(conn: Connection, card_id: str) -> Tombstone | None:
    row = conn.execute(select(card_tombstone).where(card_tombstone.c.card_id == card_id)).first()
    if row is None:
        return None
    return Tombstone(row.id, row.purged_at, row.actor, row.reason, row.removed_hash,
                     row.rows_purged)


def dates(conn: Connection, row, closed_at: datetime | None,  # noqa: ANN001 - Row
          keep: timedelta) -> tuple[datetime | None, datetime | None]:
    """(review date, deletion date): the latest explicit change, else the defaults."""
    review, deletion = default_review_date(row.created_at, closed_at), default_deletion_date(
        closed_at, keep)
    changes = conn.execute(
        select(card_change.c.review_date, card_change.c.deletion_date)
        .where(card_change.c.card_id == row.id, card_change.c.kind == "dates")
        .order_by(card_change.c.recorded_at, card_change.c.id)
    ).all()
    for change in changes:
        review = change.review_date or review
        deletion = change.deletion_date or deletion
    return review, deletion


def opened(key: CardsKey, table: Table, row) -> SimpleNamespace:  # noqa: ANN001 - Row
    """``row`` with its encrypted columns decrypted (the purge's marker stays as it is)."""
    values: dict[str, Any] = dict(row._mapping)
    try:
        for column in encrypted_columns(table):
            value = values[column]
            if value is None or value == PURGED_MARK:
                continue
            values[column] = key.decrypt(table.name, column, values["id"], value)
    except CryptoRefused:
        raise StoreError(tr(
            "persoonskaart opent niet met de kaartsleutel: inhoud buiten de app gewijzigd",
            "card content does not open with the cards key: altered outside the app")) from None
    if table is card and values.get("year_of_birth") is not None:
        values["year_of_birth"] = int(values["year_of_birth"])
    return SimpleNamespace(**values)


def labels(conn: Connection, crisis_id: str) -> dict[str, str | None]:
    return dict(conn.execute(
        select(card_label.c.card_id, card_label.c.label)
        .join(card, card.c.id == card_label.c.card_id).where(card.c.crisis_id == crisis_id)
    ).all())


def masked_label(row, purged: bool, label: str | None = None) -> str:  # noqa: ANN001 - Row
    if purged:
        return "Verwijderd (bewaartermijn)"
    if label:
        return label
    if not is_ciphertext(row.name):  # an older database, not yet encrypted
        return mask_name(row.name, row.role_in_crisis, row.kind)
    return "?"


def masked_cards(conn: Connection, crisis_id: str, now: datetime) -> list[MaskedCard]:
    closed_at = crisis_closed_at(conn, crisis_id)
    keep = retention(conn)
    counts = dict(conn.execute(
        select(card_fact.c.card_id, func.count()).join(card, card.c.id == card_fact.c.card_id)
        .where(card.c.crisis_id == crisis_id, ~card_fact.c.id.in_(
            select(card_fact.c.corrects_id).where(card_fact.c.corrects_id.is_not(None))))
        .group_by(card_fact.c.card_id)
    ).all())
    purged = set(conn.execute(select(card_tombstone.c.card_id)).scalars())
    known = labels(conn, crisis_id)
    result = []
    for row in conn.execute(select(card).where(card.c.crisis_id == crisis_id)
                            .order_by(card.c.created_at, card.c.id)):
        review, deletion = dates(conn, row, closed_at, keep)
        gone = row.id in purged
        result.append(MaskedCard(
            row.id, row.crisis_id, row.kind, masked_label(row, gone, known.get(row.id)),
            0 if gone else counts.get(row.id, 0), row.created_at, review, deletion,
            not gone and due_for_review(review, now), gone))
    return result


def _log_summaries(conn: Connection, entry_ids: list[str]) -> dict[str, str]:
    """Short text of linked log entries, when the log feature is installed."""
    if not entry_ids:
        return {}
    try:
        from crisisconsole.store.tables.log import log_entry
    except ImportError:
        return {}
    rows = conn.execute(select(log_entry.c.id, log_entry.c.text)
                        .where(log_entry.c.id.in_(entry_ids))).all()
    return {r.id: (r.text[:117] + "…") if len(r.text) > 120 else r.text for r in rows}


def card_view(conn: Connection, card_id: str, key: CardsKey) -> CardView:
    row = opened(key, card, card_row(conn, card_id))
    crisis = conn.execute(select(tables.crisis).where(tables.crisis.c.id == row.crisis_id)).one()
    stone = tombstone(conn, card_id)
    review, deletion = dates(conn, row, crisis_closed_at(conn, row.crisis_id), retention(conn))
    fact_rows = [opened(key, card_fact, r) for r in conn.execute(
        select(card_fact).where(card_fact.c.card_id == card_id)
        .order_by(card_fact.c.recorded_at, card_fact.c.id)).all()]
    superseded = {r.corrects_id: r.id for r in fact_rows if r.corrects_id}
    facts = tuple(
        CardFact(r.id, r.statement, r.question, r.source_org, r.source_officer, r.channel,
                 r.legal_basis, r.purpose, r.reliability, r.grade, r.received_at,
                 bool(r.no_onward_sharing), r.corrects_id, r.reason, r.recorded_at, r.actor,
                 superseded.get(r.id))
        for r in fact_rows
    )
    changes = [opened(key, card_change, c) for c in conn.execute(
        select(card_change).where(card_change.c.card_id == card_id)
        .order_by(card_change.c.recorded_at, card_change.c.id)).all()]
    notes = tuple(CardNote(c.id, c.note, c.recorded_at, c.actor) for c in changes
                  if c.kind == "note")
    link_rows = [c for c in changes if c.kind == "link"]
    summaries = _log_summaries(conn, [c.entry_id for c in link_rows])
    links = tuple(CardLink(c.entry_id, c.recorded_at, c.actor, summaries.get(c.entry_id))
                  for c in link_rows)
    names = shown_names(conn)
    aliases = tuple(a for a in (row.aliases or "").split("\n") if a)
    return CardView(
        row.id, row.crisis_id, crisis.name, bool(crisis.exercise), row.kind,
        row.name, aliases, row.year_of_birth, row.organisation, row.role_in_crisis,
        masked_label(row, stone is not None, _label(conn, card_id)), row.created_at, review, deletion,
        facts, notes, links, stone, names)


def _label(conn: Connection, card_id: str) -> str | None:
    return conn.execute(select(card_label.c.label).where(card_label.c.card_id == card_id)).scalar()


def record_access(tx: WriteTx, action: str, card_id: str | None, result: str,
                  purpose: str | None) -> None:
    """The access record (action, object, result, origin, actor, time) plus its purpose."""
    tx.audit(action, "card", card_id, result=result)
    tx.insert(card_access, {
        "id": new_id(), "card_id": card_id, "action": action, "result": result,
        "purpose": purpose, "at": tx.now, "actor": tx.actor, "origin": tx.origin,
    }, f"{action}.purpose")


def removed_placeholder() -> str:
    return PURGED_MARK
