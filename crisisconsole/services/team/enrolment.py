"""Enrolling a laptop with the team server: log in once with the one-time code, replace it by
a new random password (only its SCRAM verifier is sent), keep the credential on the laptop.

A door of the aide: checked and audited in the laptop's chain like every other."""

from __future__ import annotations

import secrets
from typing import Any

import psycopg

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store.secrets import SecretStore
from crisisconsole.store.server import credentials, scram
from crisisconsole.store.server import dsn as dsns
from crisisconsole.store.server.connect import connect, refused

ACTION = "team.enrol"


def enrol(ctx: ServiceContext, device_dsn: str, code: str,
          secret_store: SecretStore | None) -> dict[str, Any]:
    device_dsn = dsns.without_password(device_dsn)
    login = dsns.login_of(device_dsn)
    require_aide(ctx, ACTION, "team_server", login)
    code = code.strip().upper()
    if not code:
        raise ValidationError(tr("geef de inschrijfcode (--code)", "give the enrolment code"))
    password = secrets.token_urlsafe(32)
    conn = connect(dsns.with_password(device_dsn, code))
    try:
        try:
            name = conn.execute("SELECT team_enrol(%s)", (scram.verifier(password),)
                                ).fetchone()[0]
        except psycopg.errors.RaiseException as error:
            raise ValidationError(tr(
                f"inschrijving geweigerd: {error.diag.message_primary}",
                f"enrolment refused: {error.diag.message_primary}")) from None
        except psycopg.errors.InsufficientPrivilege as error:
            raise refused(error) from None
        # The laptop keeps the credential before the server forgets the code: if the laptop
        # write fails, the transaction on the server is rolled back and the code still holds.
        with ctx.store.write(ctx.actor.id) as tx:
            where = credentials.save(tx, ctx.store, secret_store, device_dsn, password)
            tx.audit(ACTION, "team_server", login)
        conn.commit()
    finally:
        conn.close()
    return {"device": name, "login": login, "dsn": device_dsn, "stored_in": where}
