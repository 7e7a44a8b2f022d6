"""The free texts of decisions, actions and notes, checked alike (not empty, not too long),
and their times as JSON."""

from __future__ import annotations

from datetime import datetime

from crisisconsole.clock import format_utc
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_TEXT = 4000


def iso(value: datetime | None) -> str | None:
    return format_utc(value) if value is not None else None


def checked_text(value: str | None, what_nl: str, what_en: str, limit: int = MAX_TEXT) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ValidationError(tr(f'{what_nl} is leeg', f'{what_en} is empty'))
    if len(cleaned) > limit:
        raise ValidationError(tr(f'{what_nl} is te lang (max. {limit})', f'{what_en} too long'))
    return cleaned
