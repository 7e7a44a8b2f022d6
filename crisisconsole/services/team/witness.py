"""`audit verify --server DSN`: the server keeps every device's newest chain record it received
(team_audit) as a witness. A laptop whose chain was cut behind its back (an older copy put in
its place, the tail removed with the key) still verifies by itself, but no longer holds the
record the server saw last, or holds a different one."""

from __future__ import annotations

from typing import Any

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.store.engine import Store
from crisisconsole.store.secrets import SecretStore
from crisisconsole.store.server import credentials
from crisisconsole.store.server import dsn as dsns
from crisisconsole.store.server.connect import connect


def check_witness(store: Store, secret_store: SecretStore | None,
                  server_dsn: str) -> dict[str, Any]:
    found = credentials.load(store, secret_store)
    if found is None:
        raise ValidationError(tr("deze laptop is niet ingeschreven bij een teamserver",
                                 "this laptop is not enrolled with a team server"))
    login = dsns.login_of(found.dsn)
    conn = connect(dsns.with_password(dsns.without_password(server_dsn), found.password)
                   if dsns.parse(server_dsn).get("user") == login
                   else dsns.with_password(found.dsn, found.password))
    try:
        row = conn.execute("SELECT seq, hash FROM team_audit WHERE device = current_user "
                           "ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    result: dict[str, Any] = {"device": login, "server_seq": row[0] if row else 0,
                              "ok": True, "reason": ""}
    if row is None:
        return result
    with store.read() as local:
        here = local.exec_driver_sql("SELECT hash FROM audit WHERE seq = ?", (row[0],)).first()
    if here is None:
        result.update(ok=False, reason=tr(
            f"keten afgekapt: de server kent record {row[0]} van dit apparaat, deze database "
            "niet", f"chain cut: the server holds record {row[0]} of this device, this "
            "database does not"))
    elif here[0] != row[1]:
        result.update(ok=False, reason=tr(
            f"record {row[0]} verschilt van wat de server van dit apparaat kreeg",
            f"record {row[0]} differs from what the server received from this device"))
    return result
