from datetime import timedelta

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from crisisconsole.domain.log_rules import EntryInvalid
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.services.foundation import audit
from crisisconsole.services.log.attachments import Attachment
from crisisconsole.services.log.entries import (
    add_entry,
    assess_entry,
    correct_entry,
    link_entries,
    withdraw_entry,
)
from crisisconsole.services.log.queries import (
    LogFilter,
    count_entries,
    entry_history,
    get_entry,
    list_entries,
    search_entries,
)
from crisisconsole.services.log.values import late_threshold


def test_add_defaults_to_hearsay_and_version_1(ctx, crisis, clock):
    entry = add_entry(ctx, crisis.id, "Rookontwikkeling bij stadion", "brandweer",
                      location="Stadionweg")
    assert entry.reliability == "hearsay" and entry.version == 1 and entry.grade is None
    assert entry.occurred_at == clock.now() and entry.recorded_at == clock.now()
    data = entry.as_json(late_threshold(ctx.store))
    for key in ("id", "crisis_id", "occurred_at", "recorded_at", "source", "reliability",
                "grade", "text", "version"):
        assert key in data


def test_confirmed_needs_a_source(ctx, crisis):
    with pytest.raises(EntryInvalid):
        add_entry(ctx, crisis.id, "Brand", "burger", reliability="confirmed")
    entry = add_entry(ctx, crisis.id, "Brand", "burger", reliability="confirmed",
                      confirmed_by="brandweer OvD", grade="B2")
    assert entry.reliability == "confirmed" and entry.grade == "B2"
    assert entry.last_confirmed_at is not None


@pytest.mark.parametrize("kwargs", [
    {"text": ""}, {"text": "x" * 20_001}, {"grade": "Z9"}, {"source": ""},
    {"occurred_at_minutes": 6},
])
def test_bad_input_is_refused_and_nothing_saved(ctx, crisis, clock, store, kwargs):
    before = len(audit.list_records(store))
    args = {"text": "melding", "source": "politie"}
    minutes = kwargs.pop("occurred_at_minutes", None)
    args.update(kwargs)
    with pytest.raises(ValidationError):
        add_entry(ctx, crisis.id, args["text"], args["source"], grade=args.get("grade"),
                  occurred_at=clock.now() + timedelta(minutes=minutes) if minutes else None)
    assert len(audit.list_records(store)) == before


def test_unknown_crisis(ctx):
    with pytest.raises(NotFoundError):
        add_entry(ctx, "nope", "tekst", "politie")


def test_attachment_limit(ctx, crisis):
    with pytest.raises(EntryInvalid):
        add_entry(ctx, crisis.id, "foto", "burger",
                  attachments=[Attachment("a.jpg", b"x" * (10 * 1024 * 1024 + 1))])
    entry = add_entry(ctx, crisis.id, "foto", "burger", attachments=[Attachment("a.jpg", b"jpg")])
    _, facts = entry_history(ctx.store, entry.id)
    assert facts.attachments[0]["filename"] == "a.jpg"


def test_correct_confirm_refute_link_and_history(ctx, crisis, clock):
    first = add_entry(ctx, crisis.id, "Twee gewonden bij de Markt", "burger")
    clock.advance(minutes=3)
    other = add_entry(ctx, crisis.id, "Ambulances naar de Markt voor 2 gewonden", "ghor")
    clock.advance(minutes=3)
    corrected = correct_entry(ctx, first.id, "Drie gewonden bij de Markt", "telling GHOR")
    assert corrected.version == 2 and corrected.text.startswith("Drie")
    with pytest.raises(ValidationError):
        assess_entry(ctx, first.id, "confirmed")  # no source, no corroborating entry
    confirmed = assess_entry(ctx, first.id, "confirmed", corroborated_by=other.id, grade="B2")
    assert confirmed.reliability == "confirmed" and confirmed.grade == "B2"
    clock.advance(minutes=3)
    third = add_entry(ctx, crisis.id, "Geen gewonden, zegt de politie", "politie")
    link_entries(ctx, third.id, first.id, "contradicts")
    assert get_entry(ctx.store, first.id).contradicted
    refuted = assess_entry(ctx, third.id, "refuted", by="GHOR CvD", reason="ter plaatse gezien")
    assert refuted.reliability == "refuted"
    state, facts = entry_history(ctx.store, first.id)
    assert [v.version for v in facts.versions] == [1, 2]
    assert state.text.startswith("Drie") and state.reliability == "confirmed"
    assert other.id in state.corroborated_by
    kinds = [item.kind for item in state.history]
    assert kinds.count("version") == 2 and "assessment" in kinds and "link" in kinds
    assert audit.verify(ctx.store).ok


def test_withdraw_keeps_entry(ctx, crisis):
    entry = add_entry(ctx, crisis.id, "Alarm", "veiligheidsregio")
    withdrawn = withdraw_entry(ctx, entry.id, "CAP Cancel")
    assert withdrawn.withdrawn and withdrawn.text == "Alarm"


def test_list_filters_sorting_paging_and_search(ctx, crisis, clock):
    base = clock.now()
    ids = []
    for i in range(30):
        clock.set(base + timedelta(minutes=i))
        source = "politie" if i % 2 else "brandweer"
        occurred = base - timedelta(minutes=60 - i * 2) if i != 7 else base - timedelta(hours=5)
        ids.append(add_entry(ctx, crisis.id, f"Melding {i} over café Zoë", source,
                             occurred_at=occurred).id)
    newest = list_entries(ctx.store, crisis.id, limit=5)
    assert [e.text for e in newest][:1] == ["Melding 29 over café Zoë"]
    assert list_entries(ctx.store, crisis.id, limit=1, descending=False)[0].id == ids[7]
    page1 = list_entries(ctx.store, crisis.id, limit=10)
    page2 = list_entries(ctx.store, crisis.id, limit=10,
                         after=(page1[-1].occurred_at, page1[-1].rowid))
    assert not {e.id for e in page1} & {e.id for e in page2}
    assert count_entries(ctx.store, crisis.id, LogFilter(source=("politie",))) == 15
    assert all(e.source == "brandweer" for e in
               list_entries(ctx.store, crisis.id, LogFilter(source=("brandweer",))))
    by_recorded = list_entries(ctx.store, crisis.id, order="recorded", limit=1)
    assert by_recorded[0].id == ids[-1]
    hits = search_entries(ctx.store, crisis.id, "cafe zoe", limit=3)  # diacritics-insensitive
    assert len(hits) == 3 and hits[0].entry.id == ids[-1]
    assert "\x02café\x03" in hits[0].highlighted
    assert count_entries(ctx.store, crisis.id, LogFilter(query="melding 7")) >= 1
    assert get_entry(ctx.store, ids[7]).late(late_threshold(ctx.store))


def test_append_only_triggers_on_log_tables(store, ctx, crisis):
    a = add_entry(ctx, crisis.id, "x", "politie")
    b = add_entry(ctx, crisis.id, "y", "brandweer")
    correct_entry(ctx, a.id, "x2", "typo")
    assess_entry(ctx, a.id, "confirmed", by="politie")
    link_entries(ctx, a.id, b.id, "follows_up")
    raw = store.raw_connection()
    for table in ("log_entry", "log_assessment", "log_link", "log_version"):
        with pytest.raises(sqlcipher.IntegrityError):
            raw.execute(f"UPDATE {table} SET id = id")
        with pytest.raises(sqlcipher.IntegrityError):
            raw.execute(f"DELETE FROM {table}")
    raw.close()
