"""Unlocking: open or create a database and choose a profile. The UI's unlock dialog and the
CLI both come through here."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from crisisconsole.clock import Clock
from crisisconsole.errors import StoreError
from crisisconsole.services.context import ServiceContext
from crisisconsole.services.profiles import Profile, add_profile, find_profile, list_profiles
from crisisconsole.store.engine import Store
from crisisconsole.store.keys import DatabaseKey
from crisisconsole.store.opening import create_database, open_database
from crisisconsole.store.secrets import KeyringSecretStore, SecretStore


@dataclass
class Unlocked:
    store: Store
    profiles: list[Profile]

    def context(self, profile_name: str | None) -> ServiceContext:
        return with_old_settings_taken_over(
            ServiceContext(self.store, find_profile(self.store, profile_name).as_actor()))


def with_old_settings_taken_over(ctx: ServiceContext) -> ServiceContext:
    """An aide's first opening takes over settings kept the old way as audited facts
    (services.settings_facts); if that cannot be written now, they are read as they are."""
    from crisisconsole.services.settings_facts import take_over_old_values

    with suppress(StoreError):
        take_over_old_values(ctx)
    return ctx


def unlock(path: Path, *, passphrase: str | None = None, key_file: Path | None = None,
           key: DatabaseKey | None = None, secret_store: SecretStore | None = None,
           clock: Clock | None = None) -> Unlocked:
    store = open_database(path, secret_store or KeyringSecretStore(), key_file=key_file,
                          passphrase=passphrase, clock=clock, key=key)
    return Unlocked(store, list_profiles(store))


def create(path: Path, profile_name: str, *, passphrase: str | None = None,
           secret_store: SecretStore | None = None, clock: Clock | None = None) -> Unlocked:
    store = create_database(path, secret_store or KeyringSecretStore(), passphrase=passphrase,
                            clock=clock)
    add_profile(store, profile_name or "aide", "aide", None)
    return Unlocked(store, list_profiles(store))


def keyring_usable() -> bool:
    return KeyringSecretStore().usable()
