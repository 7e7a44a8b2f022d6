"""Profiles' secrets, changes and the cards key's wraps: facts, the current state derived.

A profile row (tables.py) is who exists; ``profile_change`` records later role changes and
display details; ``profile_secret`` the stored side of each secret set (salt, verifier, the
profile's public key and its private key sealed with the secret's key-encryption key: never the
secret). ``cards_key_wrap`` holds the cards key sealed to a profile's public key, written by the
profile itself or by an aide for another profile (a grant, ``granted_by``), and the one wrap
the cards recovery code opens (``profile_id`` NULL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class ProfileSecretRow(TableModel, table=True):
    __tablename__ = "profile_secret"
    __table_args__ = declared("profiles")

    id: str = Field(primary_key=True)
    profile_id: str
    kind: str
    kdf: str
    salt: str
    verifier: str
    public_key: str
    sealed_private: str = Field(sa_type=Text)
    set_at: datetime = Field(sa_type=UTCText)
    actor: str


profile_secret = ProfileSecretRow.__table__


class ProfileChangeRow(TableModel, table=True):
    __tablename__ = "profile_change"
    __table_args__ = declared("profiles")

    id: str = Field(primary_key=True)
    profile_id: str
    kind: str
    role: str | None = None
    display_name: str | None = Field(default=None, sa_type=Text)
    function: str | None = Field(default=None, sa_type=Text)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


profile_change = ProfileChangeRow.__table__


class CardsKeyWrapRow(TableModel, table=True):
    __tablename__ = "cards_key_wrap"
    __table_args__ = declared("profiles")

    id: str = Field(primary_key=True)
    key_id: str
    profile_id: str | None = None
    public_key: str | None = None
    method: str
    wrapped: str = Field(sa_type=Text)
    granted_by: str
    recorded_at: datetime = Field(sa_type=UTCText)


cards_key_wrap = CardsKeyWrapRow.__table__
