"""The roster: shift changes are facts; who is on duty follows from them at any moment."""

from datetime import timedelta

import pytest

from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.services.foundation.settings_facts import ROSTER_FUNCTIONS, set_values
from crisisconsole.services.network import roster


def test_shift_changes_and_show_at_a_moment(ctx, crisis, clock):
    start = clock.now()
    roster.assign(ctx, crisis.id, "burgemeester", "A. Jansen", at=start - timedelta(hours=2))
    roster.assign(ctx, crisis.id, "OvD-Bz", "P. Bakker", at=start - timedelta(hours=2))
    roster.assign(ctx, crisis.id, "ovd-bz", "K. Smit", at=start - timedelta(hours=1))
    now = {s["function"]: s["person"] for s in roster.show(ctx.store, crisis.id)["functions"]}
    assert now["burgemeester"] == "A. Jansen" and now["OvD-Bz"] == "K. Smit"
    assert now["gemeentesecretaris"] is None
    before = roster.show(ctx.store, crisis.id, start - timedelta(minutes=90))
    assert {s["function"]: s["person"] for s in before["functions"]}["OvD-Bz"] == "P. Bakker"
    assert roster.on_duty_line(ctx.store, crisis.id).startswith("burgemeester: A. Jansen")


def test_unknown_function_refused_and_the_set_is_configurable(ctx, crisis):
    with pytest.raises(ValidationError, match="onbekende functie"):
        roster.assign(ctx, crisis.id, "kok", "X")
    set_values(ctx, {ROSTER_FUNCTIONS: "burgemeester; kok"})
    assert roster.functions(ctx.store) == ("burgemeester", "kok")
    assert roster.assign(ctx, crisis.id, "Kok", "X")["function"] == "kok"


def test_a_viewer_may_not_assign(ctx, crisis, as_role):
    with pytest.raises(AccessDeniedError):
        roster.assign(as_role("viewer"), crisis.id, "burgemeester", "X")


def test_a_time_outside_the_rule_is_refused(ctx, crisis):
    from datetime import UTC, datetime

    with pytest.raises(ValidationError):
        roster.assign(ctx, crisis.id, "burgemeester", "X", at=datetime(1850, 1, 1, tzinfo=UTC))
