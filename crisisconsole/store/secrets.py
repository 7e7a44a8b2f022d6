"""Where raw database keys are kept between runs: the OS keyring, behind a small protocol so
tests use an in-memory store and never touch the machine's keyring."""

from __future__ import annotations

from typing import Protocol

SERVICE = "crisisconsole"


class SecretStore(Protocol):
    def get(self, db_id: str) -> bytes | None: ...

    def set(self, db_id: str, key: bytes) -> None: ...

    def usable(self) -> bool: ...


class MemorySecretStore:
    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}

    def get(self, db_id: str) -> bytes | None:
        return self._keys.get(db_id)

    def set(self, db_id: str, key: bytes) -> None:
        self._keys[db_id] = key

    def usable(self) -> bool:
        return True


class KeyringSecretStore:
    """The OS keyring (Secret Service, Windows Credential Locker, macOS Keychain)."""

    def usable(self) -> bool:
        try:
            import keyring
            from keyring.backends import fail, null

            backend = keyring.get_keyring()
        except Exception:  # noqa: BLE001 - any broken backend means: not usable, use a passphrase
            return False
        return not isinstance(backend, (fail.Keyring, null.Keyring))

    def get(self, db_id: str) -> bytes | None:
        if not self.usable():
            return None
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(SERVICE, db_id)
        except KeyringError:
            return None
        return bytes.fromhex(value) if value else None

    def set(self, db_id: str, key: bytes) -> None:
        import keyring

        keyring.set_password(SERVICE, db_id, key.hex())
