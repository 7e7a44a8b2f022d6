"""The one change feed: every write reaches it once, as one ``Changes`` per service call, in
the vocabulary the tables declare; the audit records of another process read as the same."""

from __future__ import annotations

from crisisconsole import settings
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.changes import (
    Changes,
    Kind,
    act_on,
    feed_of,
    initiated_by,
    of_records,
)
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.preferences import save_preferences
from crisisconsole.services.intake.corroboration import link_as_corroborating
from crisisconsole.services.log.entries import add_entry, correct_entry
from crisisconsole.store import tables
from crisisconsole.store.opening import open_database


def _heard(ctx) -> list[Changes]:
    heard: list[Changes] = []
    ctx.feed.subscribe(heard.append)
    return heard


def test_every_table_declares_a_kind_of_change():
    for table in tables.all_tables():
        aggregate = table.info.get("aggregate")
        assert aggregate is not None or table.name == "db_meta", table.name
        if aggregate is not None:
            Kind(aggregate)  # a kind the feed knows


def test_a_write_is_one_changes_with_its_audit_sequence_numbers(ctx, crisis, store):
    heard = _heard(ctx)
    before = audit.last_seq(store)
    entry = add_entry(ctx, crisis.id, "Brand bij de haven", "brandweer")
    assert len(heard) == 1
    changes = heard[0]
    assert changes.kinds == {Kind.LOG} and changes.crisis_id == crisis.id
    assert entry.id in changes.ids and changes.actions == {"log.add"}
    assert changes.seqs == ((before + 1, audit.last_seq(store)),)


def test_a_write_without_a_crisis_column_names_its_crisis(ctx, crisis):
    entry = add_entry(ctx, crisis.id, "Brand", "brandweer")
    heard = _heard(ctx)
    correct_entry(ctx, entry.id, "Brand bij de haven", "plaats")
    assert heard[0].crisis_id == crisis.id and heard[0].kinds == {Kind.LOG}


def test_a_call_of_several_writes_is_one_changes(ctx, crisis):
    first = add_entry(ctx, crisis.id, "Rook boven de haven", "burger")
    second = add_entry(ctx, crisis.id, "Rook bij de haven gezien", "politie")
    heard = _heard(ctx)
    link_as_corroborating(ctx, second.id, first.id)  # an assessment and a link
    assert len(heard) == 1
    assert heard[0].actions >= {"log.confirmed", "log.link.corroborates"}
    with act_on(ctx.store):  # acts nest: the outer one publishes
        add_entry(ctx, crisis.id, "a", "politie")
        add_entry(ctx, crisis.id, "b", "politie")
    assert len(heard) == 2 and len(heard[1].seqs) == 2


def test_who_started_it_goes_with_the_changes(ctx, crisis):
    heard = _heard(ctx)
    token = object()
    with initiated_by(token):
        add_entry(ctx, crisis.id, "Melding", "politie")
    add_entry(ctx, crisis.id, "Nog een", "politie")
    assert heard[0].origin is token and heard[1].origin is None


def test_viewing_a_card_is_an_audit_change_only(ctx, crisis):
    card = cards.add_card(ctx, crisis.id, "Ruud Verhoef", role_in_crisis="leider")
    heard = _heard(ctx)
    cards.show_card(ctx, card.id, "briefing")
    assert [c.kinds for c in heard] == [{Kind.AUDIT}]


def test_another_process_reads_as_the_same_changes(ctx, crisis, store, secret_store, clock):
    """A second store on the same file stands for another process: its writes do not reach
    this store's feed, and its audit records read as the same kinds and crisis-free ids."""
    other_store = open_database(store.path, secret_store, clock=clock)
    try:
        other = ServiceContext(other_store, ctx.actor)
        heard, theirs = _heard(ctx), _heard(other)
        before = audit.last_seq(store)
        entry = add_entry(other, crisis.id, "Van elders", "politie")
        assert heard == [] and len(theirs) == 1
        seen = of_records(audit.records_between(store, [(before + 1, audit.last_seq(store))]))
        assert seen.kinds == theirs[0].kinds and seen.seqs == theirs[0].seqs
        assert entry.id in seen.ids and seen.crisis_id is None and seen.origin is None
    finally:
        other_store.close()


def test_saved_preferences_travel_on_the_feed(store):
    heard: list[Changes] = []
    feed_of(store).subscribe(heard.append)
    save_preferences(store, {"backup_minutes": 12, "unknown_key": 1})
    assert [c.kinds for c in heard] == [{Kind.PREFERENCES}] and heard[0].seqs == ()
    assert settings.load()["backup_minutes"] == 12 and "unknown_key" not in settings.load()


def test_merge_all_is_the_pairwise_merge_in_one_pass():
    from functools import reduce

    from crisisconsole.services.foundation.changes import Changes, Kind, merge_all

    origin = object()
    many = [Changes(frozenset({Kind.LOG}), (f"e{i}", "s1"), "c1", origin, ((i, i),),
                    frozenset({"log.add"})) for i in range(50)]
    many.append(Changes(frozenset({Kind.SOURCES}), ("s2",), "c1", origin, ((60, 61),),
                        frozenset({"source.add"})))
    one = merge_all(many)
    assert one == reduce(lambda a, b: a.merged(b), many)
    assert one.ids == ("e0", "s1", *(f"e{i}" for i in range(1, 50)), "s2")
    assert one.crisis_id == "c1" and one.origin is origin
    assert one.seqs[-1] == (60, 61) and len(one.seqs) == 51
    other = merge_all([*many, Changes(frozenset({Kind.LOG}), (), "c2", object())])
    assert other.crisis_id is None and other.origin is None
