"""A database from the version before profile secrets (schema r0008, cards in plaintext): it
upgrades, its aide and mayor are refused until they set a first secret, and the aide's first
sign-in with a secret encrypts every card in place, in one transaction, with the audit chain
still verifying."""

from __future__ import annotations

from datetime import timedelta

import pytest
from old_database import database_at, old_profile

from crisisconsole.errors import AccessDeniedError
from crisisconsole.ids import new_id
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.foundation import audit, crises
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profile_admin import grant, set_own_secret
from crisisconsole.services.foundation.profiles import find_profile
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.store import schema
from crisisconsole.store.opening import open_database
from crisisconsole.store.tables.cards import card, card_change, card_fact

NAME, STATEMENT, NOTE = "Hendrika Oudewater", "Organiseert de blokkade bij de brug", "Alleen GBT"


def _old_cards(store, aide, crisis_id, clock) -> str:
    """Cards as r0008's card service stored them: plaintext, audited rows."""
    card_id, fact_id = new_id(), new_id()
    with store.write(aide.id) as tx:
        tx.insert(card, {"id": card_id, "crisis_id": crisis_id, "kind": "person", "name": NAME,
                         "aliases": "Riek", "year_of_birth": 1970, "organisation": None,
                         "role_in_crisis": "organisator blokkade", "created_at": tx.now,
                         "actor": aide.id}, "card.add")
        tx.insert(card_fact, {
            "id": fact_id, "card_id": card_id, "statement": STATEMENT, "question": "who",
            "source_org": "Politie", "source_officer": "agent Jansen", "channel": "wpg16",
            "legal_basis": "Wpg 16", "purpose": "openbare orde", "reliability": "hearsay",
            "grade": None, "received_at": tx.now, "no_onward_sharing": False,
            "corrects_id": None, "reason": None, "recorded_at": tx.now, "actor": aide.id,
        }, "card.fact.add")
        tx.insert(card_change, {"id": new_id(), "card_id": card_id, "kind": "note",
                                "review_date": None, "deletion_date": None, "note": NOTE,
                                "entry_id": None, "recorded_at": tx.now, "actor": aide.id},
                  "card.note")
    clock.advance(timedelta(minutes=1))
    return card_id


def _dump(store) -> str:
    raw = store.raw_connection()
    try:
        return repr([raw.execute(f"SELECT * FROM {t}").fetchall()
                     for t in ("card", "card_fact", "card_change", "card_label")])
    finally:
        raw.close()


def test_old_plaintext_cards_are_encrypted_at_the_first_aide_sign_in(tmp_path, secret_store,
                                                                     clock):
    old = database_at(tmp_path / "old.db", secret_store, clock, "r0008")
    aide = old_profile(old, "aide", "aide")
    old_profile(old, "burgemeester", "mayor", aide.id)
    crisis = crises.open_crisis(ServiceContext(old, aide), "Brug", "Waalbergen")
    card_id = _old_cards(old, aide, crisis.id, clock)
    old.close()

    store = open_database(tmp_path / "old.db", secret_store, clock=clock)
    try:
        with store.read() as conn:
            assert schema.current_revision(conn) == schema.HEAD
        assert audit.verify(store).ok and NAME in _dump(store)
        for name in ("aide", "burgemeester"):
            with pytest.raises(AccessDeniedError, match="profile secret"):
                sign_in(store, name, "wat dan ook")
        signed = set_own_secret(store, find_profile(store, "aide"), None, "eerste geheim")
        assert signed.cards_recovery_code and signed.ctx.cards_key is not None
        dump = _dump(store)
        for plain in (NAME, "Riek", STATEMENT, "agent Jansen", NOTE):  # the label stays
            assert plain not in dump
        assert audit.verify(store).ok
        encrypted = [r for r in audit.list_records(store) if r["action"] == "card.encrypt"]
        assert len(encrypted) == 3 and len({r["seq"] for r in encrypted}) == 3
        view = cards.show_card(signed.ctx, card_id, "controle na upgrade")
        assert (view.name, view.aliases, view.year_of_birth) == (NAME, ("Riek",), 1970)
        assert view.facts[0].statement == STATEMENT and view.notes[0].note == NOTE
        assert cards.list_cards(signed.ctx, crisis.id)[0].masked == "H.O. (organisator blokkade)"
        # A second sign-in finds the key and changes nothing.
        before = audit.last_seq(store)
        assert sign_in(store, "aide", "eerste geheim").cards_recovery_code is None
        assert audit.last_seq(store) == before
        # The mayor sets a first secret, holds no key until the aide grants it.
        mayor = set_own_secret(store, find_profile(store, "burgemeester"), None, "654321")
        with pytest.raises(AccessDeniedError, match="profile grant"):
            cards.show_card(mayor.ctx, card_id, "briefing")
        grant(signed.ctx, "burgemeester")
        mayor = sign_in(store, "burgemeester", "654321")
        assert cards.show_card(mayor.ctx, card_id, "briefing").name == NAME
        assert audit.verify(store).ok
    finally:
        store.close()
