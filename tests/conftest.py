"""Shared test set-up: offscreen Qt, a private home folder, never the machine's keyring."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

REPO = Path(__file__).resolve().parents[1]
# The secret of the `ctx` fixture's aide ("aide"); tests that sign in again use it.
AIDE_SECRET = "geheim van de aide"
CORPUS = REPO.parent / "shared" / "corpora" / "cap-google"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CRISISCONSOLE_HOME", str(home))
    monkeypatch.delenv("CRISISCONSOLE_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True, scope="session")
def _fast_profile_kdf():
    """Profile secrets of in-process tests use cheap scrypt parameters (a thousand tests sign
    in); the CLI tests run the real ones in their subprocesses."""
    from crisisconsole.store import profile_crypto

    profile_crypto.DEFAULT_KDF = "scrypt-test"
    yield
    profile_crypto.DEFAULT_KDF = "scrypt-v1"


@pytest.fixture
def cap_corpus() -> Path:
    """The shared CAP corpus beside the checkout; absent in a user's fresh clone."""
    if not CORPUS.is_dir():
        pytest.skip(f"CAP corpus not found at {CORPUS} (it lies beside the checkout in CI only)")
    return CORPUS


@pytest.fixture(scope="session")
def cap12_schema():
    """The OASIS CAP 1.2 schema as vendored in resources (the same file the corpus holds), so
    schema checks run in a fresh clone too."""
    import xmlschema

    from crisisconsole.resources_access import resource_path

    return xmlschema.XMLSchema(str(resource_path("schemas", "cap", "cap12.xsd")))


@pytest.fixture
def secret_store():
    from crisisconsole.store.secrets import MemorySecretStore

    return MemorySecretStore()


@pytest.fixture
def clock():
    from crisisconsole.clock import FakeClock

    return FakeClock()


@pytest.fixture
def store(tmp_path, secret_store, clock):
    """A real SQLCipher database in a temp dir, key in an in-memory secret store."""
    from crisisconsole.store.opening import create_database

    st = create_database(tmp_path / "test.db", secret_store, clock=clock)
    yield st
    st.close()


@pytest.fixture
def ctx(store):
    """A service context acting as the first aide profile, signed in with AIDE_SECRET (so it
    holds the cards key)."""
    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    add_profile(store, "aide", "aide", None, secret=AIDE_SECRET)
    return sign_in(store, "aide", AIDE_SECRET).ctx


@pytest.fixture
def aide_secret() -> str:
    """The profile secret of the `ctx` fixture's aide."""
    return AIDE_SECRET


@pytest.fixture
def as_role(store, ctx):
    """``as_role(role, name=None)``: a new profile of that role, added by the aide (with a
    secret, and the cards key granted where the role may hold it), signed in."""
    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    def make(role: str, name: str | None = None):
        name = name or f"p-{role}"
        secret = f"geheim van {name}"
        add_profile(store, name, role, ctx.actor, secret=secret, cards_key=ctx.cards_key)
        return sign_in(store, name, secret).ctx

    return make


@pytest.fixture
def crisis(ctx):
    from crisisconsole.services.foundation.crises import open_crisis

    return open_crisis(ctx, "Onrust na bekerduel", "Waalbergen", grip="1")


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):
    """One QApplication for the whole run, made first: PDF rendering in the core would otherwise
    create a bare QGuiApplication that widget tests cannot use."""
    return qapp


@pytest.fixture
def read_only_medium(tmp_path):
    """``make(*files)`` copies files onto a medium nobody can write (a write-protected USB stick,
    a CD) and returns its folder: a read-only bind mount when running as root (root writes
    through permissions), else a folder and files without write permission."""
    import shutil
    import subprocess

    made: list[tuple[str, Path]] = []

    def make(*files: Path) -> Path:
        source = tmp_path / f"medium-{len(made)}-files"
        source.mkdir()
        for path in files:
            shutil.copy2(path, source / path.name)
        if os.geteuid() != 0:
            for path in source.iterdir():
                path.chmod(0o444)
            source.chmod(0o555)
            made.append(("chmod", source))
            return source
        target = tmp_path / f"medium-{len(made)}"
        target.mkdir()
        bound = subprocess.run(["mount", "--bind", str(source), str(target)],
                               capture_output=True).returncode == 0
        if bound:
            made.append(("mount", target))
        if not bound or subprocess.run(["mount", "-o", "remount,ro,bind", str(target)],
                                       capture_output=True).returncode != 0:
            pytest.skip("no read-only bind mount possible here (needs CAP_SYS_ADMIN)")
        return target

    yield make
    for how, folder in reversed(made):
        if how == "mount":
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o755)


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server (one per xdist worker: session scope is per worker),
    loopback only; skipped with the reason when the server binaries are not installed
    (`apt-get install postgresql`; .ci/run installs them)."""
    yield from _throwaway_cluster(tls=False)


@pytest.fixture(scope="session")
def pg_tls_cluster():
    """Like pg_cluster, but TLS only (hostssl), with a throwaway CA (`pg_tls_cluster.ca`) and
    a server certificate for localhost/127.0.0.1; its admin_dsn says sslmode=verify-full."""
    yield from _throwaway_cluster(tls=True)


def _throwaway_cluster(*, tls: bool):
    from pg_cluster import find_bin_dir, start_cluster

    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed: "
                    "apt-get install postgresql")
    # A folder of its own outside pytest's (which pytest keeps private to root): as root the
    # server runs as the postgres user, which must reach it.
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="crisisconsole-pg-"))
    os.chmod(base, 0o711)
    cluster = start_cluster(base, tls=tls)
    try:
        yield cluster
    finally:
        cluster.stop("immediate")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_dsn(pg_cluster, request):
    """The admin DSN of a fresh, empty database on the worker's cluster (one per test)."""
    import re

    import psycopg

    name = "t_" + re.sub(r"[^a-z0-9]", "_", request.node.name.lower())[:40] + "_" + \
        os.urandom(3).hex()
    with psycopg.connect(pg_cluster.admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_cluster.admin_dsn.replace("dbname=crisis", f"dbname={name}")
