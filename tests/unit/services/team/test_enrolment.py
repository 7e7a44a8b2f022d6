"""`sync enrol`: the one-time code is used once, the new password only reaches the server as a
SCRAM verifier and is kept on the laptop (keyring, or wrapped in the database)."""

import psycopg
import pytest

from crisisconsole.errors import AccessDeniedError
from crisisconsole.services.foundation.audit import list_records
from crisisconsole.services.team.enrolment import enrol
from crisisconsole.store.secrets import MemorySecretStore
from crisisconsole.store.server import credentials
from crisisconsole.store.server.admin import add_device, init_server


class NoKeyring(MemorySecretStore):
    def usable(self) -> bool:
        return False


@pytest.fixture
def device(pg_dsn):
    init_server(pg_dsn)
    return add_device(pg_dsn, "laptop-1", "aide")


@pytest.mark.parametrize("keyring, where", [(MemorySecretStore, "keyring"),
                                            (NoKeyring, "database")])
def test_enrol_stores_a_working_credential_and_the_code_is_spent(ctx, device, keyring, where):
    secrets = keyring()
    data = enrol(ctx, device["dsn"], device["code"], secrets)
    assert data == {"device": "laptop-1", "login": device["login"], "dsn": device["dsn"],
                    "stored_in": where}
    stored = credentials.load(ctx.store, secrets)
    assert stored.where == where and stored.dsn == device["dsn"]
    with psycopg.connect(device["dsn"] + f" password={stored.password}") as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == device["login"]
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(device["dsn"] + f" password={device['code']}")
    assert [r["action"] for r in list_records(ctx.store, "team_server")] == ["team.enrol"]


def test_a_spent_or_wrong_code_is_refused_and_stores_nothing(ctx, device):
    secrets = MemorySecretStore()
    with pytest.raises(AccessDeniedError, match="weigert de aanmelding"):
        enrol(ctx, device["dsn"], "WRONG-CODE", secrets)
    assert credentials.load(ctx.store, secrets) is None


def test_a_team_profile_may_not_enrol_and_the_refusal_is_audited(as_role, device):
    team = as_role("team")
    with pytest.raises(AccessDeniedError):
        enrol(team, device["dsn"], device["code"], MemorySecretStore())
    records = list_records(team.store, "team_server")
    assert [(r["action"], r["result"]) for r in records] == [("team.enrol", "refused")]
    assert credentials.load(team.store, MemorySecretStore()) is None
