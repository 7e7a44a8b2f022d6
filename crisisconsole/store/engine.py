"""The store: one encrypted SQLite file, one serialised writer, every write audited.

Writes go through `Store.write()`, a `BEGIN IMMEDIATE` transaction that appends an audit
record per change and is acknowledged only after the durable commit (WAL, synchronous=FULL).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, Table, create_engine, event, exc, select
from sqlalchemy.pool import QueuePool

from crisisconsole import safe_files
from crisisconsole.clock import Clock, SystemClock
from crisisconsole.errors import NotWritableError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.store import audit_chain, tables
from crisisconsole.store.bulk import PreparedRows, insert_params, prepare_rows, row_params
from crisisconsole.store.commits import CommitHooks, Tally
from crisisconsole.store.connection import connect, connect_read_only, translate_error
from crisisconsole.store.device import origin as device_origin
from crisisconsole.store.keys import DatabaseKey
from crisisconsole.store.lookups import ValueLookup, existing_values, lookup_sql
from crisisconsole.store.planned_write import PlannedWrite, PlanStale
from crisisconsole.store.write_turns import FairLock, WriteTurns

# The driver's errors, for services that must tell one case apart inside a write (a foreign
# key naming an unknown crisis); services never import the driver themselves.
DriverError = sqlcipher.Error
IntegrityError = sqlcipher.IntegrityError

class WriteTx:
    """One write transaction: inserts facts and appends their audit records."""

    def __init__(self, conn: Connection, actor: str, origin: str, now: datetime) -> None:
        self.conn = conn
        self.actor = actor
        self.origin = origin
        self.now = now
        self._last: tuple[int, str] | None = None
        self._raw = None
        self.tally = Tally()

    def concerns(self, crisis_id: str | None) -> None:
        """Say which crisis this write belongs to where its rows do not (a correction, an
        assessment): the change it makes is then announced for that crisis."""
        self.tally.concerns((crisis_id,))

    def insert(self, table: Table, row: Mapping[str, Any], action: str) -> None:
        self.insert_prepared(prepare_rows(table, [row]), action)

    def _cursor(self):  # noqa: ANN202 - DB-API cursor
        """The hot path (one log line = one row + one audit record) goes straight to the
        driver: SQLAlchemy's statement machinery costs more than the durable commit here."""
        if self._raw is None:
            self._raw = self.conn.connection.dbapi_connection.cursor()
        return self._raw

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
        record = self._record(action, object_type, object_id, result, kind, content_hash)
        insert_params(self._cursor(), tables.audit, row_params(tables.audit, [record]))

    def insert_many(self, table: Table, rows: Sequence[Mapping[str, Any]], action: str) -> None:
        """`insert` for many rows of one table (bulk imports): the same rows and the same audit
        records, in a few multi-row statements."""
        if rows:
            self.insert_prepared(prepare_rows(table, rows), action)

    def insert_prepared(self, rows: PreparedRows, action: str) -> None:
        """Rows prepared beforehand (perhaps in another thread), each with its audit record."""
        if not len(rows):
            return
        cursor = self._cursor()
        insert_params(cursor, rows.table, rows.params)
        self._note_crises(rows)
        name = rows.table.name
        records = [self._record(action, name, row_id, "ok", audit_chain.WRITE, content)
                   for row_id, content in zip(rows.ids, rows.hashes, strict=True)]
        insert_params(cursor, tables.audit, row_params(tables.audit, records))

    def _record(self, action: str, object_type: str, object_id: str | None, result: str,
                kind: str, content_hash: str | None) -> dict[str, Any]:
        """The next audit record of the chain (the caller writes it)."""
        record = audit_chain.next_record(self.head(), self.now, self.actor, self.origin, action,
                             object_type, object_id, result, kind, content_hash)
        self._last = (record["seq"], record["hash"])
        self.tally.record(record["seq"], kind, result, action, object_type, object_id)
        return record

    def _note_crises(self, rows: PreparedRows) -> None:
        names = audit_chain.column_names(rows.table)
        if "crisis_id" in names:
            at = names.index("crisis_id")
            self.tally.concerns({params[at] for params in rows.params})

    def head(self) -> tuple[int, str]:
        """The chain's last (seq, hash) as this transaction sees it."""
        if self._last is None:
            self._last = audit_chain.write_head(self._cursor())
        return self._last

    def existing(self, table: str, column: str, payload: str,
                 values: Iterable[str]) -> dict[str, Any]:
        """value -> payload for the values the column already holds, as this transaction sees
        them (``lookups.existing_values``)."""
        return existing_values(self._cursor(), lookup_sql(table, column, payload), values)

    def apply_planned(self, planned: PlannedWrite) -> None:
        """Write rows whose audit records were planned outside the transaction; raises
        ``PlanStale`` (and so rolls the transaction back) if the chain moved since, or if a row
        clashes with one written meanwhile."""
        if self.head() != planned.after:
            raise PlanStale(tr("de auditketen is intussen verder", "the audit chain moved on"))
        cursor = self._cursor()
        try:
            for rows in planned.parts:
                insert_params(cursor, rows.table, rows.params)
        except IntegrityError:
            raise PlanStale(tr("een rij bestaat intussen al", "a row exists meanwhile")) from None
        insert_params(cursor, tables.audit, planned.audit_params)
        self._last = planned.head
        for rows in planned.parts:
            self._note_crises(rows)
        for seq, _id, _at, _actor, _origin, kind, action, object_type, object_id, result, *_ in (
                planned.audit_params):
            self.tally.record(seq, kind, result, action, object_type, object_id)


def _is_busy(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlcipher.OperationalError) and ("locked" in text or "busy" in text)


class Store:
    """``read_only``: every connection is opened read-only and never touches the file (a
    read-only medium, verification); a write is refused with a message saying why."""

    def __init__(self, path: Path, key: DatabaseKey, clock: Clock | None = None, *,
                 read_only: bool = False) -> None:
        self.path = Path(path)
        self.key = key
        self.clock = clock or SystemClock()
        self.read_only = read_only
        self.origin = device_origin()
        self._write_lock = FairLock()  # in arrival order: an import cannot hog it
        self.turns = WriteTurns(self.path)
        self._writer: Connection | None = None
        self.commits = CommitHooks()  # who hears of each durable write (the change feed)
        self.engine = self._make_engine()

    def _make_engine(self) -> Engine:
        engine = create_engine(
            f"sqlite:///{self.path}",
            module=sqlcipher,
            creator=self.raw_connection,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            if not conn.get_execution_options().get("cc_write", False):
                conn.exec_driver_sql("BEGIN")
                return
            raw = conn.connection.dbapi_connection
            # Waits while another process imports, instead of "database is locked".
            self.turns.begin(lambda: raw.execute("BEGIN IMMEDIATE"), _is_busy)

        return engine

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except exc.DBAPIError as error:
            raise translate_error(error.orig or error, self.path) from None

    @contextmanager
    def importing(self) -> Iterator[None]:
        """Around a long import: writes of other processes wait for it (write_turns), and it
        lets them in between its transactions."""
        with self.turns.importing():
            yield

    @contextmanager
    def inspect(self) -> Iterator[Connection]:
        """One read transaction for checks that may meet a damaged file (audit verify): it is
        rolled back, never committed, and its connection is dropped rather than pooled, since
        SQLCipher keeps a failed page check on the connection and fails every later commit."""
        try:
            conn = self.engine.connect()
        except exc.DBAPIError as error:
            raise translate_error(error.orig or error, self.path) from None
        try:
            conn.begin()
            yield conn
        finally:
            try:
                conn.rollback()
            except exc.DBAPIError:
                pass  # the damage the checks report; nothing was written either way
            conn.invalidate()
            conn.close()

    @contextmanager
    def write(self, actor: str) -> Iterator[WriteTx]:
        """A serialised, audited write; raises a StoreError a user understands on failure."""
        if self.read_only:
            raise NotWritableError(tr(
                f"alleen-lezen: {self.path.name} is geopend zonder schrijven (een medium dat niet "
                "beschrijfbaar is, of een controle); er is niets vastgelegd",
                f"read-only: {self.path.name} is open without writing (a medium that cannot be "
                "written, or a check); nothing was recorded"))
        if self.turns.is_importing:
            self.turns.yield_to_waiters()
        told = None
        with self._write_lock:
            try:
                conn = self._writer_connection()
                with conn.begin():
                    tx = WriteTx(conn, actor, self.origin, self.clock.now())
                    yield tx
                    told = tx.tally.committed()
                    if told is not None:
                        for maintain in list(self.commits.maintain):
                            maintain(conn, told)
                    CommitHooks.tell(self.commits.before, told)
            except exc.DBAPIError as error:
                self._drop_writer()
                CommitHooks.tell(self.commits.failed, told)
                raise translate_error(error.orig or error, self.path) from None
            except (sqlcipher.Error, OSError) as error:  # the raw hot path of WriteTx
                self._drop_writer()
                CommitHooks.tell(self.commits.failed, told)
                raise translate_error(error, self.path) from None
            except BaseException:
                CommitHooks.tell(self.commits.failed, told)
                raise
        CommitHooks.tell(self.commits.after, told)

    def _writer_connection(self) -> Connection:
        """The one writer connection, kept open between writes (they are serialised anyway):
        checking a connection out of the pool per write costs more than the write."""
        if self._writer is None:
            self._writer = self.engine.connect().execution_options(cc_write=True)
        return self._writer

    def _drop_writer(self) -> None:
        if self._writer is not None:
            try:
                self._writer.close()
            finally:
                self._writer = None

    def value_lookup(self, table: str, column: str, payload: str) -> ValueLookup:
        """A lookup of which values ``column`` holds, on a connection of its own."""
        return ValueLookup(self.raw_connection, self.path, table, column, payload)

    def raw_connection(self) -> sqlcipher.Connection:
        if self.read_only:
            return connect_read_only(self.path, self.key)
        return connect(self.path, self.key)

    def backup(self, dest: Path) -> Path:
        """A consistent encrypted copy (SQLite online backup), openable with the same key;
        written through the one safe writer, so it is complete or not there at all."""
        dest = Path(dest)
        if os.path.lexists(dest):
            raise StoreError(tr(f'bestand bestaat al: {dest}', f'file exists: {dest}'))
        source = self.raw_connection()

        def produce(temp: Path) -> None:
            try:
                target = sqlcipher.connect(str(temp), isolation_level=None)
                try:
                    target.execute("PRAGMA cipher_log_level = NONE")
                    target.execute(self.key.pragma())
                    source.backup(target)
                    target.execute("PRAGMA journal_mode = DELETE")
                finally:
                    target.close()
            except sqlcipher.Error as error:
                raise translate_error(error, dest) from None

        try:
            return safe_files.write_with(dest, produce, overwrite=False)
        finally:
            source.close()

    closed = False  # set by close(): what still arrives for this store is late

    def close(self) -> None:
        self.closed = True
        with self._write_lock:
            self._drop_writer()
        self.engine.dispose()
