"""Audit anchors: the chain's head (seq, hash, its time, the database id) in a small signed JSON
file kept outside the database (beside a backup, on paper, with the council clerk).

The chain alone proves that records fit together, not that none are gone: whoever has the key
can cut the tail and mend sqlite_sequence, restore an older copy, or recompute every hash, and a
lost -wal after a crash silently takes acknowledged writes with it. An anchor made earlier names
a record that must still be there with the same hash; `audit verify --anchor` says when it is
not. The signature (Ed25519, the key in the keyring: store.anchor_keys) means an anchor cannot be
made from the database file alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature

from crisisconsole.clock import format_utc, parse_iso
from crisisconsole.domain.chain_head import chain_label
from crisisconsole.errors import AnchorError
from crisisconsole.i18n import tr
from crisisconsole.store.anchor_keys import AnchorKeyPair

FORMAT = "crisisconsole-audit-anchor"
VERSION = 1
MAX_BYTES = 16 * 1024  # an anchor is a few hundred bytes; anything bigger is not one
_HEX = {"hash": 64, "db_id": 32, "public_key": 64, "signature": 128}


@dataclass(frozen=True)
class Anchor:
    db_id: str
    seq: int
    hash: str
    record_at: str | None  # the head record's time (None for an empty chain)
    at: datetime  # when the anchor was made
    public_key: str
    signature: str = ""

    def signed_fields(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "db_id": self.db_id, "seq": self.seq,
                "hash": self.hash, "record_at": self.record_at, "at": format_utc(self.at),
                "public_key": self.public_key}

    def payload(self) -> bytes:
        """The bytes the signature covers: every field but the signature, canonical JSON."""
        return json.dumps(self.signed_fields(), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=True).encode("ascii")

    def to_json(self) -> str:
        return json.dumps({**self.signed_fields(), "signature": self.signature}, indent=2,
                          ensure_ascii=True) + "\n"

    def label(self) -> str:
        return chain_label(self.seq, self.hash)


def sign(db_id: str, head: tuple[int, str], record_at: str | None, at: datetime,
         pair: AnchorKeyPair) -> Anchor:
    unsigned = Anchor(db_id, head[0], head[1], record_at, at, pair.public_hex)
    return Anchor(db_id, head[0], head[1], record_at, at, pair.public_hex,
                  pair.sign(unsigned.payload()).hex())


def parse(data: bytes) -> Anchor:
    """An anchor from a file's bytes (untrusted input: every field is checked)."""
    if len(data) > MAX_BYTES:
        raise AnchorError(_not_an_anchor())
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise AnchorError(_not_an_anchor()) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AnchorError(_not_an_anchor())
    if doc.get("version") != VERSION:
        raise AnchorError(tr(f"ankerversie {doc.get('version')!r} is onbekend",
                             f"anchor version {doc.get('version')!r} is unknown"))
    for name, length in _HEX.items():
        value = doc.get(name)
        if not isinstance(value, str) or not re.fullmatch(f"[0-9a-f]{{{length}}}", value):
            raise AnchorError(_not_an_anchor(name))
    seq = doc.get("seq")
    if type(seq) is not int or seq < 0:
        raise AnchorError(_not_an_anchor("seq"))
    record_at = doc.get("record_at")
    try:
        at = parse_iso(doc.get("at") if isinstance(doc.get("at"), str) else "")
        if record_at is not None:
            parse_iso(record_at if isinstance(record_at, str) else "")
    except ValueError:
        raise AnchorError(_not_an_anchor("at")) from None
    return Anchor(doc["db_id"], seq, doc["hash"], record_at, at, doc["public_key"],
                  doc["signature"])


def _not_an_anchor(field: str | None = None) -> str:
    extra = f" ({field})" if field else ""
    return tr(f"geen geldig ankerbestand{extra}", f"not a valid anchor file{extra}")


def signature_problem(anchor: Anchor, trusted: AnchorKeyPair) -> str | None:
    """None when the anchor is signed by the database's own key, else why not."""
    if anchor.public_key != trusted.public_hex:
        return tr("het anker is niet ondertekend met de ankersleutel van deze database "
                  "(een andere sleutel): het anker is niet te vertrouwen",
                  "the anchor is not signed with this database's anchor key (another key): "
                  "it cannot be trusted")
    try:
        trusted.verifier().verify(bytes.fromhex(anchor.signature), anchor.payload())
    except InvalidSignature:
        return tr("de handtekening van het anker klopt niet: het anker is gewijzigd",
                  "the anchor's signature does not match: the anchor was altered")
    return None


def chain_problem(stored_hash: str | None, anchor: Anchor) -> str | None:
    """None when the database still holds the anchored record unchanged."""
    if anchor.seq == 0:
        return None
    if stored_hash is None:
        return tr(f"record #{anchor.seq} uit het anker ontbreekt: de keten is ingekort of "
                  "teruggezet (of een -wal ging verloren)",
                  f"record #{anchor.seq} from the anchor is missing: the chain was cut / rolled "
                  "back (or a -wal was lost)")
    if stored_hash != anchor.hash:
        return tr(f"record #{anchor.seq} wijkt af van het anker: de keten is herschreven",
                  f"record #{anchor.seq} differs from the anchor: the chain was rewritten")
    return None
