"""Connection strings of the team server: the device's own (login role, never a password), and
a clear Dutch message when the server cannot be reached."""

from __future__ import annotations

from psycopg import conninfo

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr


def parse(dsn: str) -> dict[str, str]:
    try:
        return conninfo.conninfo_to_dict(dsn)
    except Exception as error:  # noqa: BLE001 - psycopg.ProgrammingError and kin
        raise ValidationError(tr(f"ongeldige verbindingsgegevens (DSN): {error}",
                                 f"invalid connection string (DSN): {error}")) from None


def without_password(dsn: str) -> str:
    params = parse(dsn)
    params.pop("password", None)
    return conninfo.make_conninfo(**params)


def for_login(admin_dsn: str, login: str) -> str:
    """The admin's DSN with the device's login role instead, and without any password."""
    params = parse(admin_dsn)
    params.pop("password", None)
    params["user"] = login
    return conninfo.make_conninfo(**params)


def with_password(dsn: str, password: str) -> str:
    return conninfo.make_conninfo(dsn, password=password)


def login_of(dsn: str) -> str:
    user = parse(dsn).get("user")
    if not user:
        raise ValidationError(tr("de DSN noemt geen gebruiker (user=…)",
                                 "the DSN names no user (user=…)"))
    return user
