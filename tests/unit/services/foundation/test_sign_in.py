"""Signing in with a profile secret: wrong secrets are audited refusals that change nothing,
five in a row make the next attempts wait (counted from the audit chain, sleep injected), a
right secret opens the cards key, and the real scrypt parameters stay under half a second."""

from __future__ import annotations

import pytest

from crisisconsole.domain.profile_rules import check_secret, unlock_delay
from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.profile_admin import grant, reset_secret, set_own_secret
from crisisconsole.services.foundation.profiles import (
    add_profile,
    change_role,
    find_profile,
    list_profiles,
)
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.store import profile_crypto


def _unlock_records(store, profile_id):
    return [r for r in audit.list_records(store, "profile")
            if r["object_id"] == profile_id and r["action"] == "profile.unlock"]


def test_wrong_secret_is_an_audited_refusal_and_changes_nothing(store, ctx, aide_secret):
    before = audit.last_seq(store)
    with pytest.raises(AccessDeniedError) as caught:
        sign_in(store, "aide", "niet het geheim")
    assert caught.value.exit_code == 3 and "verkeerd profielgeheim" in caught.value.message
    assert aide_secret not in caught.value.message
    assert audit.last_seq(store) == before + 1
    assert _unlock_records(store, ctx.actor.id)[-1]["result"] == "refused"
    assert audit.verify(store).ok


def test_a_missing_secret_is_refused_without_a_record(store, ctx):
    before = audit.last_seq(store)
    with pytest.raises(AccessDeniedError, match="CRISISCONSOLE_PROFILE_SECRET"):
        sign_in(store, "aide", None)
    assert audit.last_seq(store) == before


def test_five_wrong_in_a_row_make_the_next_attempts_wait_longer(store, ctx, aide_secret):
    slept: list[float] = []
    for _ in range(8):
        with pytest.raises(AccessDeniedError):
            sign_in(store, "aide", "fout fout fout", sleep=slept.append)
    assert slept == [1.0, 2.0, 4.0]  # before the 6th, 7th and 8th check
    # Counted from the audit chain: a new process waits just the same.
    sign_in(store, "aide", aide_secret, sleep=slept.append)
    assert slept[-1] == 8.0
    assert _unlock_records(store, ctx.actor.id)[-1]["result"] == "ok"
    sign_in(store, "aide", aide_secret, sleep=slept.append)  # the count started again
    assert len(slept) == 4
    assert unlock_delay(4) == 0 and unlock_delay(40) == 60.0


def test_right_secret_opens_the_cards_key_a_viewer_has_none(store, ctx, crisis, as_role,
                                                            aide_secret):
    made = cards.add_card(ctx, crisis.id, "Jan de Vries", role_in_crisis="woordvoerder")
    again = sign_in(store, "aide", aide_secret).ctx
    assert again.cards_key == ctx.cards_key
    mayor = as_role("mayor")
    assert cards.show_card(mayor, made.id, "briefing").name == "Jan de Vries"
    viewer = as_role("viewer")
    assert viewer.cards_key is None
    add_profile(store, "lezer", "viewer", ctx.actor)  # a viewer may have no secret at all
    assert sign_in(store, "lezer", "wordt genegeerd").ctx.cards_key is None


def test_secret_rules_and_who_must_have_one(store, ctx):
    assert check_secret("123456") and check_secret("acht tek")
    for bad in ("", "12345", "kort", " " * 9):
        with pytest.raises(ValidationError):
            check_secret(bad)
    with pytest.raises(ValidationError, match="geheim"):
        add_profile(store, "burgemeester", "mayor", ctx.actor)
    with pytest.raises(ValidationError, match="pincode"):
        add_profile(store, "burgemeester", "mayor", ctx.actor, secret="123")
    assert [p.name for p in list_profiles(store)] == ["aide"]


def test_only_an_aide_adds_or_changes_profiles(store, ctx, as_role):
    mayor = as_role("mayor")
    for attempt in (lambda: add_profile(store, "x", "aide", mayor.actor, secret="123456"),
                    lambda: change_role(mayor, "aide", "viewer")):
        with pytest.raises(AccessDeniedError):
            attempt()
    refused = [r for r in audit.list_records(store) if r["result"] == "refused"]
    assert [r["action"] for r in refused] == ["profile.add", "profile.role"]
    assert all(r["actor"] == mayor.actor.id for r in refused)
    with pytest.raises(ValidationError, match="laatste aide"):
        change_role(ctx, "aide", "viewer")


def test_display_name_function_and_role_are_facts(store, ctx):
    add_profile(store, "anna", "viewer", ctx.actor, display_name="Anna de Vries",
                function="directe ondersteuner")
    anna = find_profile(store, "anna")
    assert anna.label == "Anna de Vries, directe ondersteuner" and not anna.has_secret
    with pytest.raises(ValidationError, match="geheim"):
        change_role(ctx, "anna", "mayor")  # a mayor must have a secret first
    reset_secret(ctx, "anna", "anna haar geheim")
    assert change_role(ctx, "anna", "mayor").profile.role == "mayor"
    signed = sign_in(store, "anna", "anna haar geheim")
    assert signed.ctx.cards_key == ctx.cards_key  # granted by the aide with the role change
    assert audit.verify(store).ok


def test_changing_the_own_secret_keeps_the_grants(store, ctx, crisis, as_role):
    made = cards.add_card(ctx, crisis.id, "Jan de Vries")
    as_role("mayor", "burgemeester")
    mayor = find_profile(store, "burgemeester")
    with pytest.raises(AccessDeniedError):
        set_own_secret(store, mayor, "fout geheim", "nieuw geheim 1")
    signed = set_own_secret(store, mayor, "geheim van burgemeester", "nieuw geheim 1")
    assert cards.show_card(signed.ctx, made.id, "briefing").name == "Jan de Vries"
    with pytest.raises(AccessDeniedError):
        sign_in(store, "burgemeester", "geheim van burgemeester")
    assert sign_in(store, "burgemeester", "nieuw geheim 1").ctx.cards_key is not None
    with pytest.raises(AccessDeniedError):
        grant(signed.ctx, "aide")  # granting is an aide's act


def test_unlock_with_the_real_parameters(store, ctx, monkeypatch):
    """The real key derivation (not the tests' fast one) unwraps the cards key; how long it
    takes is a benchmark's figure (`bench startup`), not a timed test."""
    monkeypatch.setattr(profile_crypto, "DEFAULT_KDF", "scrypt-v1")
    add_profile(store, "burgemeester", "mayor", ctx.actor, secret="echt geheim 42",
                cards_key=ctx.cards_key)
    signed = sign_in(store, "burgemeester", "echt geheim 42")
    assert signed.ctx.cards_key is not None
