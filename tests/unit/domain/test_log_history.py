from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisconsole.domain.log_history import (
    Assessment,
    EntryVersion,
    HistoryInconsistent,
    Link,
    LinkKind,
    check_assessment,
    check_correction,
    check_link,
    current_state,
    is_open_contradiction,
    short_id,
)
from crisisconsole.domain.log_rules import EntryInvalid
from crisisconsole.domain.reliability import Reliability

T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
E = "0190-entry-aaaa1111"
OTHER = "0190-entry-bbbb2222"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def v(n: int, text: str, minutes: float, reason: str | None = None, location=None) -> EntryVersion:
    return EntryVersion(
        id=f"v{n}", entry_id=E, version=n, text=text, location=location, recorded_at=at(minutes),
        author="aide", reason=reason, corrects_version=n - 1 if n > 1 else None,
    )


def a(i: int, tag: str, minutes: float, grade=None, source=None, corr=None, reason=None) -> Assessment:
    return Assessment(
        id=f"a{i:03d}", entry_id=E, reliability=tag, grade=grade, at=at(minutes), actor="aide",
        reason=reason, confirming_source=source, corroborating_entry_id=corr,
    )


def link(i: int, from_id: str, to_id: str, kind: str, minutes: float) -> Link:
    return Link(id=f"l{i:03d}", from_id=from_id, to_id=to_id, kind=kind, at=at(minutes), actor="aide")


# ------------------------------------------------------------------ the fold, by example


def test_a_fresh_entry_is_hearsay_version_one():
    state = current_state([v(1, "Brand in loods", 0)])
    assert (state.text, state.version, state.reliability, state.grade) == (
        "Brand in loods", 1, Reliability.HEARSAY, None,
    )
    assert state.last_confirmed_at is None
    assert not state.contradicted and state.corroborated_by == ()
    assert [h.kind for h in state.history] == ["version"]
    assert state.history[0].summary == "Vastgelegd door aide"


def test_corrections_keep_old_text_struck_through():
    state = current_state([v(2, "Brand in loods 4", 5, "nummer"), v(1, "Brand in loods", 0)])
    assert state.text == "Brand in loods 4" and state.version == 2
    old, new = state.history
    assert (old.text, old.superseded) == ("Brand in loods", True)
    assert (new.text, new.superseded) == ("Brand in loods 4", False)
    assert new.summary == "Correctie naar versie 2 door aide: nummer"
    assert new.reason == "nummer"


def test_latest_assessment_sets_the_tag_and_a_missing_grade_keeps_the_old_one():
    state = current_state(
        [v(1, "x", 0)],
        [
            a(2, "refuted", 30, source="OvD-P"),
            a(1, "confirmed", 10, grade="B2", source="meldkamer"),
        ],
    )
    assert state.reliability is Reliability.REFUTED
    assert state.grade == "B2"
    assert state.last_confirmed_at == at(10)  # still shown: when someone last vouched for it
    assert [h.record_id for h in state.history] == ["v1", "a001", "a002"]
    assert state.history[1].summary == "Bevestigd door aide, beoordeling B2; bron: meldkamer"
    assert state.history[2].summary == "Ontkracht door aide; bron: OvD-P"


def test_corroborated_by_collects_links_and_confirming_entries_once_in_time_order():
    state = current_state(
        [v(1, "x", 0)],
        [a(1, "confirmed", 20, corr=OTHER)],
        [link(1, "third", E, "corroborates", 5), link(2, OTHER, E, "corroborates", 30),
         link(3, E, "fourth", "corroborates", 40)],
    )
    assert state.corroborated_by == ("third", OTHER)
    assert state.history[-1].summary == f"Ondersteunt melding {short_id('fourth')} (door aide)"


@pytest.mark.parametrize("direction", ["out", "in"])
def test_contradicts_in_either_direction_flags_the_entry(direction):
    pair = (E, OTHER) if direction == "out" else (OTHER, E)
    state = current_state([v(1, "x", 0)], [], [link(1, *pair, "contradicts", 5)])
    assert state.contradicted
    assert state.contradicted_by == (OTHER,)


def test_a_refuted_side_settles_the_contradiction():
    links = [link(1, E, OTHER, "contradicts", 5)]
    other_refuted = current_state([v(1, "x", 0)], [], links, {OTHER: "refuted"})
    assert not other_refuted.contradicted
    self_refuted = current_state([v(1, "x", 0)], [a(1, "refuted", 9, source="P")], links)
    assert not self_refuted.contradicted
    other_confirmed = current_state([v(1, "x", 0)], [], links, {OTHER: "confirmed"})
    assert other_confirmed.contradicted


def test_open_contradiction_for_the_picture():
    contra = link(1, E, OTHER, "contradicts", 5)
    assert is_open_contradiction(contra, {E: "confirmed", OTHER: "hearsay"})
    assert not is_open_contradiction(contra, {E: "confirmed", OTHER: "refuted"})
    assert not is_open_contradiction(link(2, E, OTHER, "follows_up", 5), {})


def test_facts_of_another_entry_or_gaps_in_versions_are_refused():
    with pytest.raises(HistoryInconsistent):
        current_state([])
    with pytest.raises(HistoryInconsistent):
        current_state([v(1, "x", 0), v(3, "z", 2)])
    with pytest.raises(HistoryInconsistent):
        current_state([v(1, "x", 0)], [], [link(1, OTHER, "third", "contradicts", 1)])
    stray = Assessment("a", OTHER, "hearsay", None, at(1), "aide")
    with pytest.raises(HistoryInconsistent):
        current_state([v(1, "x", 0)], [stray])


# ------------------------------------------------------------------ checks before writing


def test_check_correction_numbers_the_next_version():
    fix = check_correction([v(1, "x", 0), v(2, "y", 1, "r")], " z ", " tikfout ")
    assert (fix.text, fix.reason, fix.version, fix.corrects_version) == ("z", "tikfout", 3, 2)


def test_check_correction_location_only_and_clearing():
    versions = [v(1, "x", 0, location="Markt")]
    assert check_correction(versions, "x", "plek", "Station").location == "Station"
    assert check_correction(versions, "x", "plek", "").location is None
    assert check_correction(versions, "y", "tekst").location == "Markt"


@pytest.mark.parametrize(
    ("text", "reason", "field"),
    [("y", "", "reason"), ("y", "  ", "reason"), ("y", None, "reason"),
     ("x", "zelfde", "text"), (" x ", "zelfde", "text"), ("", "leeg", "text")],
)
def test_check_correction_refuses(text, reason, field):
    with pytest.raises(EntryInvalid) as info:
        check_correction([v(1, "x", 0)], text, reason)
    assert info.value.field == field


def test_check_assessment_rules():
    ok = check_assessment(E, "confirmed", "b2", confirming_source=" OvD ")
    assert (ok.reliability, ok.grade, ok.confirming_source) == (Reliability.CONFIRMED, "B2", "OvD")
    assert check_assessment(E, "confirmed", corroborating_entry_id=OTHER).corroborating_entry_id == OTHER
    assert check_assessment(E, "hearsay", "C3").grade == "C3"
    assert check_assessment(E, "refuted", confirming_source="RIEC").reliability is Reliability.REFUTED
    refusals = [
        dict(reliability="confirmed"),
        dict(reliability="confirmed", confirming_source=" "),
        dict(reliability="confirmed", corroborating_entry_id=E),
        dict(reliability="refuted"),
        dict(reliability="refuted", corroborating_entry_id=OTHER, confirming_source="P"),
        dict(reliability="hearsay", corroborating_entry_id=OTHER),
        dict(reliability="zeker"),
        dict(reliability="hearsay", grade="Z9"),
    ]
    for kwargs in refusals:
        with pytest.raises(EntryInvalid):
            check_assessment(E, **kwargs)


def test_check_link_rules():
    existing = [link(1, E, OTHER, "contradicts", 1), link(2, E, "c", "follows_up", 2),
                link(3, E, "d", "corroborates", 3)]
    assert check_link(E, "new", "Follows_Up", existing) is LinkKind.FOLLOWS_UP
    assert check_link("d", E, "corroborates", existing) is LinkKind.CORROBORATES  # mutual support
    assert check_link(E, "c", "corroborates", existing) is LinkKind.CORROBORATES
    refusals = [
        (E, E, "corroborates"),  # self
        (E, OTHER, "contradicts"),  # duplicate
        (OTHER, E, "contradicts"),  # duplicate, other way round (symmetric)
        (OTHER, E, "corroborates"),  # opposite of an existing contradiction
        (E, "d", "contradicts"),  # opposite of an existing corroboration
        ("c", E, "follows_up"),  # two-entry cycle
        (E, "d", "corroborates"),  # duplicate
        (E, "x", "supports"),  # unknown kind
        (E, "", "follows_up"),
    ]
    for from_id, to_id, kind in refusals:
        with pytest.raises(EntryInvalid):
            check_link(from_id, to_id, kind, existing)


# ------------------------------------------------------------------ property: any sequence

TAGS = st.sampled_from(["hearsay", "confirmed", "refuted"])
GRADES = st.sampled_from([None, "A1", "B2", "F6"])
OPTIONAL = st.sampled_from([None, "", "OvD politie"])
CORR = st.sampled_from([None, OTHER, E])
STEP = st.one_of(
    st.tuples(st.just("correct"), st.text(max_size=12), st.sampled_from(["", "tikfout"])),
    st.tuples(st.just("assess"), TAGS, GRADES, OPTIONAL, CORR),
    st.tuples(st.just("link"), st.sampled_from(list(LinkKind)), st.sampled_from([OTHER, "c"]),
              st.booleans()),
)


@settings(max_examples=300, deadline=None)
@given(
    steps=st.lists(st.tuples(STEP, st.integers(min_value=0, max_value=3)), max_size=25),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_any_sequence_of_facts_folds_to_the_right_state(steps, seed):
    versions = [v(1, "begin", 0)]
    assessments: list[Assessment] = []
    links: list[Link] = []
    minutes = 0
    # The model: what the aide expects to see after typing these acts in this order.
    text, tag, grade, confirmed_at = "begin", Reliability.HEARSAY, None, None
    for i, (step, gap) in enumerate(steps, start=1):
        minutes += gap  # gap 0 gives equal times: ties must still be ordered
        if step[0] == "correct":
            _, new_text, reason = step
            should_pass = bool(new_text.strip()) and new_text.strip() != text and bool(reason)
            try:
                fix = check_correction(versions, new_text, reason)
            except EntryInvalid:
                assert not should_pass
                continue
            assert should_pass
            versions.append(v(fix.version, fix.text, minutes, fix.reason))
            text = fix.text
        elif step[0] == "assess":
            _, new_tag, new_grade, source, corr = step
            named = bool(source)
            should_pass = corr != E and (
                (new_tag == "confirmed" and (named or corr is not None))
                or (new_tag == "refuted" and named and corr is None)
                or (new_tag == "hearsay" and corr is None)
            )
            try:
                ok = check_assessment(E, new_tag, new_grade, source, corr)
            except EntryInvalid:
                assert not should_pass
                continue
            assert should_pass
            assessments.append(
                Assessment(f"a{i:03d}", E, ok.reliability, ok.grade, at(minutes), "aide",
                           None, ok.confirming_source, ok.corroborating_entry_id)
            )
            tag, grade = ok.reliability, ok.grade or grade
            if tag is Reliability.CONFIRMED:
                confirmed_at = at(minutes)
        else:
            _, kind, other, outgoing = step
            pair = (E, other) if outgoing else (other, E)
            try:
                check_link(*pair, kind, links)
            except EntryInvalid:
                continue
            links.append(link(i, *pair, kind, minutes))

    rng = random.Random(seed)
    for facts in (versions, assessments, links):
        rng.shuffle(facts)  # the store may hand them back in any order
    state = current_state(versions, assessments, links)

    assert state.text == text
    assert state.version == len(versions)
    assert sorted(x.version for x in versions) == list(range(1, len(versions) + 1))
    assert state.reliability is tag
    assert state.grade == grade
    assert state.last_confirmed_at == confirmed_at
    contradicting = [lk for lk in links if lk.kind == "contradicts"]
    assert state.contradicted == (bool(contradicting) and tag is not Reliability.REFUTED)

    all_ids = [x.id for x in (*versions, *assessments, *links)]
    history_ids = [h.record_id for h in state.history]
    assert sorted(history_ids) == sorted(all_ids)  # every fact exactly once
    times = [h.at for h in state.history]
    assert times == sorted(times)
    history_versions = [h.version for h in state.history if h.kind == "version"]
    assert history_versions == sorted(history_versions)
    superseded = [h.version for h in state.history if h.superseded]
    assert superseded == list(range(1, len(versions)))
    tags_in_order = [h.record_id for h in state.history if h.kind == "assessment"]
    assert tags_in_order == sorted(tags_in_order)  # ids were made in time order
