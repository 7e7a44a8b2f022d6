"""Typed times mean Amsterdam time, also on a laptop set to another zone."""

from datetime import UTC, datetime

from crisisconsole.ui.widgets.time_edit import amsterdam_time_edit, edit_time_utc


def test_round_trip_and_amsterdam_display(qtbot):
    moment = datetime(2026, 7, 1, 10, 30, tzinfo=UTC)  # 12:30 in Amsterdam (summer time)
    edit = amsterdam_time_edit(moment)
    qtbot.addWidget(edit)
    assert edit_time_utc(edit) == moment
    assert edit.text() == "01-07-2026 12:30"
    winter = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)
    edit2 = amsterdam_time_edit(winter)
    qtbot.addWidget(edit2)
    assert edit2.text() == "01-12-2026 11:30"


def test_the_one_time_rule_bounds_every_date_field(qtbot):
    """Typing 0850 or 2500 into a date-time field cannot produce a time outside 1900–2200."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    from crisisconsole.ui.widgets.time_edit import AMSTERDAM_ZONE

    edit = amsterdam_time_edit(datetime(2026, 7, 1, 10, 30, tzinfo=UTC))
    qtbot.addWidget(edit)
    edit.setDateTime(QDateTime(QDate(850, 3, 1), QTime(10, 0), AMSTERDAM_ZONE))
    assert edit_time_utc(edit) >= datetime(1900, 1, 1, tzinfo=UTC)
    edit.setDateTime(QDateTime(QDate(2500, 1, 1), QTime(10, 0), AMSTERDAM_ZONE))
    assert edit_time_utc(edit) < datetime(2200, 1, 1, tzinfo=UTC)
    assert "2500" not in edit.text() and "0850" not in edit.text()
