"""Conflicts shown, never settled by the clock alone: what the doors that read an entry learn
about its concurrent corrections, and the settle act (choose a version or type a new text),
role-checked and audited, on two laptops synced through a real server."""

import pytest
from sqlalchemy import text

from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log.entries import add_entry, correct_entry
from crisisconsole.services.team.conflicts import entry_conflicts, settle_entry
from crisisconsole.services.team.sync import status, sync_once


def _rounds(*pairs):
    for ctx, secrets in pairs:
        sync_once(ctx, secrets)


@pytest.fixture
def conflicted(laptops):
    """Two laptops that each corrected one entry offline, synced: (a, b, entry, quiet)."""
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Rook boven de haven", "burger")
    quiet = add_entry(a, crisis.id, "Geen nieuws", "burger")
    _rounds((a, a_secrets), (b, b_secrets))
    correct_entry(a, entry.id, "Rook boven de Noordhaven", "plaats preciezer")
    correct_entry(b, entry.id, "Rook boven de Zuidhaven", "plaats preciezer")
    _rounds((a, a_secrets), (b, b_secrets), (a, a_secrets))
    return (a, a_secrets), (b, b_secrets), entry, quiet


def test_the_versions_in_conflict_are_the_same_on_both_laptops(conflicted):
    (a, _), (b, _), entry, quiet = conflicted
    seen = []
    for ctx in (a, b):
        found = entry_conflicts(ctx.store, [entry.id, quiet.id])
        assert set(found) == {entry.id}
        data = found[entry.id].as_json()
        assert data["conflict"] == "concurrent_corrections"
        assert {v["text"] for v in data["versions"]} == {"Rook boven de Noordhaven",
                                                         "Rook boven de Zuidhaven"}
        # a device is its login role on the server (named after the laptop)
        assert sorted(v["device"][-8:] for v in data["versions"]) == ["laptop_a", "laptop_b"]
        assert all(v["recorded_at"] and v["id"] and v["version"] == 2 for v in data["versions"])
        seen.append(data["versions"])
    assert seen[0] == seen[1]


def test_keeping_one_version_settles_it_on_both(conflicted):
    (a, a_secrets), (b, b_secrets), entry, _ = conflicted
    versions = entry_conflicts(b.store, [entry.id])[entry.id].versions
    south = next(v for v in versions if "Zuidhaven" in v["text"])
    settled = settle_entry(b, entry.id, keep=south["id"])
    assert settled.text == "Rook boven de Zuidhaven"
    _rounds((b, b_secrets), (a, a_secrets))
    for ctx in (a, b):
        assert entry_conflicts(ctx.store, [entry.id]) == {}
        assert status(ctx.store)["conflicts"] == 0
        assert verify(ctx.store).ok, verify(ctx.store).problems()
    with a.store.read() as conn:
        actions = [r[0] for r in conn.execute(text(
            "SELECT action FROM audit WHERE result = 'ok' ORDER BY seq"))]
    assert "log.correct" in actions


def test_keep_names_a_version_in_conflict_or_is_refused(conflicted):
    (_, _), (b, _), entry, quiet = conflicted
    with pytest.raises(ValidationError, match="geen versie in conflict"):
        settle_entry(b, entry.id, keep="not-a-version")
    with pytest.raises(ValidationError, match="geen gelijktijdige correcties"):
        settle_entry(b, quiet.id, "Nieuw")
    with pytest.raises(ValidationError, match="tekst of een versie"):
        settle_entry(b, entry.id)


@pytest.mark.parametrize("role", ["viewer", "team"])
def test_a_viewer_or_team_profile_may_not_settle_and_the_refusal_is_audited(conflicted, role):
    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    (a, _), _, entry, _ = conflicted
    add_profile(a.store, "lezer", role, a.actor, secret="geheim van de lezer")
    reader = sign_in(a.store, "lezer", "geheim van de lezer").ctx
    with pytest.raises(AccessDeniedError, match="log.settle"):
        settle_entry(reader, entry.id, "Rook")
    with a.store.read() as conn:
        refused = conn.execute(text("SELECT count(*) FROM audit WHERE action = 'log.settle' "
                                    "AND result = 'refused'")).scalar()
    assert refused == 1
    assert set(entry_conflicts(a.store, [entry.id])) == {entry.id}
