"""Profile secrets at rest and at the door: writing the stored side of a secret, and checking
a given secret against it with an audited refusal and a growing delay after five wrong ones.

The consecutive wrong attempts are counted from the audit chain itself (``profile.unlock``
records of the profile, newest first), so restarting the program does not reset them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from crisisconsole.domain.profile_rules import consecutive_refusals, unlock_delay
from crisisconsole.errors import AccessDeniedError, NotWritableError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.store import tables
from crisisconsole.store.engine import Store, WriteTx
from crisisconsole.store.profile_crypto import (
    CryptoRefused,
    SecretKeys,
    SecretRecord,
    derive,
    matches,
    new_record,
    open_private,
    unb64,
)
from crisisconsole.store.tables.profiles import profile_secret

UNLOCK_ACTION = "profile.unlock"
_LOOK_BACK = 64  # audit records read to count wrong attempts in a row (the delay caps anyway)

Sleep = Callable[[float], None]


@dataclass(frozen=True)
class StoredSecret:
    id: str
    profile_id: str
    kind: str
    record: SecretRecord
    set_at: datetime


def current_secret(conn: Connection, profile_id: str) -> StoredSecret | None:
    row = conn.execute(
        select(profile_secret).where(profile_secret.c.profile_id == profile_id)
        .order_by(profile_secret.c.set_at.desc(), profile_secret.c.id.desc()).limit(1)
    ).first()
    if row is None:
        return None
    return StoredSecret(row.id, row.profile_id, row.kind,
                        SecretRecord(row.kdf, row.salt, row.verifier, row.public_key,
                                     row.sealed_private), row.set_at)


def profiles_with_secret(conn: Connection) -> set[str]:
    return set(conn.execute(select(profile_secret.c.profile_id).distinct()).scalars())


def write_secret(tx: WriteTx, profile_id: str, secret: str, kind: str,
                 private: bytes | None = None) -> tuple[StoredSecret, bytes]:
    """Store the verifier side of ``secret`` (a new key pair unless ``private`` is kept)."""
    record, raw = new_record(secret, profile_id, private)
    row_id = new_id()
    tx.insert(profile_secret, {
        "id": row_id, "profile_id": profile_id, "kind": kind, "kdf": record.kdf,
        "salt": record.salt, "verifier": record.verifier, "public_key": record.public_key,
        "sealed_private": record.sealed_private, "set_at": tx.now, "actor": tx.actor,
    }, f"profile.secret.{kind}")
    return StoredSecret(row_id, profile_id, kind, record, tx.now), raw


def refusals_in_a_row(conn: Connection, profile_id: str) -> int:
    audit = tables.audit
    results = conn.execute(
        select(audit.c.result).where(audit.c.object_type == "profile",
                                     audit.c.object_id == profile_id,
                                     audit.c.action == UNLOCK_ACTION)
        .order_by(audit.c.seq.desc()).limit(_LOOK_BACK)
    ).scalars()
    return consecutive_refusals(results)


def wrong_secret_message(name: str) -> str:
    return tr(f"verkeerd profielgeheim voor {name}", f"wrong profile secret for {name}")


def check_secret(store: Store, profile_id: str, name: str, secret: str, *,
                 sleep: Sleep = time.sleep) -> tuple[StoredSecret, SecretKeys]:
    """The profile's stored secret and the keys ``secret`` opens; a wrong secret is audited
    (result "refused") and refused with exit 3, nothing else changed."""
    with store.read() as conn:
        stored = current_secret(conn, profile_id)
        wrong_before = refusals_in_a_row(conn, profile_id)
    if stored is None:
        raise AccessDeniedError(tr(f"profiel {name} heeft geen geheim",
                                   f"profile {name} has no secret"))
    delay = unlock_delay(wrong_before)
    if delay:
        sleep(delay)
    try:
        keys = derive(secret, unb64(stored.record.salt), stored.record.kdf)
        right = matches(keys, stored.record.verifier)
    except CryptoRefused:
        right = False
    if not right:
        # A file opened read-only (verify, a read-only medium) cannot record the refusal; the
        # refusal stands all the same.
        with suppress(NotWritableError), store.write(profile_id) as tx:
            tx.audit(UNLOCK_ACTION, "profile", profile_id, result="refused")
        raise AccessDeniedError(wrong_secret_message(name))
    if wrong_before:
        # An accepted attempt after wrong ones is recorded, so the count starts again.
        with store.write(profile_id) as tx:
            tx.audit(UNLOCK_ACTION, "profile", profile_id)
    return stored, keys


def private_key(stored: StoredSecret, keys: SecretKeys) -> bytes:
    return open_private(keys, stored.record, stored.profile_id)
