"""Rows as versions before the four-digit rule wrote them: a year below 1000 stored as
'850-03-01T…' (strftime's '%Y'), with the audit record's content hash computed over that very
text, as ``prepare_rows`` did. The rows go through the real store and audit chain; only the
time text is the old one. Card content is under the cards key, bound to its row: a copy's
encrypted fields are sealed again for the copy's id, with the key the default aide opens."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import AIDE_SECRET
from sqlalchemy import Table, select

from crisisconsole.ids import new_id
from crisisconsole.store import audit_chain
from crisisconsole.store.bulk import PreparedRows, column_plan, row_params
from crisisconsole.store.card_cipher import is_ciphertext
from crisisconsole.store.opening import open_database

OLD_TEXT = "850-03-01T10:00:00.000000Z"  # what the old format_utc wrote for 0850-03-01 10:00


def plant_copy(db: Path, passphrase: str, table: Table, column: str,
               text: str = OLD_TEXT) -> str:
    """Copy the table's first row under a new id, with ``column`` holding ``text``; the id."""
    store = open_database(db, None, passphrase=passphrase)
    try:
        with store.read() as conn:
            row = dict(conn.execute(select(table)).mappings().first())
        old_id, row["id"] = row["id"], new_id()
        sealed = [name for name, value in row.items() if is_ciphertext(value)]
        if sealed:
            from crisisconsole.services.foundation.sign_in import sign_in

            key = sign_in(store, "aide", AIDE_SECRET).ctx.cards_key
            for name in sealed:
                row[name] = key.encrypt(table.name, name, row["id"],
                                        key.decrypt(table.name, name, old_id, row[name]))
        names, _ = column_plan(table)
        params = list(row_params(table, [row])[0])
        params[names.index(column)] = text
        values = tuple(params)
        prepared = PreparedRows(table, (row["id"],), (values,),
                                (audit_chain.plain_hash(dict(zip(names, values, strict=True))),))
        actor = row.get("actor") or row.get("author")
        with store.write(actor) as tx:
            tx.insert_prepared(prepared, "legacy.insert")
        return row["id"]
    finally:
        store.close()
