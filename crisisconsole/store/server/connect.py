"""Opening a connection to the team server, with the one message a user understands when it
fails (unreachable, wrong password, refused)."""

from __future__ import annotations

import psycopg

from crisisconsole.errors import AccessDeniedError, CrisisConsoleError
from crisisconsole.i18n import tr

CONNECT_TIMEOUT_S = 5


class ServerUnreachableError(CrisisConsoleError):
    """The server did not answer (network down, server stopped): the laptop works on."""


def connect(dsn: str, *, timeout: int = CONNECT_TIMEOUT_S,
            autocommit: bool = False) -> psycopg.Connection:
    try:
        return psycopg.connect(dsn, connect_timeout=timeout, autocommit=autocommit,
                               application_name="crisisconsole")
    except psycopg.OperationalError as error:
        text = str(error)
        if "password authentication failed" in text or "no password supplied" in text:
            raise AccessDeniedError(tr(
                "de server weigert de aanmelding (wachtwoord of inschrijfcode onjuist of al "
                "gebruikt)", "the server refuses the login (password or enrolment code wrong "
                "or already used)")) from None
        raise ServerUnreachableError(tr(
            f"server niet bereikbaar: {text.strip().splitlines()[-1] if text.strip() else text}",
            f"server not reachable: {text.strip()}")) from None


def refused(error: psycopg.Error) -> AccessDeniedError:
    return AccessDeniedError(tr(
        f"geweigerd door de server: {error.diag.message_primary or error}",
        f"refused by the server: {error.diag.message_primary or error}"))
