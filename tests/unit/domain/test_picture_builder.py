"""The pure picture builder: BOB sections, confirmed apart from hearsay, merged corroborations,
open contradictions, overdue actions, masked persons, deterministic canonical form."""

from picture_helpers import entry, make_input

from crisisconsole.domain.picture import (
    SECTIONS,
    build_picture,
    canonical_json,
    picture_hash,
    with_version,
)


def items(picture, key, tag):
    return next(d for d in picture["disciplines"] if d["key"] == key)[tag]


def test_sections_in_bob_order():
    picture = build_picture(make_input())
    keys = [k for k in picture if k != "format"]
    assert keys == [key for key, _ in SECTIONS]


def test_confirmed_apart_from_hearsay_and_corroborations_merged():
    picture = build_picture(make_input())
    police = items(picture, "politie", "confirmed")
    assert len(police) == 1
    merged = police[0]
    assert merged["entry_ids"] == ["e1", "e2"]  # the best member first
    assert merged["sources"] == ["burger", "politie"]
    assert merged["reports"] == 2
    assert merged["last_confirmed_at"] == "2026-11-29T18:12:00.000000Z"
    assert merged["age"] == "1 u 50 min"
    # e2 is not shown again as hearsay under "overig"
    other_hearsay = [i["entry_ids"] for i in items(picture, "overig", "hearsay")]
    assert ["e2"] not in other_hearsay and ["e3"] in other_hearsay
    assert [i["entry_ids"] for i in items(picture, "politie", "hearsay")] == [["e6"]]


def test_withdrawn_and_refuted_are_not_facts():
    picture = build_picture(make_input())
    shown = {i for d in picture["disciplines"] for tag in ("confirmed", "hearsay")
             for item in d[tag] for i in item["entry_ids"]}
    assert "e7" not in shown and "e8" not in shown


def test_open_contradictions_only():
    picture = build_picture(make_input())
    pairs = {(c["a"]["entry_id"], c["b"]["entry_id"]) for c in picture["contradictions"]}
    assert pairs == {("e3", "e4"), ("e5", "e6")}
    assert items(picture, "ghor", "confirmed")[0]["contradicted"] is True


def test_actions_overdue_first_and_powers_with_deadline():
    picture = build_picture(make_input())
    assert [a["id"] for a in picture["actions"]] == ["a1", "a3", "a2"]
    assert [a["overdue"] for a in picture["actions"]] == [True, False, False]
    power = picture["powers"][0]
    assert power["next_due"] == {"kind": "notify_raad", "text": "Raad informeren",
                                 "due": "2026-11-29T19:40:00.000000Z", "overdue": True}
    assert picture["summary"]["counts"]["overdue_actions"] == 1


def test_persons_masked_judgement_and_contacts():
    picture = build_picture(make_input())
    assert picture["persons"] == {"visible": True, "items": [
        {"id": "p1", "masked": "J.d.V. (organisator)", "kind": "person"}]}
    assert [n["text"] for n in picture["judgement"]["bottleneck"]] == ["ME-capaciteit"]
    assert [n["text"] for n in picture["contacts"]] == ["OvJ via meldkamer"]
    assert picture["decisions"][0]["refs"] == ["#e1"]


def test_limit_and_totals():
    many = tuple(entry(f"x{i:03}", i, "politie", "politie", f"melding {i}") for i in range(40))
    picture = build_picture(make_input(entries=many, links=(), limit_per_list=10,
                                       totals={("politie", "hearsay"): 900}))
    police = next(d for d in picture["disciplines"] if d["key"] == "politie")
    assert len(police["hearsay"]) == 10 and police["hearsay_more"] == 30
    assert police["hearsay_reports"] == 900
    assert police["hearsay"][0]["entry_ids"] == ["x039"]  # newest first


def test_deterministic_canonical_hash():
    first = build_picture(make_input())
    shuffled = make_input(entries=tuple(reversed(make_input().entries)),
                          links=tuple(reversed(make_input().links)))
    second = build_picture(shuffled)
    assert canonical_json(first) == canonical_json(second)
    assert picture_hash(canonical_json(first)) == picture_hash(canonical_json(second))
    versioned = with_version(first, 3)
    assert versioned["header"]["version"] == 3 and first["header"]["version"] is None
    assert picture_hash(canonical_json(versioned)) != picture_hash(canonical_json(first))
