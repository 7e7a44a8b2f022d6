"""One sync round of a laptop with the team server: stamp the own new facts, push the outbox in
batches, pull what the others wrote, apply it in HLC order. When the server cannot be reached
the laptop works on and says since when it is offline; the next round catches up.

A door like any other: the role is checked (a refusal is audited); a round that brought facts
in writes one audit record ("team.pull"), whose change reaches the feed with the facts. The
push itself writes nothing on the laptop but its position, or every round would make a record
to push the next."""

from __future__ import annotations

from typing import Any

import psycopg

from crisisconsole.clock import format_utc
from crisisconsole.domain.card_access import may_see_cards
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store import team_facts
from crisisconsole.store.engine import Store
from crisisconsole.store.secrets import SecretStore
from crisisconsole.store.server import credentials, wire
from crisisconsole.store.server import dsn as dsns
from crisisconsole.store.server.connect import ServerUnreachableError, connect, refused
from crisisconsole.store.team_conflicts import count_conflicts

SYNC_ROLES = frozenset({ProfileRole.AIDE, ProfileRole.TEAM, ProfileRole.MAYOR})
ACTION = "team.sync"
PUSH_BATCH = 5000
PULL_BATCH = 5000


def _credential(store: Store, secret_store: SecretStore | None, dsn: str | None):  # noqa: ANN202
    found = credentials.load(store, secret_store)
    if found is None:
        raise ValidationError(tr("deze laptop is niet ingeschreven: eerst sync enrol",
                                 "this laptop is not enrolled: run sync enrol first"))
    if dsn is not None and dsns.login_of(dsn) != dsns.login_of(found.dsn):
        raise ValidationError(tr(
            f"deze laptop is ingeschreven als {dsns.login_of(found.dsn)}, niet als "
            f"{dsns.login_of(dsn)}", f"this laptop is enrolled as {dsns.login_of(found.dsn)}"))
    return found


def _server_dsn(found, dsn: str | None) -> str:  # noqa: ANN001 - a credentials.Credential
    """The DSN given (`sync --dsn`: its host, sslmode, sslrootcert …; the login was checked)
    or else the one kept at enrolment, with the laptop's own password."""
    return dsns.with_password(dsns.without_password(dsn) if dsn else found.dsn, found.password)


def status(store: Store) -> dict[str, Any]:
    """`sync status`: from the laptop alone (no server contact)."""
    raw = store.raw_connection()
    try:
        current = team_facts.state(raw)
        return {"online": current.offline_since is None and current.last_sync_at is not None,
                "last_sync_at": current.last_sync_at, "offline_since": current.offline_since,
                "pending": team_facts.pending(raw), "conflicts": count_conflicts(raw),
                "device": current.device, "last_error": current.last_error}
    finally:
        raw.close()


def sync_once(ctx: ServiceContext, secret_store: SecretStore | None,
              dsn: str | None = None) -> dict[str, Any]:
    require_role(ctx, SYNC_ROLES, ACTION, "team_server")
    store = ctx.store
    found = _credential(store, secret_store, dsn)
    me = dsns.login_of(found.dsn)
    with store.write(ctx.actor.id) as tx:
        team_facts.stamp(tx.conn.connection.dbapi_connection, me)
    pushed = pulled = 0
    try:
        conn = connect(_server_dsn(found, dsn))
    except ServerUnreachableError as error:
        _offline(store, ctx, error.message)
        return {**_counts(store), "pushed": 0, "pulled": 0, "online": False}
    try:
        cards = _device_may_see_cards(conn)
        pushed = _push_all(store, conn)
        pulled = _pull_all(ctx, conn, me, cards)
    except (psycopg.OperationalError, psycopg.errors.ConnectionException) as error:
        _offline(store, ctx, str(error).strip())
        return {**_counts(store), "pushed": pushed, "pulled": pulled, "online": False}
    except psycopg.errors.InsufficientPrivilege as error:  # e.g. a device role taken away
        raise refused(error) from None
    finally:
        conn.close()
    with store.write(ctx.actor.id) as tx:
        team_facts.set_state(tx.conn.connection.dbapi_connection,
                             last_sync_at=format_utc(ctx.now()), offline_since=None,
                             last_error=None)
    return {**_counts(store), "pushed": pushed, "pulled": pulled, "online": True}


def _counts(store: Store) -> dict[str, int]:
    raw = store.raw_connection()
    try:
        return {"pending": team_facts.pending(raw), "conflicts": count_conflicts(raw)}
    finally:
        raw.close()


def _offline(store: Store, ctx: ServiceContext, message: str) -> None:
    with store.write(ctx.actor.id) as tx:
        raw = tx.conn.connection.dbapi_connection
        since = team_facts.state(raw).offline_since or format_utc(ctx.now())
        team_facts.set_state(raw, offline_since=since, last_error=message)


def _device_may_see_cards(conn: psycopg.Connection) -> bool:
    row = conn.execute("SELECT role FROM team_device WHERE login = current_user").fetchone()
    conn.commit()
    return row is not None and may_see_cards(row[0])


def _push_all(store: Store, conn: psycopg.Connection) -> int:
    pushed = 0
    while True:
        raw = store.raw_connection()
        try:
            batch = team_facts.outbox(raw, PUSH_BATCH)
        finally:
            raw.close()
        if batch is None:
            return pushed
        wire.push(conn, batch)
        pushed += len(batch.facts)
        # Only after the server committed: a push cut off here is pushed again, idempotently.
        with store.write("team") as tx:
            team_facts.set_state(tx.conn.connection.dbapi_connection, pushed_seq=batch.last_seq)


def _pull_all(ctx: ServiceContext, conn: psycopg.Connection, me: str, cards: bool) -> int:
    store = ctx.store
    pulled = 0
    while True:
        raw = store.raw_connection()
        try:
            cursor = team_facts.state(raw).pull_cursor
            fetched, newest = wire.pull(conn, me, cursor, PULL_BATCH)
            ready = team_facts.contiguous(raw, (record for _, record in fetched))
        finally:
            raw.close()
        # The cursor stops before the first record that must wait for an earlier one.
        ready_keys = {(r.device, r.seq) for r in ready}
        waiting = [server_seq for server_seq, r in fetched
                   if (r.device, r.seq) not in ready_keys and server_seq > cursor]
        new_cursor = max(cursor, min(waiting) - 1 if waiting else newest)
        facts = wire.facts_of(conn, ready)
        with store.write(ctx.actor.id) as tx:
            raw_tx = tx.conn.connection.dbapi_connection
            written = team_facts.apply(raw_tx, ready, facts, cards=cards)
            team_facts.set_state(raw_tx, pull_cursor=new_cursor)
            if written:
                tx.audit("team.pull", "team_server", me)
                for table, ids in written.items():
                    tx.tally.received(table, ids)
        pulled += sum(len(ids) for ids in written.values())
        if len(fetched) < PULL_BATCH or new_cursor == cursor:
            return pulled


def wait_for_hint(store: Store, secret_store: SecretStore | None, timeout: float,
                  dsn: str | None = None) -> bool:
    """Sleep until another device pushed (the server's NOTIFY) or ``timeout`` passed; False
    also when the server cannot be reached (the next round says so)."""
    import time

    found = _credential(store, secret_store, dsn)
    started = time.monotonic()
    try:
        conn = connect(_server_dsn(found, dsn), autocommit=False)
    except ServerUnreachableError:
        time.sleep(max(0.0, timeout - (time.monotonic() - started)))
        return False
    try:
        return wire.wait_for_hint(conn, max(0.0, timeout - (time.monotonic() - started)))
    except psycopg.OperationalError:
        return False
    finally:
        conn.close()
