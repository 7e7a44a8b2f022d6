"""Done when: a database that went through adding, correcting and purging cards, opened with
the database key alone (raw SQLCipher), holds no card name or statement in any table, in any
page (free pages included) or in the WAL.

This SQLCipher build has no ``sqlite_dbpage``, so the test decrypts the SQLCipher 4 pages
itself: AES-256-CBC per page, page size 4096, 80 reserved bytes at the end of each page (IV,
then HMAC), the raw key used as the page key (no KDF); page 1 keeps the 16-byte salt in clear.
"""

from __future__ import annotations

import struct
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.cards import purge as card_purge
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import close_crisis, open_crisis

PAGE = 4096
RESERVE = 80
WAL_HEADER, FRAME_HEADER = 32, 24
SECRETS = ("Geertruida Zonnebloem", "Trudie", "Bartholomeus Kwakernaak", "Appelboom-Verhoeven",
           "Dreigt de kermis te blokkeren", "Woont boven de bakkerij",
           "Correctie: woont boven de slagerij", "wachtmeester Brouwer",
           "Niet delen zonder OvJ-Kwakernaak")


def _decrypt_page(key: bytes, page: bytes, number: int) -> bytes:
    offset = 16 if number == 1 else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[offset:PAGE - RESERVE]) + decryptor.finalize()


def _file_pages(key: bytes, path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [_decrypt_page(key, data[i:i + PAGE], i // PAGE + 1)
            for i in range(0, len(data) - PAGE + 1, PAGE)]


def _wal_pages(key: bytes, path: Path) -> list[bytes]:
    data = path.read_bytes() if path.exists() else b""
    pages = []
    for start in range(WAL_HEADER, len(data) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        number = struct.unpack(">I", data[start:start + 4])[0]
        pages.append(_decrypt_page(key, data[start + FRAME_HEADER:start + FRAME_HEADER + PAGE],
                                   number))
    return pages


def _fact(ctx, card_id, statement, **extra):
    return cards.add_fact(ctx, card_id, statement, source_org="Politie", channel="wpg16",
                          legal_basis="Wpg art. 16", purpose="openbare orde", **extra)


def _history(ctx, crisis_id):
    """Add, correct, note, purge by hand and by retention; leave one card live, and write
    after the purges' checkpoint so the WAL holds frames."""
    first = cards.add_card(ctx, crisis_id, SECRETS[0], aliases=[SECRETS[1]], year_of_birth=1961,
                           role_in_crisis="buurtbewoner")
    fact = _fact(ctx, first.id, SECRETS[5], source_officer=SECRETS[7])
    cards.correct_fact(ctx, fact["id"], "adres verkeerd", statement=SECRETS[6])
    cards.add_note(ctx, first.id, SECRETS[8])
    second = cards.add_card(ctx, crisis_id, SECRETS[2], organisation=SECRETS[3])
    _fact(ctx, second.id, SECRETS[4])
    card_purge.purge_card(ctx, second.id, "doel vervallen")
    other = open_crisis(ctx, "Kermis", "Waalbergen")
    gone = cards.add_card(ctx, other.id, SECRETS[0] + " junior")
    _fact(ctx, gone.id, SECRETS[4] + " opnieuw")
    card_purge.set_retention_days(ctx, 0)
    close_crisis(ctx, other.id)
    assert [p["card_id"] for p in card_purge.purge_due(ctx).purged] == [gone.id]
    live = cards.add_card(ctx, crisis_id, SECRETS[2] + " de tweede")
    _fact(ctx, live.id, SECRETS[4] + " morgen")
    return first


def test_database_key_alone_reveals_no_card_content(store, ctx, crisis):
    first = _history(ctx, crisis.id)
    assert cards.show_card(ctx, first.id, "controle").facts[-1].statement == SECRETS[6]
    assert audit.verify(store).ok
    key = store.key.key
    wal = Path(str(store.path) + "-wal")
    wal_pages = _wal_pages(key, wal)
    assert wal_pages, "the WAL should hold frames for this test to look at"
    pages = _file_pages(key, store.path) + wal_pages
    plain = b"".join(pages)
    # The decryption is right: what is not card content is there to be read.
    assert b"SQLite format 3" not in store.path.read_bytes()[:16]
    assert crisis.name.encode() in plain and b"CREATE TABLE card" in plain
    found = [s for s in SECRETS if s.encode("utf-8") in plain]
    assert not found, f"card content readable with the database key: {found}"

    raw = sqlcipher.connect(str(store.path))
    try:
        raw.execute(store.key.pragma())
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dump = repr([raw.execute(f"SELECT * FROM {t}").fetchall() for t in tables])
    finally:
        raw.close()
    assert crisis.name in dump and "buurtbewoner" not in dump.replace("G.Z. (buurtbewoner)", "")
    assert not [s for s in SECRETS if s in dump]
