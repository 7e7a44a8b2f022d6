"""A throwaway PostgreSQL cluster for the team-mode tests: ``initdb`` in a temporary folder,
a free port, loopback only, started and stopped with ``pg_ctl``. With ``tls=True`` it has a
throwaway CA and a server certificate for localhost/127.0.0.1 (tests/pg_tls.py), ``ssl = on``
and ``hostssl`` lines only in pg_hba.conf, so a connection without TLS is refused; its admin
DSN then says ``sslmode=verify-full sslrootcert=CA``.

As root (CI containers) the cluster is made and run by the ``postgres`` system user through
``runuser``, because PostgreSQL refuses to run as root. Trust authentication is for the admin
user only and only on 127.0.0.1; device roles log in with their passwords (scram-sha-256), so
the tests exercise the real credentials.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# Debian/Ubuntu put the server binaries outside PATH; newest version first.
_BIN_DIRS = tuple(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
ADMIN = "crisisadmin"


def find_bin_dir() -> Path | None:
    for folder in _BIN_DIRS:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    bin_dir: Path
    data: Path
    port: int
    as_user: str | None
    ca: Path | None = None  # the CA certificate (sslrootcert=) when the cluster speaks TLS

    @property
    def admin_dsn(self) -> str:
        dsn = f"host=127.0.0.1 port={self.port} dbname=crisis user={ADMIN}"
        if self.ca is not None:
            dsn += f" sslmode=verify-full sslrootcert={self.ca}"
        return dsn

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / argv[0]), *argv[1:]]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if check and done.returncode:
            raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stdout}{done.stderr}")
        return done

    def init(self) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            shutil.chown(self.data.parent, self.as_user)
            shutil.chown(self.data, self.as_user)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "-N")
        host = "host" if self.ca is None else "hostssl"
        hba = (f"local all all trust\n{host} all {ADMIN} 127.0.0.1/32 trust\n"
               f"{host} all all 127.0.0.1/32 scram-sha-256\n")
        (self.data / "pg_hba.conf").write_text(hba, encoding="utf-8")
        if self.ca is not None:
            self._server_cert()
        conf = (f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.data}'\nfsync = off\n"
                "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 40\n"
                "shared_buffers = 32MB\n")
        if self.ca is not None:
            conf += "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as handle:
            handle.write(conf)

    def _server_cert(self) -> None:
        from pg_tls import make_ca, make_server_cert

        authority = make_ca(self.ca.parent)
        self.ca.write_bytes(authority.cert.read_bytes())
        cert, key = self.data / "server.crt", self.data / "server.key"
        make_server_cert(authority, cert, key)
        if self.as_user:  # the server reads its key only when it owns it (mode 0600)
            shutil.chown(cert, self.as_user)
            shutil.chown(key, self.as_user)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.data / "server.log"), "-w",
                  "-t", "30", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def create_database(self) -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", ADMIN, "crisis")


def start_cluster(base: Path, *, tls: bool = False) -> Cluster:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("initdb/pg_ctl not found")
    as_user = "postgres" if os.geteuid() == 0 else None
    cluster = Cluster(bin_dir, base / "pgdata", _free_port(), as_user,
                      base / "tls" / "ca.crt" if tls else None)
    cluster.init()
    for attempt in range(3):
        try:
            cluster.start()
            break
        except RuntimeError:  # the free port was taken meanwhile
            if attempt == 2:
                raise
            cluster.port = _free_port()
            _set_port(cluster)
            time.sleep(0.1)
    cluster.create_database()
    return cluster


def _set_port(cluster: Cluster) -> None:
    with open(cluster.data / "postgresql.conf", "a", encoding="utf-8") as handle:
        handle.write(f"port = {cluster.port}\n")
