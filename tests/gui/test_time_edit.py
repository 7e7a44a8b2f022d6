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
