"""Signing in as a profile: the one door the CLI and the app both use.

An aide or mayor gives their secret; a right one opens their private key and with it the
cards key, which the returned context holds in memory. A team or viewer profile without a
secret needs none (and ignores one given). The first sign-in of an aide with a secret in a
database without a cards key makes one, shows its recovery code once, and encrypts card content
an older version left in plaintext. An aide's sign-in also takes over, once, settings an older
version kept outside the audit chain (services.settings_facts).
"""

from __future__ import annotations

import time
from contextlib import suppress
from dataclasses import dataclass

from crisisconsole.domain.card_access import may_see_cards
from crisisconsole.domain.profile_rules import needs_secret
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import AccessDeniedError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation import cards_key as cards_keys
from crisisconsole.services.foundation import plaintext_cards as card_legacy
from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profile_secrets import (
    Sleep,
    StoredSecret,
    check_secret,
    current_secret,
    private_key,
)
from crisisconsole.services.foundation.profiles import Profile, find_profile
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.engine import Store

SECRET_ENV = "CRISISCONSOLE_PROFILE_SECRET"


@dataclass
class SignedIn:
    ctx: ServiceContext
    profile: Profile
    cards_recovery_code: str | None = None  # only when this sign-in made the cards key


def no_secret_yet_message(profile: Profile) -> str:
    return tr(
        f"profiel {profile.name} heeft nog geen geheim; stel het eerst in: crisisconsole "
        f"--profile {profile.name} profile secret (nieuw geheim in "
        "CRISISCONSOLE_NEW_PROFILE_SECRET of op de terminal)",
        f"profile {profile.name} has no secret yet; set one first: crisisconsole --profile "
        f"{profile.name} profile secret (new secret in CRISISCONSOLE_NEW_PROFILE_SECRET or on "
        "the terminal)")


def secret_missing_message(profile: Profile) -> str:
    return tr(f"geef het geheim van profiel {profile.name} ({SECRET_ENV} of op de terminal)",
              f"give the secret of profile {profile.name} ({SECRET_ENV} or on the terminal)")


@one_act
def sign_in(store: Store, profile_name: str | None, secret: str | None, *,
            sleep: Sleep = time.sleep, profile: Profile | None = None) -> SignedIn:
    profile = profile or find_profile(store, profile_name)
    with store.read() as conn:
        stored = current_secret(conn, profile.id)
    if stored is None:
        if needs_secret(profile.role):
            raise AccessDeniedError(no_secret_yet_message(profile))
        return SignedIn(with_old_settings_taken_over(ServiceContext(store, profile.as_actor())),
                        profile)
    if not secret:
        raise AccessDeniedError(secret_missing_message(profile))
    stored, keys = check_secret(store, profile.id, profile.name, secret, sleep=sleep)
    key, code = _cards_key(store, profile, stored, private_key(stored, keys))
    ctx = ServiceContext(store, profile.as_actor(), cards_key=key)
    return SignedIn(with_old_settings_taken_over(ctx), profile, code)


def with_old_settings_taken_over(ctx: ServiceContext) -> ServiceContext:
    """An aide's first sign-in takes over settings kept the old way as audited facts
    (services.settings_facts); if that cannot be written now, they are read as they are."""
    from crisisconsole.services.foundation.settings_facts import take_over_old_values

    with suppress(StoreError):
        take_over_old_values(ctx)
    return ctx


def _cards_key(store: Store, profile: Profile, stored: StoredSecret,
               private: bytes) -> tuple[CardsKey | None, str | None]:
    if not may_see_cards(profile.role):
        return None, None
    with store.read() as conn:
        key = cards_keys.open_for(conn, stored, private)
        exists = cards_keys.current_key_id(conn) is not None
    if key is not None or exists or profile.role != ProfileRole.AIDE:
        return key, None
    with store.write(profile.id) as tx:
        made = cards_keys.create(tx, profile.id, stored.record.public_key)
        if made is not None:
            card_legacy.encrypt_plaintext(tx, made.key)
    if made is None:  # another aide made it meanwhile
        with store.read() as conn:
            return cards_keys.open_for(conn, stored, private), None
    card_legacy.after_encryption(store)
    return made.key, made.recovery_code
