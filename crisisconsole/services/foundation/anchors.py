"""Making and checking audit anchors (store.anchor): of the open database, of a backup just
made (the anchor goes beside it, ``<backup>.anchor.json``), and against a database at verify.

Making an anchor only reads: it writes no audit record (that would move the head it names) and
works on a read-only medium too. The anchor file is written through crisisconsole.safe_files and
never replaces an existing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.errors import AnchorError, NotFoundError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store import anchor as anchors
from crisisconsole.store.anchor_keys import (
    AnchorKeys,
    KeyringFirst,
    SecretStoreAnchorKeys,
    keyring_needed,
    signing_pair,
)
from crisisconsole.store.anchor_keys_wrapped import CardsKeyAnchorKeys
from crisisconsole.store.audit_chain import head_of
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.connection import connect_read_only
from crisisconsole.store.engine import Store
from crisisconsole.store.keys import DatabaseKey
from crisisconsole.store.secrets import KeyringSecretStore

SUFFIX = ".anchor.json"


def default_keys() -> AnchorKeys:
    """The OS keyring alone (no profile signed in)."""
    return SecretStoreAnchorKeys(KeyringSecretStore())


def keys_for(store: Store, cards_key: CardsKey | None, actor: str | None,
             keyring: AnchorKeys | None = None) -> AnchorKeys:
    """The keyring first; where the signed-in profile holds the cards key (an aide or mayor),
    the pair sealed with it in the database beside it (store.anchor_keys_wrapped)."""
    fallback = (CardsKeyAnchorKeys(store, cards_key, actor)
                if cards_key is not None and actor is not None else None)
    return KeyringFirst(keyring or default_keys(), fallback)


def keys_for_context(ctx: ServiceContext, keyring: AnchorKeys | None = None) -> AnchorKeys:
    return keys_for(ctx.store, ctx.cards_key, ctx.actor.id, keyring)


def beside(path: Path) -> Path:
    return Path(str(path) + SUFFIX)


def _sign(db_id: str, head: tuple[int, str, str | None], at: datetime,
          keys: AnchorKeys) -> anchors.Anchor:
    return anchors.sign(db_id, head[:2], head[2], at, signing_pair(keys, db_id))


def make_anchor(store: Store, keys: AnchorKeys) -> anchors.Anchor:
    with store.read() as conn:
        head = head_of(conn.connection.dbapi_connection)
    return _sign(store.key.db_id, head, store.clock.now(), keys)


def write_anchor(store: Store, out: Path, keys: AnchorKeys) -> anchors.Anchor:
    anchor = make_anchor(store, keys)
    safe_files.write_text(Path(out).expanduser(), anchor.to_json(), overwrite=False)
    return anchor


def anchor_file_copy(path: Path, key: DatabaseKey, at: datetime,
                     keys: AnchorKeys) -> tuple[Path, anchors.Anchor]:
    """Anchor a database file as it lies (a backup just made): its own head, read without
    writing, written to ``<path>.anchor.json``."""
    raw = connect_read_only(path, key)
    try:
        head = head_of(raw)
    finally:
        raw.close()
    anchor = _sign(key.db_id, head, at, keys)
    out = beside(path)
    safe_files.write_text(out, anchor.to_json(), overwrite=False)
    return out, anchor


@dataclass(frozen=True)
class AnchorCheck:
    file: str
    anchor: anchors.Anchor
    problem: str | None  # None: the database holds the anchored record unchanged

    @property
    def ok(self) -> bool:
        return self.problem is None

    def line(self) -> str:
        head = f"{self.anchor.label()} ({self.file})"
        return tr(f"anker {head}: ", f"anchor {head}: ") + (self.problem or "ok")

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "file": self.file, "seq": self.anchor.seq,
                "hash": self.anchor.hash, "db_id": self.anchor.db_id,
                "at": self.anchor.signed_fields()["at"], "problem": self.problem,
                "line": self.line()}


def load_anchor(path: Path, db_id: str, keys: AnchorKeys) -> tuple[anchors.Anchor, str | None]:
    """The anchor in ``path`` and, when its signature is not this database's, why not. A file
    that is no anchor, or one of another database, is refused (exit 2)."""
    path = Path(path).expanduser()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(tr(f"ankerbestand niet gevonden: {path}",
                               f"anchor file not found: {path}")) from None
    except OSError as error:
        raise AnchorError(tr(f"ankerbestand onleesbaar: {path} ({error.strerror})",
                             f"anchor file unreadable: {path} ({error.strerror})")) from None
    anchor = anchors.parse(data)
    if anchor.db_id != db_id:
        raise AnchorError(tr(f"het anker hoort bij een andere database ({anchor.db_id})",
                             f"the anchor belongs to another database ({anchor.db_id})"))
    if not keys.usable():
        raise AnchorError(keyring_needed())
    trusted = keys.get(db_id)
    if trusted is None:
        raise AnchorError(tr(
            "noch de sleutelbos noch de database (met de kaartsleutel) heeft een ankersleutel "
            "voor deze database: dit anker is hier niet te controleren", "neither the keyring "
            "nor the database (with the cards key) holds an anchor key for this database: this "
            "anchor cannot be checked here"))
    return anchor, anchors.signature_problem(anchor, trusted)


def check_loaded(raw: Any, path: Path, anchor: anchors.Anchor,
                 signature_problem: str | None) -> AnchorCheck:
    """Inside verify's read transaction: is the anchored record still there, unchanged?"""
    if signature_problem:
        return AnchorCheck(str(path), anchor, signature_problem)
    row = raw.execute("SELECT hash FROM audit WHERE seq = ?", (anchor.seq,)).fetchone()
    return AnchorCheck(str(path), anchor, anchors.chain_problem(row[0] if row else None, anchor))
