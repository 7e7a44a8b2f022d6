"""The one time rule at the doors of the domain: a moment given by a user or a file lies in
1900-01-01 … 2200-01-01 (``clock.check_range``), or it is refused as a ValidationError naming
the field, so the CLI exits 2 with one line and a form shows the message beside the field.
The store refuses such a time in a new row too (``store.types.new_row_text``); checking here
first gives the clearer message."""

from __future__ import annotations

from datetime import datetime

from crisisconsole.clock import StoredTime, as_utc, check_range
from crisisconsole.errors import ValidationError


def checked_time(value: datetime | None, what: str = "") -> datetime | None:
    """``value`` in UTC if it obeys the time rule (None stays None). A time read from the store
    (a ``StoredTime`` of an old file) passes as it is: a correction copies it unchanged."""
    if value is None or (type(value) is StoredTime and value.stored is not None):
        return value
    try:
        return check_range(as_utc(value), what)
    except (ValueError, OverflowError) as error:
        raise ValidationError(str(error)) from None
