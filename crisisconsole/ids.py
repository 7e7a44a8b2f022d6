"""Client-made, time-ordered ids (UUIDv7), so records from several laptops merge cleanly."""

from __future__ import annotations

from uuid6 import uuid7


def new_id() -> str:
    return str(uuid7())
