"""The store: one encrypted SQLite file, one serialised writer, every write audited.

Writes go through `Store.write()`, a `BEGIN IMMEDIATE` transaction that appends an audit
record per change and is acknowledged only after the durable commit (WAL, synchronous=FULL).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, Table, create_engine, event, exc, select, text
from sqlalchemy.pool import QueuePool

from crisisconsole.clock import Clock, SystemClock
from crisisconsole.errors import CrisisConsoleError, StoreError
from crisisconsole.ids import new_id
from crisisconsole.store import audit_chain, tables
from crisisconsole.store.connection import connect, translate_error
from crisisconsole.store.device import origin as device_origin
from crisisconsole.store.keys import DatabaseKey


class WriteTx:
    """One write transaction: inserts facts and appends their audit records."""

    def __init__(self, conn: Connection, actor: str, origin: str, now: datetime) -> None:
        self.conn = conn
        self.actor = actor
        self.origin = origin
        self.now = now
        self._last: tuple[int, str] | None = None

    def insert(self, table: Table, row: Mapping[str, Any], action: str) -> None:
        full = {c.name: row.get(c.name) for c in table.columns}
        self.conn.execute(table.insert(), full)
        self.audit(action, table.name, full.get("id"), kind=audit_chain.WRITE,
                   content_hash=audit_chain.content_hash(table, full))

    def update_audited(self, table: Table, row_id: str, values: Mapping[str, Any],
                       action: str) -> None:
        """Overwrite one audited row (only the lawful purge does this, with the purge gate open)
        and append a write record with the new content hash, so the chain still verifies."""
        self.conn.execute(table.update().where(table.c.id == row_id).values(**values))
        row = self.conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
        self.audit(action, table.name, row_id, kind=audit_chain.WRITE,
                   content_hash=audit_chain.content_hash(table, row))

    def audit(
        self,
        action: str,
        object_type: str,
        object_id: str | None,
        *,
        result: str = "ok",
        kind: str = audit_chain.ACCESS,
        content_hash: str | None = None,
    ) -> None:
        self.conn.execute(tables.audit.insert(),
                          self._record(action, object_type, object_id, result, kind, content_hash))

    def insert_many(self, table: Table, rows: Sequence[Mapping[str, Any]], action: str) -> None:
        """`insert` for many rows of one table (bulk imports): the same rows and the same audit
        records, each kind written with one executemany."""
        if not rows:
            return
        full = [{c.name: row.get(c.name) for c in table.columns} for row in rows]
        self.conn.execute(table.insert(), full)
        self.conn.execute(tables.audit.insert(), [
            self._record(action, table.name, row.get("id"), "ok", audit_chain.WRITE,
                         audit_chain.content_hash(table, row))
            for row in full
        ])

    def _record(self, action: str, object_type: str, object_id: str | None, result: str,
                kind: str, content_hash: str | None) -> dict[str, Any]:
        """The next audit record of the chain (the caller writes it)."""
        if self._last is None:
            seq = self.conn.execute(
                text("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")
            ).scalar() or 0
            prev = self.conn.execute(
                select(tables.audit.c.hash).order_by(tables.audit.c.seq.desc()).limit(1)
            ).scalar() or audit_chain.GENESIS
            self._last = (seq, prev)
        seq, prev = self._last
        record = {
            "seq": seq + 1, "id": new_id(), "at": self.now, "actor": self.actor,
            "origin": self.origin, "kind": kind, "action": action, "object_type": object_type,
            "object_id": object_id, "result": result, "content_hash": content_hash,
            "prev_hash": prev,
        }
        record["hash"] = audit_chain.record_hash(record)
        self._last = (seq + 1, record["hash"])
        return record


class Store:
    def __init__(self, path: Path, key: DatabaseKey, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self.key = key
        self.clock = clock or SystemClock()
        self.origin = device_origin()
        self._write_lock = threading.RLock()
        self.engine = self._make_engine()

    def _make_engine(self) -> Engine:
        engine = create_engine(
            f"sqlite:///{self.path}",
            module=sqlcipher,
            creator=lambda: connect(self.path, self.key),
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("cc_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except exc.DBAPIError as error:
            raise translate_error(error.orig or error, self.path) from None

    @contextmanager
    def write(self, actor: str) -> Iterator[WriteTx]:
        """A serialised, audited write; raises a StoreError a user understands on failure."""
        with self._write_lock:
            try:
                with self.engine.connect() as conn:
                    conn = conn.execution_options(cc_write=True)
                    with conn.begin():
                        yield WriteTx(conn, actor, self.origin, self.clock.now())
            except exc.DBAPIError as error:
                raise translate_error(error.orig or error, self.path) from None
            except OSError as error:
                raise translate_error(error, self.path) from None

    def raw_connection(self) -> sqlcipher.Connection:
        return connect(self.path, self.key)

    def backup(self, dest: Path) -> Path:
        """A consistent encrypted copy (SQLite online backup), openable with the same key."""
        dest = Path(dest)
        if dest.exists():
            raise StoreError(f"bestand bestaat al / file exists: {dest}")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise translate_error(error, dest) from None
        partial = dest.with_name(dest.name + ".partial")
        source = self.raw_connection()
        try:
            try:
                target = sqlcipher.connect(str(partial), isolation_level=None)
                target.execute("PRAGMA cipher_log_level = NONE")
                target.execute(self.key.pragma())
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
                target.close()
            except (sqlcipher.Error, OSError) as error:
                partial.unlink(missing_ok=True)
                raise translate_error(error, dest) from None
            partial.replace(dest)
        finally:
            source.close()
        return dest

    def close(self) -> None:
        self.engine.dispose()


def is_store_error(error: BaseException) -> bool:
    return isinstance(error, CrisisConsoleError)
