"""Opening a connection to the team server, with the one message a user understands when it
fails (unreachable, wrong password, refused)."""

from __future__ import annotations

import psycopg

from crisisconsole.errors import AccessDeniedError, CrisisConsoleError
from crisisconsole.i18n import tr

CONNECT_TIMEOUT_S = 5


class ServerUnreachableError(CrisisConsoleError):
    """The server did not answer (network down, server stopped): the laptop works on."""


class ServerNotTrustedError(AccessDeniedError):
    """TLS could not prove the server (wrong CA, a certificate for another name, no CA file,
    no TLS at all): a refusal, not "offline": trying again does not help and might be an
    impostor."""


# libpq's words for a server that TLS (sslmode=verify-ca/verify-full) could not prove.
_NOT_TRUSTED = ("certificate verify failed", "does not match host name",
                "root certificate file", "could not read root certificate",
                "server does not support SSL", "certificate revocation list")


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.strip().splitlines() if line.strip())


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
        if any(words in text for words in _NOT_TRUSTED):
            raise ServerNotTrustedError(tr(
                f"server niet vertrouwd (TLS): {_one_line(text)}",
                f"server not trusted (TLS): {_one_line(text)}")) from None
        last = text.strip().splitlines()[-1] if text.strip() else text
        raise ServerUnreachableError(tr(f"server niet bereikbaar: {last}",
                                        f"server not reachable: {last}")) from None


def refused(error: psycopg.Error) -> AccessDeniedError:
    return AccessDeniedError(tr(
        f"geweigerd door de server: {error.diag.message_primary or error}",
        f"refused by the server: {error.diag.message_primary or error}"))
