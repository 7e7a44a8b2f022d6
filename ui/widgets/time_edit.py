"""Date-time fields in Europe/Amsterdam, whatever the laptop's own time zone: the app shows
Amsterdam time everywhere, so what is typed must mean Amsterdam time too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from crisisconsole.clock import EARLIEST, LATEST

AMSTERDAM_ZONE = QTimeZone(b"Europe/Amsterdam")


def amsterdam_time_edit(when: datetime | None = None,
                        parent: QWidget | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(AMSTERDAM_ZONE)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy HH:mm")
    # The one time rule (1900–2200): nothing outside it can be typed or picked.
    edit.setDateTimeRange(_moment(EARLIEST), _moment(LATEST - timedelta(minutes=1)))
    set_edit_time(edit, when or datetime.now(UTC))
    return edit


def _moment(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()), AMSTERDAM_ZONE)


def set_edit_time(edit: QDateTimeEdit, when: datetime) -> None:
    edit.setDateTime(_moment(when))


def edit_time_utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)
