"""Column types: times as sortable UTC text, so they compare correctly in SQL and hash stably.

Reading is lenient and writing is strict. A file may hold times an older version accepted and
wrote badly (year 850 as '850-03-01T…', which ``fromisoformat`` cannot read): those rows are
append-only facts covered by the audit chain, so they must stay readable, and they come back as
``StoredTime`` values that bind and hash as the very text that is stored. A new row only takes
a time inside the one time rule (1900–2200); a time read from the store may be copied as it is.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.types import String, TypeDecorator

from crisisconsole.clock import StoredTime, check_range, format_utc, parse_stored
from crisisconsole.errors import ValidationError


def bound_text(value: datetime) -> str:
    """The text a time is stored and hashed as: a stored time's own text, else ``format_utc``."""
    if type(value) is StoredTime and value.stored is not None:
        return value.stored
    return format_utc(value)


def new_row_text(value: datetime) -> str:
    """``bound_text`` for a value written into a new row: a new time must obey the time rule
    (the last guard behind every door); one read from the store (a ``StoredTime``) is copied as
    it is, so a correction of an old fact still works."""
    if type(value) is StoredTime and value.stored is not None:
        return value.stored
    try:
        check_range(value)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    return format_utc(value)


class UTCText(TypeDecorator[datetime]):
    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        return None if value is None else bound_text(value)

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        return None if value is None else parse_stored(value)
