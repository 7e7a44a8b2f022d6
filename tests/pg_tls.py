"""Throwaway TLS material for the team-mode tests: a CA of its own and certificates it signs,
made with ``cryptography`` (short-lived EC keys; key files mode 0600, as PostgreSQL demands of
``ssl_key_file`` and as a real server's keys should be)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class Authority:
    cert: Path  # what a laptop puts in sslrootcert=
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    os.chmod(path, 0o600)


def _builder(subject: str, issuer: x509.Name, public_key) -> x509.CertificateBuilder:  # noqa: ANN001
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1)))


def make_ca(folder: Path, name: str = "crisisconsole test CA") -> Authority:
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    certificate = (_builder(name, subject, key.public_key())
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(x509.KeyUsage(
                       digital_signature=True, content_commitment=False, key_encipherment=False,
                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
                   .sign(key, hashes.SHA256()))
    slug = name.replace(" ", "-")
    cert = folder / f"{slug}.crt"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    _write_key(folder / f"{slug}.key", key)
    return Authority(cert, key, certificate)


def make_server_cert(ca: Authority, cert: Path, key_file: Path,
                     names: tuple[str, ...] = ("localhost", "127.0.0.1")) -> None:
    """A server certificate signed by ``ca`` for ``names`` (DNS names or IP addresses, all as
    subjectAltName, which is what libpq's verify-full checks)."""
    key = ec.generate_private_key(ec.SECP256R1())
    alt: list[x509.GeneralName] = []
    for name in names:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    certificate = (_builder(names[0], ca.certificate.subject, key.public_key())
                   .add_extension(x509.SubjectAlternativeName(alt), critical=False)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                                  critical=True)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                                  critical=False)
                   .sign(ca.key, hashes.SHA256()))
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    _write_key(key_file, key)
