"""Laptops for the sync tests: real SQLCipher databases, each enrolled as its own device on a
fresh database of the worker's throwaway PostgreSQL."""

import pytest

from crisisconsole.store.secrets import MemorySecretStore


@pytest.fixture
def laptops(tmp_path, pg_dsn, clock, aide_secret):
    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in
    from crisisconsole.services.team.enrolment import enrol
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.server.admin import add_device, init_server

    init_server(pg_dsn)
    made, stores = [], []

    def make(name: str, role: str = "aide"):
        secrets = MemorySecretStore()
        store = create_database(tmp_path / f"{name}.db", secrets, clock=clock)
        stores.append(store)
        add_profile(store, "aide", "aide", None, secret=aide_secret)
        ctx = sign_in(store, "aide", aide_secret).ctx
        device = add_device(pg_dsn, name, role)
        enrol(ctx, device["dsn"], device["code"], secrets)
        made.append((ctx, secrets))
        return ctx, secrets, device

    yield make
    for store in stores:
        store.close()
