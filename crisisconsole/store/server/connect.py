"""Opening a connection to the team server, with the one message a user understands when it
fails: unreachable (offline: the laptop works on and tries again), or refused (wrong password,
a server TLS cannot prove, no pg_hba.conf line for this laptop, no such database: trying
again does not help, so the user reads why, exit 3)."""

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
        fatal = _fatal(text)
        if "pg_hba.conf" in text:
            raise AccessDeniedError(tr(
                f"de server laat deze verbinding niet toe (pg_hba.conf van de server); vraag de "
                f"beheerder om een regel voor deze laptop: {fatal}",
                f"the server does not let this connection in (the server's pg_hba.conf); ask "
                f"the administrator for a line for this laptop: {fatal}")) from None
        if "does not exist" in fatal and "database" in fatal:
            raise AccessDeniedError(tr(
                f"de server kent deze database niet (controleer dbname in de DSN): {fatal}",
                f"the server has no such database (check dbname in the DSN): {fatal}")) from None
        last = text.strip().splitlines()[-1] if text.strip() else text
        raise ServerUnreachableError(tr(f"server niet bereikbaar: {last}",
                                        f"server not reachable: {last}")) from None


def _fatal(text: str) -> str:
    """The server's own reason ("FATAL:  ..."), in one line; else the whole text in one."""
    for line in text.splitlines():
        if "FATAL:" in line:
            return " ".join(line.split("FATAL:", 1)[1].split())
    return _one_line(text)


def refused(error: psycopg.Error) -> AccessDeniedError:
    return AccessDeniedError(tr(
        f"geweigerd door de server: {error.diag.message_primary or error}",
        f"refused by the server: {error.diag.message_primary or error}"))
