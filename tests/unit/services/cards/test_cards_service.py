"""Person cards through the services: need to know, masking, audit, facts, purge."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from crisisconsole.domain.cards import FactInvalid
from crisisconsole.errors import AccessDeniedError, NotFoundError, ValidationError
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.cards import purge as card_purge
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import close_crisis
from crisisconsole.services.foundation.profiles import add_profile

NAME = "Johannes van der Berg"
STATEMENT = "Leidt de harde kern van supportersgroep Noordzij"


def _fact(ctx, card_id, **over):
    values = dict(source_org="Politie Oost", channel="wpg16",
                  legal_basis="Wet politiegegevens art. 16", purpose="handhaving openbare orde",
                  grade="B2", question="who")
    values.update(over)
    return cards.add_fact(ctx, card_id, over.pop("statement", STATEMENT), **{
        k: v for k, v in values.items() if k != "statement"})


@pytest.fixture
def card(ctx, crisis):
    made = cards.add_card(ctx, crisis.id, NAME, role_in_crisis="leider supportersgroep",
                          aliases=["Hannes"], year_of_birth=1987)
    _fact(ctx, made.id)
    return made


def _ctx_for(store, ctx, role):
    from crisisconsole.services.foundation.sign_in import sign_in

    secret = f"geheim {role} 123"
    add_profile(store, f"p-{role}", role, ctx.actor, secret=secret, cards_key=ctx.cards_key)
    return sign_in(store, f"p-{role}", secret).ctx


def _records(store, **where):
    return [r for r in audit.list_records(store, "card")
            if all(r[k] == v for k, v in where.items())]


@pytest.mark.parametrize("role", ["team", "viewer"])
def test_roles_without_need_to_know_are_refused_and_audited(store, ctx, crisis, card, role):
    other = _ctx_for(store, ctx, role)
    attempts = [
        ("card.view", lambda: cards.show_card(other, card.id, "nieuwsgierig")),
        ("card.list", lambda: cards.list_cards(other, crisis.id)),
        ("card.add", lambda: cards.add_card(other, crisis.id, "Iemand")),
        ("card.fact.add", lambda: _fact(other, card.id)),
        ("card.export", lambda: __import__(
            "crisisconsole.services.cards.export", fromlist=["x"]).export_card_pdf(
                other, card.id, store.path.parent / "x.pdf", "p")),
    ]
    for action, attempt in attempts:
        with pytest.raises(AccessDeniedError) as caught:
            attempt()
        assert caught.value.exit_code == 3
        assert NAME not in caught.value.message and STATEMENT not in caught.value.message
        refused = _records(store, action=action, result="refused", actor=other.actor.id)
        assert len(refused) == 1, action
    assert not (store.path.parent / "x.pdf").exists()
    assert audit.verify(store).ok


@pytest.mark.parametrize("role", ["aide", "mayor"])
def test_aide_and_mayor_see_the_card_with_a_purpose_and_each_view_is_audited(
        store, ctx, card, role):
    who = ctx if role == "aide" else _ctx_for(store, ctx, role)
    view = cards.show_card(who, card.id, "briefing driehoek")
    assert view.name == NAME and view.aliases == ("Hannes",) and view.year_of_birth == 1987
    assert [f.statement for f in view.current_facts("who")] == [STATEMENT]
    cards.show_card(who, card.id, "tweede keer")
    views = _records(store, action="card.view", result="ok", actor=who.actor.id)
    assert len(views) == 2 and {v["object_id"] for v in views} == {card.id}
    assert views[0]["origin"] and views[0]["at"]
    from sqlalchemy import select

    from crisisconsole.store.tables.cards import card_access
    with store.read() as conn:
        purposes = conn.execute(select(card_access.c.purpose).where(
            card_access.c.actor == who.actor.id).order_by(card_access.c.at)).scalars().all()
    assert purposes == ["briefing driehoek", "tweede keer"]


def test_reveal_without_purpose_is_refused_and_audited(store, ctx, card):
    with pytest.raises(ValidationError, match="doel"):
        cards.show_card(ctx, card.id, "  ")
    assert len(_records(store, action="card.view", result="refused")) == 1


def test_list_is_masked(store, ctx, crisis, card):
    items = cards.list_cards(ctx, crisis.id)
    assert [c.masked for c in items] == ["J.v.d.B. (leider supportersgroep)"]
    text = repr([c.as_json() for c in items]) + repr(items)
    assert "Johannes" not in text and "Berg" not in text and STATEMENT not in text
    assert "Hannes" not in text and "1987" not in text
    assert items[0].fact_count == 1


def test_fact_without_channel_basis_or_purpose_names_what_is_missing(ctx, card):
    with pytest.raises(FactInvalid) as caught:
        cards.add_fact(ctx, card.id, STATEMENT, source_org="Politie", channel=" ",
                       legal_basis=None, purpose="")
    message = caught.value.message
    assert "kanaal" in message and "grondslag" in message and "doel" in message
    assert "bronorganisatie" not in message and STATEMENT not in message
    with pytest.raises(FactInvalid, match="ongeldig: kanaal"):
        _fact(ctx, card.id, channel="telefoon")
    with pytest.raises(ValidationError, match="briefingvraag"):
        _fact(ctx, card.id, question="why")
    view = cards.show_card(ctx, card.id, "controle")
    assert len(view.facts) == 1  # nothing half-written


def test_correction_is_a_new_fact_and_the_old_stays(ctx, card):
    first = cards.show_card(ctx, card.id, "p").facts[0]
    new = cards.correct_fact(ctx, first.id, "tweede bron", reliability="confirmed", grade="A1")
    view = cards.show_card(ctx, card.id, "p")
    assert [f.id for f in view.facts] == [first.id, new["id"]]
    assert view.facts[0].superseded_by == new["id"] and view.facts[1].corrects_id == first.id
    assert view.current_facts("who")[0].grade == "A1"
    assert view.current_facts("who")[0].statement == STATEMENT
    with pytest.raises(ValidationError, match="al gecorrigeerd"):
        cards.correct_fact(ctx, first.id, "nog eens", grade="C3")
    with pytest.raises(ValidationError, match="Reden"):
        cards.correct_fact(ctx, new["id"], " ", grade="C3")


def test_notes_links_and_dates(ctx, crisis, card, clock):
    cards.add_note(ctx, card.id, "Niet delen zonder toestemming OvJ")
    with pytest.raises(NotFoundError):
        cards.link_entry(ctx, card.id, "no-such-entry")
    from crisisconsole.services.log.entries import add_entry

    entry = add_entry(ctx, crisis.id, "Groep van 40 bij het station", "Politie")
    cards.link_entry(ctx, card.id, entry.id)
    review = clock.now() + timedelta(days=2)
    cards.set_dates(ctx, card.id, review_date=review)
    view = cards.show_card(ctx, card.id, "p")
    assert [n.note for n in view.notes] == ["Niet delen zonder toestemming OvJ"]
    assert [link.entry_id for link in view.links] == [entry.id]
    assert view.links[0].summary == "Groep van 40 bij het station"
    assert view.review_date == review and view.deletion_date is None


def _raw_update_refused(store, sql):
    raw = store.raw_connection()
    try:
        with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
            raw.execute(sql)
    finally:
        raw.close()


def test_purge_due_leaves_tombstone_and_chain_verifies(store, ctx, crisis, card, clock):
    cards.add_note(ctx, card.id, "notitie met persoonsgegevens")
    cards.show_card(ctx, card.id, "voor de purge")
    assert card_purge.purge_due(ctx).purged == ()  # crisis open: no deletion date
    close_crisis(ctx, crisis.id)
    clock.advance(days=27)
    assert card_purge.purge_due(ctx).purged == ()
    clock.advance(days=1)
    result = card_purge.purge_due(ctx)
    assert [p["card_id"] for p in result.purged] == [card.id]
    assert result.purged[0]["rows_purged"] == 4 and len(result.purged[0]["removed_hash"]) == 64
    assert audit.verify(store).ok
    view = cards.show_card(ctx, card.id, "na de purge")
    assert view.purged and view.tombstone.actor == ctx.actor.id
    assert NAME not in repr(view.as_json()) and STATEMENT not in repr(view.as_json())
    assert "persoonsgegevens" not in repr(view.as_json())
    assert cards.list_cards(ctx, crisis.id)[0].masked == "Verwijderd (bewaartermijn)"
    assert card_purge.purge_due(ctx).purged == ()  # once only
    with pytest.raises(ValidationError, match="verwijderd"):
        _fact(ctx, card.id)
    # the gate is closed again: nobody else can overwrite or delete
    _raw_update_refused(store, "UPDATE card SET name = 'x'")
    _raw_update_refused(store, "DELETE FROM card_fact")
    _raw_update_refused(store, "DELETE FROM card_tombstone")
    raw = store.raw_connection()
    try:
        names = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dump = repr([raw.execute(f"SELECT * FROM {n}").fetchall() for n in names])
    finally:
        raw.close()
    assert "[verwijderd]" in dump
    for secret in (NAME, "Hannes", STATEMENT, "notitie met persoonsgegevens", "leider supp"):
        assert secret not in dump


def test_purge_by_hand_and_configurable_retention(store, ctx, crisis, card, clock):
    other = cards.add_card(ctx, crisis.id, "Organisatie Vrij Plein", "organisation")
    with pytest.raises(ValidationError, match="Reden"):
        card_purge.purge_card(ctx, other.id, "")
    card_purge.purge_card(ctx, other.id, "doel vervallen")
    assert audit.verify(store).ok
    card_purge.set_retention_days(ctx, 0)
    close_crisis(ctx, crisis.id)
    assert [p["card_id"] for p in card_purge.purge_due(ctx).purged] == [card.id]
    assert audit.verify(store).ok
    with pytest.raises(ValidationError):
        card_purge.set_retention_days(ctx, -1)


def test_explicit_deletion_date_overrides_default(store, ctx, card, clock):
    cards.set_dates(ctx, card.id, deletion_date=clock.now() + timedelta(hours=1))
    assert card_purge.purge_due(ctx).purged == ()
    assert len(card_purge.purge_due(ctx, clock.now() + timedelta(hours=1)).purged) == 1
    assert audit.verify(store).ok


def test_unexpected_error_message_is_withheld(ctx, card, monkeypatch):
    from crisisconsole.services.cards import reading as card_read
    from crisisconsole.services.cards.values import SuppressedError

    def boom(conn, card_id, key):
        raise ValueError(f"kapot bij {STATEMENT}")

    monkeypatch.setattr(card_read, "card_view", boom)
    with pytest.raises(SuppressedError) as caught:
        cards.show_card(ctx, card.id, "p")
    assert STATEMENT not in str(caught.value) and caught.value.__cause__ is None
    assert caught.value.__suppress_context__
