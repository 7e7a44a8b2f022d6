"""Changing secrets and handing out the cards key: a profile's own new secret, the first secret
of a profile from an older database, an aide's reset of another profile's lost secret, an
explicit grant, and recovery with the cards recovery code. Every act is audited.
"""

from __future__ import annotations

import time

from crisisconsole.domain.card_access import may_see_cards
from crisisconsole.domain.profile_rules import check_secret
from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation import cards_key as cards_keys
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profile_secrets import (
    Sleep,
    current_secret,
    private_key,
    write_secret,
)
from crisisconsole.services.foundation.profile_secrets import check_secret as check_given
from crisisconsole.services.foundation.profiles import Profile, find_profile
from crisisconsole.services.foundation.sign_in import SignedIn, sign_in
from crisisconsole.store.engine import Store


@one_act
def set_own_secret(store: Store, profile: Profile, old_secret: str | None, new_secret: str, *,
                   sleep: Sleep = time.sleep) -> SignedIn:
    """A profile's new secret. With a secret already set, the old one must be right (same key
    pair, so grants stay valid); a profile without one (an older database) sets its first
    once. Returns the sign-in with the new secret (which may make the cards key)."""
    check_secret(new_secret)
    with store.read() as conn:
        stored = current_secret(conn, profile.id)
    if stored is None:
        with store.write(profile.id) as tx:
            if current_secret(tx.conn, profile.id) is not None:
                raise ValidationError(tr("dit profiel heeft al een geheim",
                                         "this profile already has a secret"))
            write_secret(tx, profile.id, new_secret, "first")
    else:
        if not old_secret:
            raise AccessDeniedError(tr(f"geef het huidige geheim van profiel {profile.name}",
                                       f"give the current secret of profile {profile.name}"))
        stored, keys = check_given(store, profile.id, profile.name, old_secret, sleep=sleep)
        private = private_key(stored, keys)
        with store.write(profile.id) as tx:
            write_secret(tx, profile.id, new_secret, "change", private)
    return sign_in(store, None, new_secret, profile=find_profile(store, profile.name))


def reset_secret(ctx: ServiceContext, name: str, new_secret: str) -> Profile:
    """An aide gives another profile a new secret (the old one was lost): a new key pair, and
    the cards key granted again from the aide's session when the role may hold it."""
    require_aide(ctx, "profile.secret.reset", "profile")
    target = find_profile(ctx.store, name)
    if target.id == ctx.actor.id:
        raise ValidationError(tr("uw eigen geheim wijzigt u met 'profile secret'",
                                 "change your own secret with 'profile secret'"))
    check_secret(new_secret)
    with ctx.store.write(ctx.actor.id) as tx:
        stored, _ = write_secret(tx, target.id, new_secret, "reset")
        if ctx.cards_key is not None and may_see_cards(target.role):
            cards_keys.insert_sealed(tx, ctx.cards_key, target.id, stored.record.public_key,
                                     "cards_key.grant")
    return find_profile(ctx.store, target.name)


def grant(ctx: ServiceContext, name: str) -> Profile:
    """Seal the cards key to an aide or mayor profile (for example one whose first secret was
    set in an older database): a grant by this aide."""
    require_aide(ctx, "cards_key.grant", "profile")
    key = cards_keys.require_key(ctx.cards_key)
    target = find_profile(ctx.store, name)
    if not may_see_cards(target.role):
        raise ValidationError(tr(f"de rol {target.role} krijgt geen kaartsleutel",
                                 f"the role {target.role} gets no cards key"))
    with ctx.store.read() as conn:
        stored = current_secret(conn, target.id)
    if stored is None:
        raise ValidationError(tr(f"profiel {target.name} heeft nog geen geheim",
                                 f"profile {target.name} has no secret yet"))
    with ctx.store.write(ctx.actor.id) as tx:
        cards_keys.insert_sealed(tx, key, target.id, stored.record.public_key, "cards_key.grant")
    return target


@one_act
def recover(store: Store, profile: Profile, recovery_code: str, new_secret: str) -> SignedIn:
    """An aide whose secret was lost: the cards recovery code opens the cards key, the aide
    gets a new secret and key pair, and the key is sealed to it. A wrong code is an audited
    refusal (exit 3)."""
    ctx = ServiceContext(store, profile.as_actor())
    require_aide(ctx, "cards_key.recover", "profile", profile.id)
    check_secret(new_secret)
    try:
        with store.read() as conn:
            key = cards_keys.open_with_recovery_code(conn, recovery_code)
    except AccessDeniedError:
        with store.write(profile.id) as tx:
            tx.audit("cards_key.recover", "profile", profile.id, result="refused")
        raise
    with store.write(profile.id) as tx:
        stored, _ = write_secret(tx, profile.id, new_secret, "recovery")
        cards_keys.insert_sealed(tx, key, profile.id, stored.record.public_key,
                                 "cards_key.recover")
    return sign_in(store, None, new_secret, profile=find_profile(store, profile.name))
