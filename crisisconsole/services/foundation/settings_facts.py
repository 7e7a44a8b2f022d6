"""Settings that change what is kept or shown, as audited facts in the database.

The late-entry threshold decides which log lines are marked late; the measure terms decide when
a notification or the agenda is overdue; the card retention period decides when personal data
is deleted. Kept in a settings file or a row updated in place, any of them could be changed
without a trace. Here each change is a new setting_fact row (written through Store.write, so
audited and covered by the chain), the current value is the newest row of its key, every role
may read them and only an aide may change them (services.access: a refusal is audited).

Values from before (the threshold in the user's settings file; the terms in
measure_tracker_state; the retention days in db_meta) are read as they are until an aide opens
the database: then they are taken over once as facts (``take_over_old_values``) and removed
from their old place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, literal_column, select

from crisisconsole import settings as user_settings
from crisisconsole.domain.card_retention import retention_from_days
from crisisconsole.domain.log_rules import late_threshold_from_minutes
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.domain.roster_rules import DEFAULT_FUNCTIONS, parse_functions
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store import tables
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.measures import measure_tracker_state
from crisisconsole.store.tables.settings import setting_fact


def _hours(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1440:
        raise ValidationError(tr(
            "een termijn moet meer dan 0 en ten hoogste 1440 uur (60 dagen) zijn",
            "a term must be more than 0 and at most 1440 hours (60 days)"))
    return float(value)


def _minutes(value: Any) -> int:
    late_threshold_from_minutes(value)  # EntryInvalid (a ValidationError) when it is not one
    return int(value)


def _count(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(tr(f"kies een geheel getal van {low} tot en met {high}",
                                     f"choose a whole number from {low} to {high}"))
        return value
    return check


def _text(limit: int) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = " ".join(str(value).split()) if value is not None else ""
        if not text or len(text) > limit:
            raise ValidationError(tr(f"geef een tekst van 1 tot {limit} tekens",
                                     f"give a text of 1 to {limit} characters"))
        return text
    return check


def _days(value: Any) -> int:
    retention_from_days(value)
    return int(value)


def _topic_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        raise ValidationError(tr("het aantal onderwerpen per discipline moet 1 tot 50 zijn",
                                 "the number of topics per discipline must be 1 to 50"))
    return value


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    check: Callable[[Any], Any]  # a value as typed -> the value kept; ValidationError if not
    parse: Callable[[str], Any]  # the stored text -> the value

    def read(self, text: str | None) -> Any:
        """A stored value, or the default where it is missing or broken."""
        if text is None:
            return self.default
        try:
            return self.check(self.parse(text))
        except (ValueError, TypeError):
            return self.default


LATE_ENTRY_MINUTES = Setting("log.late_entry_minutes", 30, _minutes, int)
NOTIFY_HOURS = Setting("measure.notify_hours", 2.0, _hours, float)
AGENDA_LEAD_HOURS = Setting("measure.agenda_lead_hours", 72.0, _hours, float)
CARD_RETENTION_DAYS = Setting("card.retention_days", 28, _days, int)
# Gemeentewet art. 172a (gebiedsverbod): the 2012 values; later amendments are UNCONFIRMED.
AREA_BAN_MAX_MONTHS = Setting("measure.gebiedsverbod_max_months", 3, _count(1, 24), int)
AREA_BAN_MAX_EXTENSIONS = Setting("measure.gebiedsverbod_max_extensions", 3, _count(0, 12), int)
AREA_BAN_EXTENSION_MONTHS = Setting("measure.gebiedsverbod_extension_months", 3,
                                    _count(1, 24), int)
# The municipality, for the letters: asked once, then kept (DOMAIN.md §2: the CdK of the
# province, the hoofdofficier of the parket; the safety region's letterhead for its chair).
PROVINCE = Setting("municipality.province", None, _text(80), str)
PARKET = Setting("municipality.parket", None, _text(120), str)
SAFETY_REGION = Setting("municipality.safety_region", None, _text(120), str)
SENDER_CONTACT = Setting("municipality.contact", None, _text(300), str)
MUNICIPALITY_SETTINGS: tuple[Setting, ...] = (PROVINCE, PARKET, SAFETY_REGION, SENDER_CONTACT)
# How many topics the picture shows per discipline before "+ N more topics" (issue 13).
TOPICS_PER_DISCIPLINE = Setting("picture.topics_per_discipline", 5, _topic_count, int)
# The crisis team's functions on the roster (issue 16), separated by ';'.
ROSTER_FUNCTIONS = Setting("roster.functions", "; ".join(DEFAULT_FUNCTIONS),
                           lambda v: "; ".join(parse_functions(str(v))), str)
SETTINGS: tuple[Setting, ...] = (LATE_ENTRY_MINUTES, NOTIFY_HOURS, AGENDA_LEAD_HOURS,
                                 CARD_RETENTION_DAYS, AREA_BAN_MAX_MONTHS,
                                 AREA_BAN_MAX_EXTENSIONS, AREA_BAN_EXTENSION_MONTHS,
                                 *MUNICIPALITY_SETTINGS, TOPICS_PER_DISCIPLINE,
                                 ROSTER_FUNCTIONS)

# Where each value was kept before it became a fact (read until taken over).
_OLD_TRACKER_KEYS = {NOTIFY_HOURS.key: "notify_hours", AGENDA_LEAD_HOURS.key: "agenda_lead_hours"}
_OLD_META_KEYS = {CARD_RETENTION_DAYS.key: "card_retention_days"}
_OLD_FILE_KEYS = {LATE_ENTRY_MINUTES.key: "late_entry_minutes"}


def _newest(conn: Connection, key: str) -> str | None:
    """The last one recorded (insertion order, as the audit chain has them: a laptop clock set
    back must not bring an older value back)."""
    return conn.execute(select(setting_fact.c.value).where(setting_fact.c.key == key)
                        .order_by(literal_column("rowid").desc()).limit(1)).scalar()


def _old_value(conn: Connection, setting: Setting) -> str | None:
    if setting.key in _OLD_TRACKER_KEYS:
        return conn.execute(select(measure_tracker_state.c.value).where(
            measure_tracker_state.c.key == _OLD_TRACKER_KEYS[setting.key])).scalar()
    if setting.key in _OLD_META_KEYS:
        return conn.execute(select(tables.db_meta.c.value).where(
            tables.db_meta.c.key == _OLD_META_KEYS[setting.key])).scalar()
    if setting.key in _OLD_FILE_KEYS:
        old = user_settings.old_value(_OLD_FILE_KEYS[setting.key])
        return None if old is None else str(old)
    return None


def value(conn: Connection, setting: Setting) -> Any:
    """The current value: the newest fact, else a value from before, else the default."""
    stored = _newest(conn, setting.key)
    return setting.read(stored if stored is not None else _old_value(conn, setting))


def current(store: Store, setting: Setting) -> Any:
    with store.read() as conn:
        return value(conn, setting)


def set_values(ctx: ServiceContext, values: Mapping[Setting, Any], *,
               action: str = "setting.set") -> dict[str, Any]:
    """Record new values (one transaction, one audit record per fact). Only an aide may."""
    require_aide(ctx, action, "setting_fact", ",".join(s.key for s in values))
    checked = {setting: setting.check(given) for setting, given in values.items()}
    with ctx.store.write(ctx.actor.id) as tx:
        for setting, kept in checked.items():
            tx.insert(setting_fact, {"id": new_id(), "key": setting.key, "value": str(kept),
                                     "recorded_at": tx.now, "actor": ctx.actor.id}, action)
    return {setting.key: kept for setting, kept in checked.items()}


def history(store: Store, setting: Setting) -> list[dict[str, Any]]:
    """Every recorded value of one setting, oldest first, with who and when."""
    with store.read() as conn:
        rows = conn.execute(select(setting_fact).where(setting_fact.c.key == setting.key)
                            .order_by(literal_column("rowid"))).all()
    return [{"value": setting.read(r.value), "recorded_at": r.recorded_at, "actor": r.actor}
            for r in rows]


def take_over_old_values(ctx: ServiceContext) -> list[str]:
    """Once per database, by the first aide who opens it: values kept the old way become
    facts and leave their old place. Nothing happens for other roles or read-only files."""
    if ctx.store.read_only or ctx.actor.role is not ProfileRole.AIDE:
        return []
    with ctx.store.read() as conn:
        found = {s: _old_value(conn, s) for s in SETTINGS if _newest(conn, s.key) is None}
    found = {s: text for s, text in found.items() if text is not None}
    if not found:
        return []
    with ctx.store.write(ctx.actor.id) as tx:
        for setting, text in found.items():
            tx.insert(setting_fact, {"id": new_id(), "key": setting.key,
                                     "value": str(setting.read(text)), "recorded_at": tx.now,
                                     "actor": ctx.actor.id}, "setting.take_over")
            if setting.key in _OLD_TRACKER_KEYS:
                tx.conn.execute(measure_tracker_state.delete().where(
                    measure_tracker_state.c.key == _OLD_TRACKER_KEYS[setting.key]))
            elif setting.key in _OLD_META_KEYS:
                tx.conn.execute(tables.db_meta.delete().where(
                    tables.db_meta.c.key == _OLD_META_KEYS[setting.key]))
    for setting in found:
        if setting.key in _OLD_FILE_KEYS:
            user_settings.forget(_OLD_FILE_KEYS[setting.key])
    return [s.key for s in found]
