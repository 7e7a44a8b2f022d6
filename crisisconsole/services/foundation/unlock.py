"""Unlocking: open or create a database and sign in as a profile. The UI's unlock dialog and
the CLI both come through here."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from crisisconsole.clock import Clock
from crisisconsole.services.foundation.profile_secrets import Sleep
from crisisconsole.services.foundation.profiles import Profile, add_profile, list_profiles
from crisisconsole.services.foundation.sign_in import SignedIn, sign_in
from crisisconsole.store.engine import Store
from crisisconsole.store.keys import DatabaseKey
from crisisconsole.store.opening import create_database, open_database
from crisisconsole.store.secrets import KeyringSecretStore, SecretStore


@dataclass
class Unlocked:
    """The database is open (its key was found); nobody has signed in yet."""

    store: Store
    profiles: list[Profile]

    def sign_in(self, profile_name: str | None, secret: str | None, *,
                sleep: Sleep = time.sleep) -> SignedIn:
        return sign_in(self.store, profile_name, secret, sleep=sleep)


@dataclass
class Created:
    unlocked: Unlocked
    signed: SignedIn  # the first aide, holding the new cards key

    @property
    def cards_recovery_code(self) -> str | None:
        return self.signed.cards_recovery_code


def unlock(path: Path, *, passphrase: str | None = None, key_file: Path | None = None,
           key: DatabaseKey | None = None, secret_store: SecretStore | None = None,
           clock: Clock | None = None) -> Unlocked:
    store = open_database(path, secret_store or KeyringSecretStore(), key_file=key_file,
                          passphrase=passphrase, clock=clock, key=key)
    return Unlocked(store, list_profiles(store))


def create(path: Path, profile_name: str, secret: str, *, passphrase: str | None = None,
           secret_store: SecretStore | None = None, clock: Clock | None = None,
           display_name: str | None = None, function: str | None = None,
           purpose: str | None = None) -> Created:
    """A new database with its first aide (who must have a secret) and its cards key."""
    from crisisconsole.domain.profile_rules import check_secret

    check_secret(secret)  # before anything is created
    store = create_database(path, secret_store or KeyringSecretStore(), passphrase=passphrase,
                            clock=clock, purpose=purpose)
    try:
        add_profile(store, profile_name or "aide", "aide", None, secret=secret,
                    display_name=display_name, function=function)
        signed = sign_in(store, profile_name or "aide", secret)
    except BaseException:
        store.close()  # a refused first profile leaves no database behind
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return Created(Unlocked(store, list_profiles(store)), signed)


def keyring_usable() -> bool:
    return KeyringSecretStore().usable()
