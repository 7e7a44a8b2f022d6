"""Person-level briefing cards (DOMAIN.md §3): need to know enforced here, not in the UI.

Only aide and mayor may read or write cards; every refused attempt is recorded in the audit
chain (result "refused") before the refusal is raised. Lists are masked; the card itself comes
only from `show_card`, which needs a purpose and is audited with it. Content is written and read
through the session's cards key (``ctx.cards_key``): without it nothing personal is stored or
shown, whatever the role.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Table, select

from crisisconsole.domain.card_access import check_reveal_purpose, mask_name, may_see_cards
from crisisconsole.domain.cards import validate_card, validate_fact
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.errors import AccessDeniedError, NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.cards import reading as card_read
from crisisconsole.services.cards.values import QUESTIONS, CardView, MaskedCard, guarded
from crisisconsole.services.foundation import cards_key as cards_keys
from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.tables.cards import (
    card,
    card_change,
    card_fact,
    card_label,
    encrypted_columns,
)


def refused() -> str:
    return (tr("Geen toegang: uw rol mag geen persoonskaarten zien (need to know)", "Access denied: your role may not see person cards"))


def purged() -> str:
    return tr("kaart is verwijderd (bewaartermijn)", "card was purged")


def refuse_unless_allowed(ctx: ServiceContext, action: str, card_id: str | None,
                          purpose: str | None = None) -> None:
    """Need to know: record the refused attempt, then refuse (exit 3 in the CLI)."""
    if may_see_cards(ctx.actor.role):
        return
    with ctx.store.write(ctx.actor.id) as tx:
        card_read.record_access(tx, action, card_id, "refused", (purpose or "").strip() or None)
    raise AccessDeniedError(refused())


def key_or_refuse(ctx: ServiceContext, action: str, card_id: str | None,
                  purpose: str | None = None) -> CardsKey:
    """The role check, then the session's cards key (a profile never granted one is refused
    the same accountable way)."""
    refuse_unless_allowed(ctx, action, card_id, purpose)
    key = ctx.cards_key
    if key is not None:
        with ctx.store.read() as conn:
            if cards_keys.current_key_id(conn) != key.key_id:
                key = None  # renewed since this session signed in (a profile lost the right)
    if key is None:
        with ctx.store.write(ctx.actor.id) as tx:
            card_read.record_access(tx, action, card_id, "refused",
                                    (purpose or "").strip() or None)
        if ctx.cards_key is not None:
            raise AccessDeniedError(tr("de kaartsleutel is vernieuwd: meld u opnieuw aan",
                                       "the cards key was renewed: sign in again"))
    return cards_keys.require_key(key)


def _sealed(key: CardsKey, table: Table, row_id: str, row: dict) -> dict:
    """``row`` with its encrypted columns encrypted (bound to table, column and row id)."""
    sealed = dict(row)
    for column in encrypted_columns(table):
        if column in sealed:
            sealed[column] = key.encrypt(table.name, column, row_id, sealed[column])
    return sealed


def purpose_or_refuse(ctx: ServiceContext, action: str, card_id: str,
                       purpose: str | None) -> str:
    try:
        return check_reveal_purpose(purpose)
    except ValidationError:
        with ctx.store.write(ctx.actor.id) as tx:
            card_read.record_access(tx, action, card_id, "refused", None)
        raise


def _encodable(*values: object) -> None:
    """Text that cannot be stored as UTF-8 (e.g. stray bytes from a shell) is refused cleanly."""
    for value in values:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValidationError(tr("tekst bevat ongeldige tekens", "text contains invalid characters")) from None


def _live_card(conn, card_id: str):  # noqa: ANN001, ANN202 - Connection -> Row
    row = card_read.card_row(conn, card_id)
    if card_read.tombstone(conn, card_id) is not None:
        raise ValidationError(purged())
    return row


@guarded
def add_card(ctx: ServiceContext, crisis_id: str, name: str | None, kind: str | None = None, *,
             aliases: Sequence[str] = (), year_of_birth: int | None = None,
             organisation: str | None = None, role_in_crisis: str | None = None) -> MaskedCard:
    key = key_or_refuse(ctx, "card.add", None)
    _encodable(name, organisation, role_in_crisis, *aliases)
    get_crisis(ctx.store, crisis_id)
    valid = validate_card(name, kind, year_of_birth, ctx.now())
    clean_aliases = [a.strip() for a in aliases if a and a.strip()]
    if any(len(a) > 200 for a in clean_aliases) or len(clean_aliases) > 20:
        raise ValidationError(tr("te veel of te lange aliassen", "too many or too long aliases"))
    organisation = (organisation or "").strip() or None
    role = (role_in_crisis or "").strip() or None
    if (organisation and len(organisation) > 200) or (role and len(role) > 100):
        raise ValidationError(tr("organisatie of rol te lang", "organisation or role too long"))
    card_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(card, _sealed(key, card, card_id, {
            "id": card_id, "crisis_id": crisis_id, "kind": valid.kind.value, "name": valid.name,
            "aliases": "\n".join(clean_aliases) or None, "year_of_birth": valid.year_of_birth,
            "organisation": organisation, "role_in_crisis": role, "created_at": tx.now,
            "actor": ctx.actor.id,
        }), "card.add")
        # The masked label (initials and role) lists show without the cards key.
        tx.insert(card_label, {"id": new_id(), "card_id": card_id,
                               "label": mask_name(valid.name, role, valid.kind),
                               "recorded_at": tx.now, "actor": ctx.actor.id}, "card.label")
    return _masked(ctx, crisis_id, card_id)


def _masked(ctx: ServiceContext, crisis_id: str, card_id: str) -> MaskedCard:
    with ctx.store.read() as conn:
        return next(c for c in card_read.masked_cards(conn, crisis_id, ctx.now())
                    if c.id == card_id)


def _question(question: str | None) -> str:
    value = (question or "other").strip().lower() or "other"
    if value not in QUESTIONS:
        raise ValidationError(tr("onbekende briefingvraag: kies ", "unknown briefing question: choose ")
                              + ", ".join(QUESTIONS))
    return value


@guarded
def add_fact(ctx: ServiceContext, card_id: str, statement: str | None, *,
             source_org: str | None, channel: str | None, legal_basis: str | None,
             purpose: str | None, reliability: str | None = None, grade: str | None = None,
             question: str | None = None, source_officer: str | None = None,
             received_at: datetime | None = None, no_onward_sharing: bool = False,
             corrects_id: str | None = None, reason: str | None = None) -> dict:
    """A fact needs channel, legal basis and purpose; a missing one is named in the message."""
    key = key_or_refuse(ctx, "card.fact.add", card_id)
    _encodable(statement, source_org, legal_basis, purpose, source_officer, reason)
    valid = validate_fact(statement, source_org, channel, legal_basis, purpose, reliability,
                          grade)
    asked = _question(question)
    officer = (source_officer or "").strip() or None
    if officer and len(officer) > 200:
        raise ValidationError(tr("naam functionaris te lang", "officer name too long"))
    when = checked_time(received_at, "received_at")
    fact_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        row = _live_card(tx.conn, card_id)
        tx.concerns(row.crisis_id)
        if corrects_id is not None:
            old = tx.conn.execute(select(card_fact.c.card_id).where(
                card_fact.c.id == corrects_id)).scalar()
            if old != card_id:
                raise NotFoundError(tr("onbekend feit op deze kaart", "unknown fact on this card"))
            taken = tx.conn.execute(select(card_fact.c.id).where(
                card_fact.c.corrects_id == corrects_id)).first()
            if taken:
                raise ValidationError(tr("dit feit is al gecorrigeerd: corrigeer de nieuwste versie", "already corrected: correct the newest version"))
        tx.insert(card_fact, _sealed(key, card_fact, fact_id, {
            "id": fact_id, "card_id": card_id, "statement": valid.statement, "question": asked,
            "source_org": valid.source_org, "source_officer": officer,
            "channel": valid.channel.value, "legal_basis": valid.legal_basis,
            "purpose": valid.purpose, "reliability": valid.reliability.value,
            "grade": valid.grade, "received_at": when or tx.now,
            "no_onward_sharing": bool(no_onward_sharing), "corrects_id": corrects_id,
            "reason": reason, "recorded_at": tx.now, "actor": ctx.actor.id,
        }), "card.fact.correct" if corrects_id else "card.fact.add")
    return {"id": fact_id, "card_id": card_id, "question": asked,
            "channel": valid.channel.value, "reliability": valid.reliability.value,
            "grade": valid.grade, "corrects_id": corrects_id}


@guarded
def correct_fact(ctx: ServiceContext, fact_id: str, reason: str | None, **changes: object) -> dict:
    """A correction or re-grade is a new fact pointing at the old one; the old one stays."""
    key = key_or_refuse(ctx, "card.fact.correct", None)
    if not (reason or "").strip():
        raise ValidationError(tr("Reden ontbreekt", "reason missing"))
    with ctx.store.read() as conn:
        old = conn.execute(select(card_fact).where(card_fact.c.id == fact_id)).first()
    if old is None:
        raise NotFoundError(tr("onbekend feit", "unknown fact"))
    old = card_read.opened(key, card_fact, old)
    fields = ("statement", "source_org", "channel", "legal_basis", "purpose", "reliability",
              "grade", "question", "source_officer", "received_at", "no_onward_sharing")
    unknown = set(changes) - set(fields)
    if unknown:
        raise ValidationError(tr("onbekende velden", "unknown fields: ") + ", ".join(sorted(unknown)))
    merged = {f: getattr(old, f) for f in fields}
    merged.update({k: v for k, v in changes.items() if v is not None})
    statement = merged.pop("statement")
    return add_fact(ctx, old.card_id, statement, corrects_id=fact_id,  # type: ignore[arg-type]
                    reason=(reason or "").strip(), **merged)


def _change(ctx: ServiceContext, card_id: str, action: str, row: dict) -> str:
    key = key_or_refuse(ctx, action, card_id)
    change_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(_live_card(tx.conn, card_id).crisis_id)
        tx.insert(card_change, _sealed(key, card_change, change_id, {
            "id": change_id, "card_id": card_id, "recorded_at": tx.now, "actor": ctx.actor.id,
            **row}), action)
    return change_id


@guarded
def add_note(ctx: ServiceContext, card_id: str, note: str | None) -> str:
    """A handling note ("niet delen met de driehoek zonder OvJ", ...)."""
    text = (note or "").strip()
    _encodable(text)
    if not text:
        raise ValidationError(tr("notitie is leeg", "note is empty"))
    if len(text) > 2000:
        raise ValidationError(tr("notitie te lang (max. 2000)", "note too long"))
    return _change(ctx, card_id, "card.note", {"kind": "note", "note": text})


@guarded
def link_entry(ctx: ServiceContext, card_id: str, entry_id: str) -> str:
    entry_id = (entry_id or "").strip()
    refuse_unless_allowed(ctx, "card.link", card_id)
    with ctx.store.read() as conn:
        crisis_id = _live_card(conn, card_id).crisis_id
        try:
            from crisisconsole.store.tables.log import log_entry
        except ImportError:
            log_entry = None
        if log_entry is not None:
            found = conn.execute(select(log_entry.c.crisis_id).where(
                log_entry.c.id == entry_id)).scalar()
            if found != crisis_id:
                raise NotFoundError(tr("onbekende melding in deze crisis", "unknown log entry"))
    return _change(ctx, card_id, "card.link", {"kind": "link", "entry_id": entry_id})


@guarded
def set_dates(ctx: ServiceContext, card_id: str, *, review_date: datetime | None = None,
              deletion_date: datetime | None = None, note: str | None = None) -> str:
    if review_date is None and deletion_date is None:
        raise ValidationError(tr("geef een herzieningsdatum of verwijderdatum", "give a date"))
    return _change(ctx, card_id, "card.dates", {
        "kind": "dates", "review_date": checked_time(review_date, "review_date"),
        "deletion_date": checked_time(deletion_date, "deletion_date"),
        "note": (note or "").strip() or None})


@guarded
def list_cards(ctx: ServiceContext, crisis_id: str) -> list[MaskedCard]:
    """Masked entries only: initials and role in the crisis, never a name or a statement."""
    refuse_unless_allowed(ctx, "card.list", None)
    get_crisis(ctx.store, crisis_id)
    with ctx.store.read() as conn:
        return card_read.masked_cards(conn, crisis_id, ctx.now())


@guarded
def show_card(ctx: ServiceContext, card_id: str, purpose: str | None,
              action: str = "card.view") -> CardView:
    """The card itself, after need to know and a purpose; the view is audited with both."""
    key = key_or_refuse(ctx, action, card_id, purpose)
    reason = purpose_or_refuse(ctx, action, card_id, purpose)
    with ctx.store.read() as conn:
        view = card_read.card_view(conn, card_id, key)
    with ctx.store.write(ctx.actor.id) as tx:
        card_read.record_access(tx, action, card_id, "ok", reason)
    return view


@one_act
@guarded
def show_cards(ctx: ServiceContext, card_ids: Sequence[str], purpose: str | None) -> list[CardView]:
    """Several cards at once for one purpose (the briefing's persons), each view audited."""
    return [show_card(ctx, card_id, purpose) for card_id in card_ids]
