"""Settings that change what is kept or shown are audited facts: readable by every role,
changed only by an aide (a refusal is audited), each change a new row in the chain; values kept
the old way are taken over once."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crisisconsole import settings
from crisisconsole.domain.roster_rules import DEFAULT_FUNCTIONS
from crisisconsole.errors import AccessDeniedError, NotWritableError, ValidationError
from crisisconsole.paths import config_dir
from crisisconsole.services.cards.purge import set_retention_days
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.settings_facts import (
    AGENDA_LEAD_HOURS,
    CARD_RETENTION_DAYS,
    LATE_ENTRY_MINUTES,
    NOTIFY_HOURS,
    SETTINGS,
    current,
    history,
    set_values,
    take_over_old_values,
)
from crisisconsole.services.log.values import late_threshold
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.store.append_only import drop_append_only_ddl
from crisisconsole.store.opening import open_database


def test_defaults_then_facts_with_who_and_when(ctx, store, clock):
    assert {s.key: current(store, s) for s in SETTINGS} == {
        "log.late_entry_minutes": 30, "measure.notify_hours": 2.0,
        "measure.agenda_lead_hours": 72.0, "card.retention_days": 28,
        # issue 15: art. 172a's 2012 values, and the municipality's names, asked once
        "measure.gebiedsverbod_max_months": 3, "measure.gebiedsverbod_max_extensions": 3,
        "measure.gebiedsverbod_extension_months": 3, "municipality.province": None,
        "municipality.parket": None, "municipality.safety_region": None,
        "municipality.contact": None, "picture.topics_per_discipline": 5,
        "roster.functions": "; ".join(DEFAULT_FUNCTIONS)}
    set_values(ctx, {LATE_ENTRY_MINUTES: 20})
    clock.advance(minutes=-30)  # a laptop clock set back: the last one recorded still counts
    set_values(ctx, {LATE_ENTRY_MINUTES: 25})
    assert current(store, LATE_ENTRY_MINUTES) == 25
    assert [(h["value"], h["actor"]) for h in history(store, LATE_ENTRY_MINUTES)] == [
        (20, ctx.actor.id), (25, ctx.actor.id)]
    writes = [r for r in audit.list_records(store, "setting_fact") if r["kind"] == "write"]
    assert len(writes) == 2 and {r["action"] for r in writes} == {"setting.set"}
    assert audit.verify(store).ok


@pytest.mark.parametrize("role", ["team", "mayor", "viewer"])
def test_only_an_aide_changes_them_and_refusals_are_audited(ctx, store, role, as_role):
    other = as_role(role)
    for setting, given in ((LATE_ENTRY_MINUTES, 5), (NOTIFY_HOURS, 1.0)):
        with pytest.raises(AccessDeniedError) as refused:
            set_values(other, {setting: given})
        assert refused.value.exit_code == 3
        assert current(store, setting) == setting.default  # readable, unchanged
    last = audit.list_records(store, limit=1)[0]
    assert (last["result"], last["actor"], last["object_type"]) == (
        "refused", other.actor.id, "setting_fact")
    with pytest.raises(AccessDeniedError):
        measures_reminders.set_terms(other, notify_hours=4)
    assert measures_reminders.terms(store)["notify_hours"] == 2.0


def test_terms_and_retention_commands_record_facts(ctx, store, crisis, as_role):
    measures_reminders.set_terms(ctx, notify_hours=4, agenda_lead_hours=48)
    assert (current(store, NOTIFY_HOURS), current(store, AGENDA_LEAD_HOURS)) == (4.0, 48.0)
    assert set_retention_days(ctx, 7) == 7
    assert current(store, CARD_RETENTION_DAYS) == 7
    with pytest.raises(AccessDeniedError):
        set_retention_days(as_role("mayor"), 3)  # may see cards, may not change the setting
    assert current(store, CARD_RETENTION_DAYS) == 7
    with pytest.raises(ValidationError):
        set_values(ctx, {AGENDA_LEAD_HOURS: 2000})
    actions = [r["action"] for r in audit.list_records(store, "setting_fact")]
    assert actions.count("measure.terms") == 2 and "card.retention" in actions


def test_a_changed_value_is_found_by_verify(ctx, store):
    set_values(ctx, {LATE_ENTRY_MINUTES: 20})
    raw = store.raw_connection()
    try:
        for ddl in drop_append_only_ddl("setting_fact"):
            raw.execute(ddl)
        raw.execute("UPDATE setting_fact SET value = '600'")  # nothing would be late any more
    finally:
        raw.close()
    report = audit.verify(store)
    assert not report.ok and "setting_fact" in report.reason


def test_values_kept_the_old_way_are_taken_over_once(ctx, store, crisis, secret_store,
                                                     as_role):
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"late_entry_minutes": 12, "backup_minutes": 5}))
    raw = store.raw_connection()
    try:
        raw.execute("INSERT INTO measure_tracker_state VALUES ('notify_hours', '6.0', 'x')")
        raw.execute("INSERT INTO db_meta VALUES ('card_retention_days', '14')")
    finally:
        raw.close()
    viewer = as_role("viewer")
    assert take_over_old_values(viewer) == []  # only an aide takes them over
    assert late_threshold(store) == timedelta(minutes=12)  # read as they are meanwhile
    assert current(store, NOTIFY_HOURS) == 6.0 and current(store, CARD_RETENTION_DAYS) == 14
    settings.save({"backup_minutes": 9})  # saving the file keeps the value not taken over
    assert settings.old_value("late_entry_minutes") == 12
    taken = take_over_old_values(ctx)
    assert sorted(taken) == ["card.retention_days", "log.late_entry_minutes",
                             "measure.notify_hours"]
    assert take_over_old_values(ctx) == []  # once
    assert "late_entry_minutes" not in json.loads(path.read_text())
    assert json.loads(path.read_text())["backup_minutes"] == 9
    assert (current(store, LATE_ENTRY_MINUTES), current(store, NOTIFY_HOURS),
            current(store, CARD_RETENTION_DAYS)) == (12, 6.0, 14)
    records = [r for r in audit.list_records(store, "setting_fact") if r["kind"] == "write"]
    assert {r["action"] for r in records} == {"setting.take_over"}
    assert audit.verify(store).ok
    readonly = open_database(store.path, secret_store, read_only=True)
    try:
        assert current(readonly, LATE_ENTRY_MINUTES) == 12
        with pytest.raises(NotWritableError):
            set_values(ServiceContext(readonly, ctx.actor), {LATE_ENTRY_MINUTES: 40})
    finally:
        readonly.close()
