"""One line becomes a request: addressee, question, deadline."""

from datetime import UTC, datetime, timedelta

import pytest

from crisisconsole.domain.request_quick import parse_quick_request
from crisisconsole.errors import ValidationError

NOW = datetime(2026, 12, 2, 12, 30, tzinfo=UTC)  # 13:30 in Amsterdam


def test_before_a_time_today_or_tomorrow():
    made = parse_quick_request("GGD: Hoeveel gewonden? voor 15:00", NOW)
    assert (made.to, made.question) == ("GGD", "Hoeveel gewonden?")
    assert made.due_at == datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    assert parse_quick_request("GGD: V voor 09.15", NOW).due_at == datetime(
        2026, 12, 3, 8, 15, tzinfo=UTC)


def test_within_minutes_or_hours():
    assert parse_quick_request("Politie: V binnen 30 min", NOW).due_at == NOW + timedelta(
        minutes=30)
    assert parse_quick_request("Politie: V within 2 h", NOW).due_at == NOW + timedelta(hours=2)


@pytest.mark.parametrize("line", ["GGD: geen termijn", "geen dubbele punt voor 15:00",
                                  "GGD: V voor 25:00", ": V voor 15:00"])
def test_refused(line):
    with pytest.raises(ValidationError):
        parse_quick_request(line, NOW)
