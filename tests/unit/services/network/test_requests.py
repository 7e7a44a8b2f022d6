"""Information requests: from asked to answered, declined or withdrawn; the answer is a log
entry linked to the request in the same transaction; bad input is refused whole."""

from datetime import timedelta

import pytest

from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.errors import AccessDeniedError, NotFoundError, ValidationError
from crisisconsole.services.log.queries import get_entry, list_entries
from crisisconsole.services.network import partners, request_queries, requests


@pytest.fixture
def ggd(ctx):
    return partners.add_partner(ctx, PartnerFields(
        "GGD Gelderland-Zuid", function="DPG", contributes="Medische informatie.",
        phone="088 144 7111", escalation_phone="06 1234 5678", discipline="ghor"),
        municipality="Waalbergen")


def _count(store, table):
    with store.read() as conn:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def test_add_answer_links_a_log_entry_with_the_partner_as_source(ctx, crisis, ggd, clock):
    due = clock.now() + timedelta(hours=1)
    made = requests.add_request(ctx, crisis.id, "Hoeveel gewonden?", due, to="GGD Gelderland-Zuid")
    assert made["state"] == "open" and made["to"] == "GGD Gelderland-Zuid"
    assert made["overdue"] is False and made["answer_entry_ids"] == []
    answered = requests.answer_request(ctx, made["id"], "Drie lichtgewonden", partial=True)
    assert answered["state"] == "partly_answered"
    second = requests.answer_request(ctx, made["id"], "Vier gewonden, een ernstig",
                                     reliability="confirmed")
    assert second["state"] == "answered" and len(second["answer_entry_ids"]) == 2
    entry = get_entry(ctx.store, second["answer_entry_ids"][1])
    assert entry.source == "ghor" and entry.person == "GGD Gelderland-Zuid"
    assert entry.reliability == "confirmed" and entry.discipline == "ghor"
    assert {e.id for e in list_entries(ctx.store, crisis.id)} >= set(second["answer_entry_ids"])


def test_overdue_counts_and_lists_first(ctx, crisis, ggd, clock):
    late = requests.add_request(ctx, crisis.id, "Vraag A", clock.now() + timedelta(minutes=5),
                                to=ggd.id)
    requests.add_request(ctx, crisis.id, "Vraag B", clock.now() + timedelta(hours=5), to=ggd.id)
    assert request_queries.overdue_count(ctx.store) == 0
    clock.advance(timedelta(minutes=10))
    assert request_queries.overdue_count(ctx.store) == 1
    overdue = request_queries.list_requests(ctx.store, crisis.id, overdue_only=True)
    assert [r.id for r in overdue] == [late["id"]] and overdue[0].overdue
    requests.answer_request(ctx, late["id"], "Antwoord")
    assert request_queries.overdue_count(ctx.store) == 0
    page = request_queries.list_requests(ctx.store, crisis.id)
    assert [r.question for r in page] == ["Vraag B", "Vraag A"]  # outstanding first


def test_keyset_paging_walks_every_request_once(ctx, crisis, ggd, clock):
    for i in range(7):
        requests.add_request(ctx, crisis.id, f"V{i}", clock.now() + timedelta(minutes=30 - i),
                             to=ggd.id)
    seen, after = [], None
    while True:
        page = request_queries.list_requests(ctx.store, crisis.id, open_only=True, limit=3,
                                             after=after)
        if not page:
            break
        seen += [r.question for r in page]
        after = (page[-1].due_at, page[-1].id)
    assert seen == [f"V{i}" for i in reversed(range(7))]


def test_a_deadline_before_the_question_is_refused(ctx, crisis, ggd, clock):
    with pytest.raises(ValidationError, match="vóór"):
        requests.add_request(ctx, crisis.id, "V", clock.now() - timedelta(minutes=1), to=ggd.id)
    assert _count(ctx.store, "info_request") == 0


def test_an_unknown_partner_is_refused(ctx, crisis, clock):
    with pytest.raises(NotFoundError, match="onbekende partner"):
        requests.add_request(ctx, crisis.id, "V", clock.now() + timedelta(hours=1), to="Nergens")
    assert _count(ctx.store, "info_request") == 0


def test_a_named_person_needs_no_directory_entry(ctx, crisis, clock):
    made = requests.add_request(ctx, crisis.id, "V", clock.now() + timedelta(hours=1),
                                person="J. de Vries (Vergunningen)")
    assert made["to"] == "J. de Vries (Vergunningen)" and made["partner_id"] is None
    answered = requests.answer_request(ctx, made["id"], "Ja")
    assert get_entry(ctx.store, answered["answer_entry_ids"][0]).source == "other"


def test_answering_a_withdrawn_request_is_refused_and_nothing_half_saved(ctx, crisis, ggd,
                                                                          clock):
    made = requests.add_request(ctx, crisis.id, "V", clock.now() + timedelta(hours=1), to=ggd.id)
    withdrawn = requests.close_request(ctx, made["id"], "withdrawn", "niet meer nodig")
    assert withdrawn["state"] == "withdrawn" and withdrawn["reasons"] == ["niet meer nodig"]
    entries = _count(ctx.store, "log_entry")
    with pytest.raises(ValidationError, match="ingetrokken"):
        requests.answer_request(ctx, made["id"], "Toch een antwoord")
    with pytest.raises(ValidationError):
        requests.close_request(ctx, made["id"], "declined", "nee")
    assert _count(ctx.store, "log_entry") == entries


def test_the_link_is_checked_inside_the_transaction(ctx, crisis, ggd, clock, monkeypatch):
    """A withdrawal that lands between the check and the write (another laptop, another
    process): the answer's log entry is rolled back with the refused link."""
    made = requests.add_request(ctx, crisis.id, "V", clock.now() + timedelta(hours=1), to=ggd.id)
    real = request_queries.get_request

    def stale(store, request_id, now=None):
        view = real(store, request_id, now)
        if view.state == "open":
            with store.write(ctx.actor.id) as tx:
                tx.conn.exec_driver_sql(
                    "INSERT INTO info_request_event VALUES ('x', ?, 'withdrawn', NULL, 'r', ?, ?)",
                    (request_id, "2026-01-01T00:00:00Z", ctx.actor.id))
        return view

    monkeypatch.setattr(requests, "get_request", stale)
    entries = _count(ctx.store, "log_entry")
    with pytest.raises(ValidationError):
        requests.answer_request(ctx, made["id"], "Antwoord")
    assert _count(ctx.store, "log_entry") == entries


def test_a_viewer_may_not_ask_and_the_refusal_is_audited(ctx, crisis, as_role, clock):
    viewer = as_role("viewer")
    with pytest.raises(AccessDeniedError):
        requests.add_request(viewer, crisis.id, "V", clock.now() + timedelta(hours=1),
                             person="X")
    with ctx.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit WHERE action = 'request.add' "
                                    "AND result = 'refused'").scalar() == 1
    team = as_role("team")
    assert requests.add_request(team, crisis.id, "V", clock.now() + timedelta(hours=1),
                                person="X")["state"] == "open"


def test_a_request_serves_a_known_topic_and_its_answer_joins_it(ctx, crisis, clock):
    from crisisconsole.services.log.entries import add_entry
    from crisisconsole.services.picture.topics import list_topics, topic_entries

    add_entry(ctx, crisis.id, "Rookpluim boven de haven", "brandweer", location="Haven")
    add_entry(ctx, crisis.id, "Ruiten ingegooid bij het station", "politie",
              location="Stationsplein")
    topic = next(t for t in list_topics(ctx.store, crisis.id) if "haven" in t.title.lower())
    made = requests.add_request(ctx, crisis.id, "Is de rook giftig?",
                                clock.now() + timedelta(hours=1), person="GGD", topic=topic.id)
    assert made["topic"] == topic.id
    answered = requests.answer_request(ctx, made["id"], "Geen gevaar volgens de meetploeg")
    entries = topic_entries(ctx.store, crisis.id, topic.id)
    assert answered["answer_entry_ids"][0] in {e.id for e in entries}
    for bad in ("T-0001", "bad id; drop"):  # unknown or malformed: refused, nothing saved
        with pytest.raises((ValidationError, NotFoundError), match="onderwerp"):
            requests.add_request(ctx, crisis.id, "V", clock.now() + timedelta(hours=1),
                                 person="X", topic=bad)
    assert _count(ctx.store, "info_request") == 1


def test_audit_verify_recomputes_the_request_state(ctx, crisis, ggd, clock):
    from crisisconsole.store.derived_network import check_info_request_current

    made = requests.add_request(ctx, crisis.id, "V", clock.now() + timedelta(hours=1), to=ggd.id)
    requests.answer_request(ctx, made["id"], "A", partial=True)
    raw = ctx.store.raw_connection()
    try:
        assert list(check_info_request_current(raw)) == []
        raw.execute("UPDATE info_request_current SET state = 'open'")
        found = list(check_info_request_current(raw))
        assert [(d.column, d.stored, d.expected) for d in found] == [
            ("state", "open", "partly_answered")]
    finally:
        raw.close()
