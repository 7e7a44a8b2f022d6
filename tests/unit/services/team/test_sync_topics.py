"""Two laptops with the same facts show the same topics (issue 13), also when one of them held
its topics in memory, and kept them on disk, while the other's facts arrived by a pull: the
pull's rows come with one audit record for the pull, so the held book cannot follow them from
the tail and is dropped; the topics on disk are left behind and recomputed before use."""

from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.picture.snapshots import live_picture
from crisisconsole.services.picture.topic_books import books_of, topic_book
from crisisconsole.services.picture.topics import list_topics, record_topic_fact
from crisisconsole.services.team.sync import sync_once
from crisisconsole.store import derived_topics


def _topics(store, crisis_id):
    return [(v.id, v.title, v.entry_ids, v.pinned) for v in
            list_topics(store, crisis_id, include_closed=True)]


def _current(store, crisis_id):
    with store.read() as conn:
        gen, fresh = derived_topics.state(conn.connection.dbapi_connection, crisis_id)
    return gen == fresh


def test_pulled_facts_give_the_same_topics_on_both_laptops(laptops):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    first = add_entry(a, crisis.id, "Groep van ca. 30 personen", "politie",
                      discipline="politie", location="Parkeergarage Markt")
    sync_once(a, a_secrets)
    sync_once(b, b_secrets)
    live_picture(b, crisis.id)  # b now holds the crisis's topics and keeps them on disk
    add_entry(b, crisis.id, "Brand in een container", "brandweer", discipline="brandweer",
              location="Industrieweg")
    assert books_of(b.store).held(crisis.id) and _current(b.store, crisis.id)
    add_entry(a, crisis.id, "Groep van ca. 45 personen", "burger", discipline="politie",
              location="Parkeergarage Markt")
    record_topic_fact(a, crisis.id, "pin", [topic_book(a.store, crisis.id).topic_of(first.id)])
    sync_once(a, a_secrets)
    sync_once(b, b_secrets)
    sync_once(a, a_secrets)
    assert not books_of(b.store).held(crisis.id)  # dropped by the pull
    assert not _current(b.store, crisis.id)  # and the rows on disk say they are behind
    picture_b = live_picture(b, crisis.id)  # recomputed from the facts, rows written again
    assert _current(b.store, crisis.id)
    assert _topics(a.store, crisis.id) == _topics(b.store, crisis.id)
    books_of(a.store).forget()
    books_of(b.store).forget()
    assert live_picture(b, crisis.id)["disciplines"] == picture_b["disciplines"]  # from disk
    for ctx in (a, b):
        report = verify(ctx.store)
        assert report.ok, report.problems()
