"""What the team server's administrator does: make the schema (the server's own Alembic
chain), and add a device (one login role per laptop, with a one-time enrolment code).

Both need an admin connection (a role with CREATEROLE that owns the database); both are
recorded in the server's own audit table (add-device in the transaction that adds the device,
init right after its migration committed).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import psycopg
from psycopg import sql

from crisisconsole.domain.roles import ProfileRole, parse_role
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.store.server import dsn as dsns
from crisisconsole.store.server.connect import connect, refused

HEAD = "s0001"
CARD_ROLES = frozenset({ProfileRole.AIDE, ProfileRole.MAYOR})
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
CODE_VALID = "7 days"


def _alembic_upgrade(conn: psycopg.Connection) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("postgresql+psycopg://", creator=lambda: conn,
                           poolclass=StaticPool)
    config = Config()
    config.set_main_option("script_location", "crisisconsole.store.server:migrations")
    with engine.connect() as sa_conn:
        config.attributes["connection"] = sa_conn
        command.upgrade(config, "head")
        sa_conn.commit()


def server_revision(conn: psycopg.Connection) -> str | None:
    if conn.execute("SELECT to_regclass('team_server_version')").fetchone()[0] is None:
        return None
    row = conn.execute("SELECT version_num FROM team_server_version").fetchone()
    return row[0] if row else None


def init_server(admin_dsn: str) -> dict[str, Any]:
    """Create (or bring up to date) the server schema, roles and privileges; idempotent."""
    conn = connect(admin_dsn)
    try:
        before = server_revision(conn)
        conn.rollback()  # only read: Alembic's transaction starts clean
        try:
            _alembic_upgrade(conn)
        except psycopg.errors.InsufficientPrivilege as error:
            raise refused(error) from None
        conn.execute("INSERT INTO team_server_audit (action, object, detail) "
                     "VALUES ('init', %s, %s)", (HEAD, before or ""))
        conn.commit()
        return {"revision": server_revision(conn), "created": before is None}
    finally:
        conn.close()


def _new_code() -> str:
    raw = secrets.token_hex(10).upper()
    return "-".join(raw[i:i + 5] for i in range(0, len(raw), 5))


def login_for(database: str, name: str) -> str:
    """Login roles are cluster-wide: the database's name in it keeps the devices of two crisis
    databases on one cluster (a real one and an exercise) apart."""
    return f"{database}__{name.replace('-', '_')}"[:63]


def add_device(admin_dsn: str, name: str, role: str) -> dict[str, Any]:
    """One login role for the laptop ``name``; its password is the one-time code until the
    laptop enrols (``team_enrol`` replaces it). Card-seeing roles join crisis_cards."""
    name = name.strip().lower()
    if not _NAME.match(name):
        raise ValidationError(tr(
            "ongeldige apparaatnaam: kleine letters, cijfers, - en _ (hoogstens 40 tekens)",
            "invalid device name: lower-case letters, digits, - and _ (at most 40)"))
    try:
        profile_role = parse_role(role)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    code = _new_code()
    conn = connect(admin_dsn, autocommit=True)  # conn.transaction() below is the transaction
    login = login_for(conn.info.dbname, name)
    try:
        if server_revision(conn) != HEAD:
            raise ValidationError(tr("de server is nog niet ingericht: eerst server init",
                                     "the server is not set up yet: run server init first"))
        with conn.transaction():
            if conn.execute("SELECT 1 FROM team_device WHERE name = %s", (name,)).fetchone():
                raise ValidationError(tr(f"apparaat {name} bestaat al",
                                         f"device {name} exists already"))
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
                raise ValidationError(tr(f"de serverrol {login} bestaat al",
                                         f"the server role {login} exists already"))
            conn.execute(sql.SQL(
                "CREATE ROLE {} LOGIN PASSWORD {} VALID UNTIL {} IN ROLE crisis_device").format(
                sql.Identifier(login), sql.Literal(code),
                sql.Literal(_valid_until(conn))))
            if profile_role in CARD_ROLES:
                conn.execute(sql.SQL("GRANT crisis_cards TO {}").format(sql.Identifier(login)))
            conn.execute("INSERT INTO team_device (name, login, role) VALUES (%s, %s, %s)",
                         (name, login, profile_role.value))
            conn.execute("INSERT INTO team_server_audit (action, object, detail) "
                         "VALUES ('add-device', %s, %s)", (name, profile_role.value))
    except psycopg.errors.InsufficientPrivilege as error:
        raise refused(error) from None
    finally:
        conn.close()
    return {"device": name, "login": login, "role": profile_role.value,
            "dsn": dsns.for_login(admin_dsn, login), "code": code}


def _valid_until(conn: psycopg.Connection) -> str:
    return conn.execute(f"SELECT (now() + interval '{CODE_VALID}')::text").fetchone()[0]
