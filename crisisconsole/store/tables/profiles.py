"""Profiles' secrets, changes and the cards key's wraps: facts, the current state derived.

A profile row (tables.py) is who exists; ``profile_change`` records later role changes and
display details; ``profile_secret`` the stored side of each secret set (salt, verifier, the
profile's public key and its private key sealed with the secret's key-encryption key: never the
secret). ``cards_key_wrap`` holds the cards key sealed to a profile's public key, written by the
profile itself or by an aide for another profile (a grant, ``granted_by``), and the one wrap
the cards recovery code opens (``profile_id`` NULL).
"""

from __future__ import annotations

from sqlalchemy import Column, String, Table, Text

from crisisconsole.store.tables.foundation import metadata
from crisisconsole.store.types import UTCText

profile_secret = Table(
    "profile_secret",
    metadata,
    Column("id", String, primary_key=True),
    Column("profile_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("kdf", String, nullable=False),
    Column("salt", String, nullable=False),
    Column("verifier", String, nullable=False),
    Column("public_key", String, nullable=False),
    Column("sealed_private", Text, nullable=False),
    Column("set_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

profile_change = Table(
    "profile_change",
    metadata,
    Column("id", String, primary_key=True),
    Column("profile_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("role", String),
    Column("display_name", Text),
    Column("function", Text),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

cards_key_wrap = Table(
    "cards_key_wrap",
    metadata,
    Column("id", String, primary_key=True),
    Column("key_id", String, nullable=False),
    Column("profile_id", String),
    Column("public_key", String),
    Column("method", String, nullable=False),
    Column("wrapped", Text, nullable=False),
    Column("granted_by", String, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    info={"fact": True, "audited": True},
)
