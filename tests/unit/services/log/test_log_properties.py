"""Any sequence of corrections, assessments and links gives the right current state (the derived
log_current row agrees with the domain fold and with a model kept here) and a complete history."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisconsole.errors import ValidationError
from crisisconsole.services.log.entries import add_entry, assess_entry, correct_entry, link_entries
from crisisconsole.services.log.queries import entry_history, get_entry

ops = st.lists(st.one_of(
    st.tuples(st.just("correct"), st.text(alphabet="abcxyz é", min_size=0, max_size=12)),
    st.tuples(st.just("confirm_by"), st.sampled_from([None, "A1", "B2", "C3"])),
    st.tuples(st.just("confirm_entry"), st.sampled_from([None, "B2"])),
    st.tuples(st.just("refute"), st.sampled_from([None, "E5"])),
    st.tuples(st.just("hearsay"), st.sampled_from([None, "D4"])),
    st.tuples(st.just("contradict"), st.booleans()),
    st.tuples(st.just("tick"), st.integers(min_value=0, max_value=3)),
), max_size=14)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=ops)
def test_any_sequence_gives_right_state_and_complete_history(ctx, crisis, clock, steps):
    entry = add_entry(ctx, crisis.id, "begin", "burger")
    expected = {"text": "begin", "version": 1, "reliability": "hearsay", "grade": None,
                "corroborated": set(), "contradictors": set(), "assessments": 1, "links": 0}
    refuted_others: set[str] = set()
    for op, arg in steps:
        if op == "tick":
            clock.advance(minutes=arg)
            continue
        try:
            if op == "correct":
                correct_entry(ctx, entry.id, arg, "reden")
                expected["text"] = arg.strip()
                expected["version"] += 1
            elif op in ("confirm_by", "refute", "hearsay"):
                tag = {"confirm_by": "confirmed", "refute": "refuted", "hearsay": "hearsay"}[op]
                assess_entry(ctx, entry.id, tag, by="politie" if op != "hearsay" else None,
                             grade=arg)
                expected["reliability"] = tag
                expected["grade"] = arg or expected["grade"]
                expected["assessments"] += 1
            elif op == "confirm_entry":
                other = add_entry(ctx, crisis.id, "steun", "politie")
                assess_entry(ctx, entry.id, "confirmed", corroborated_by=other.id, grade=arg)
                expected["reliability"] = "confirmed"
                expected["grade"] = arg or expected["grade"]
                expected["corroborated"].add(other.id)
                expected["assessments"] += 1
                expected["links"] += 1
            elif op == "contradict":
                other = add_entry(ctx, crisis.id, "tegen", "media")
                link_entries(ctx, other.id, entry.id, "contradicts")
                expected["contradictors"].add(other.id)
                expected["links"] += 1
                if arg:
                    assess_entry(ctx, other.id, "refuted", by="politie")
                    refuted_others.add(other.id)
        except ValidationError:
            assert op == "correct"  # only an empty or unchanged correction may be refused
            assert not arg.strip() or arg.strip() == expected["text"]

    current = get_entry(ctx.store, entry.id)
    state, facts = entry_history(ctx.store, entry.id)
    open_contradiction = (expected["reliability"] != "refuted"
                          and bool(expected["contradictors"] - refuted_others))
    assert (current.text, current.version, current.reliability, current.grade) == (
        expected["text"], expected["version"], expected["reliability"], expected["grade"])
    assert (state.text, state.version, state.reliability.value, state.grade) == (
        expected["text"], expected["version"], expected["reliability"], expected["grade"])
    assert current.contradicted == state.contradicted == open_contradiction
    assert set(state.corroborated_by) == expected["corroborated"]
    assert current.corroborations == len(expected["corroborated"])
    assert current.last_confirmed_at == state.last_confirmed_at
    kinds = [item.kind for item in state.history]
    assert kinds.count("version") == expected["version"]
    assert kinds.count("assessment") == expected["assessments"]
    assert kinds.count("link") == expected["links"] == len(facts.links)
    assert [item.superseded for item in state.history if item.kind == "version"] == [
        True] * (expected["version"] - 1) + [False]
