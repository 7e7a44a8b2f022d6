"""Taking the right to see cards away takes the key away too: the cards key is rotated, so the
old wrap the demoted profile still has opens a key that no longer opens any card."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from crisisconsole.errors import AccessDeniedError
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.cards.reading import opened
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.cards_key import open_with_recovery_code
from crisisconsole.services.foundation.profile_secrets import (
    check_secret,
    current_secret,
    private_key,
)
from crisisconsole.services.foundation.profiles import change_role
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.store.card_cipher import CardsKey, wrap_ad
from crisisconsole.store.profile_crypto import CryptoRefused, unseal
from crisisconsole.store.tables.cards import card
from crisisconsole.store.tables.profiles import cards_key_wrap

NAME = "Wilhelmina Drost"


def test_demoting_a_mayor_rotates_the_cards_key(store, ctx, crisis, as_role):
    made = cards.add_card(ctx, crisis.id, NAME, role_in_crisis="woordvoerder")
    cards.add_note(ctx, made.id, "alleen driehoek")
    mayor = as_role("mayor", "burgemeester")
    other = as_role("mayor", "loco")
    old_key = ctx.cards_key
    assert mayor.cards_key == old_key
    changed = change_role(ctx, "burgemeester", "viewer")
    assert changed.profile.role == "viewer" and changed.cards_recovery_code
    assert ctx.cards_key != old_key  # the acting aide goes on with the new key
    assert audit.verify(store).ok
    # The demoted profile signs in as a viewer: no key, and the card services refuse.
    demoted = sign_in(store, "burgemeester", "geheim van burgemeester").ctx
    assert demoted.cards_key is None
    with pytest.raises(AccessDeniedError):
        cards.show_card(demoted, made.id, "nieuwsgierig")
    # Even by hand: its old wrap still opens, but only the old key, which opens no card now.
    stored, keys = check_secret(store, mayor.actor.id, "burgemeester", "geheim van burgemeester")
    with store.read() as conn:
        wrap = conn.execute(select(cards_key_wrap).where(
            cards_key_wrap.c.profile_id == mayor.actor.id)).first()
        row = conn.execute(select(card).where(card.c.id == made.id)).first()
    stolen = CardsKey(unseal(wrap.wrapped, private_key(stored, keys),
                             wrap_ad(wrap.key_id, wrap.profile_id)))
    assert stolen == old_key
    with pytest.raises(CryptoRefused):
        old_key.decrypt("card", "name", made.id, row.name)
    assert opened(ctx.cards_key, card, row).name == NAME
    # Those who still may see cards have the new key; so does the new recovery code.
    assert sign_in(store, "loco", "geheim van loco").ctx.cards_key == ctx.cards_key
    with pytest.raises(AccessDeniedError, match="opnieuw aan"):
        cards.show_card(other, made.id, "briefing")  # a session from before the rotation
    with store.read() as conn:
        assert open_with_recovery_code(conn, changed.cards_recovery_code) == ctx.cards_key
    view = cards.show_card(sign_in(store, "aide", "geheim van de aide").ctx, made.id, "controle")
    assert view.name == NAME and view.notes[0].note == "alleen driehoek"
    with store.read() as conn:
        assert current_secret(conn, mayor.actor.id) is not None


def test_an_aide_without_the_key_cannot_demote_a_holder(store, ctx, as_role):
    from crisisconsole.services.foundation.context import ServiceContext

    as_role("mayor", "burgemeester")
    keyless = ServiceContext(store, ctx.actor)
    with pytest.raises(AccessDeniedError):
        change_role(keyless, "burgemeester", "team")
    assert sign_in(store, "burgemeester", "geheim van burgemeester").ctx.cards_key is not None


def test_the_automatic_purge_is_the_apps_act_for_any_role(store, ctx, crisis, as_role, clock):
    from crisisconsole.services.cards import purge as card_purge
    from crisisconsole.services.foundation.crises import close_crisis

    made = cards.add_card(ctx, crisis.id, NAME)
    viewer = as_role("viewer")
    mayor = as_role("mayor")
    close_crisis(ctx, crisis.id)
    clock.advance(days=29)
    for who in (viewer, mayor):
        with pytest.raises(AccessDeniedError):
            card_purge.purge_due(who)  # by hand: an aide's act
        with pytest.raises(AccessDeniedError):
            card_purge.set_retention_days(who, 0)
    result = card_purge.purge_due_automatic(store, viewer)
    assert [p["card_id"] for p in result.purged] == [made.id]
    stone = cards.show_card(ctx, made.id, "controle").tombstone
    assert stone.actor == card_purge.APP_ACTOR
    refused = [r["action"] for r in audit.list_records(store) if r["result"] == "refused"]
    assert refused.count("card.purge") == 2 and refused.count("card.retention") == 2
    assert audit.verify(store).ok
