"""Recording measures and their lifecycle events (Gemeentewet art. 175/176, DOMAIN.md §2).

Each call validates with the pure rules first (check_measure, check_event) and only then writes
one transaction; a refusal is one line naming the rule and leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from crisisconsole.domain.measures import Issuer, MeasureKind, Party
from crisisconsole.domain.ordinance_actions import no_prompt
from crisisconsole.domain.ordinance_lifecycle import (
    Measure,
    MeasureEvent,
    MeasureEventKind,
    art39_warning,
    check_event,
    check_measure,
)
from crisisconsole.domain.ordinance_records import ObligationKind
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.measures.art39 import art39_status
from crisisconsole.services.measures.facts import (
    load_calendar,
    load_events,
    load_measure,
    require_writer,
)
from crisisconsole.services.measures.views import MeasureView, show_measure
from crisisconsole.store.tables import measures as t

MAX_TEXT = 20_000


@dataclass(frozen=True)
class IssueResult:
    view: MeasureView
    warnings: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return self.view.id

    def as_json(self) -> dict[str, Any]:
        return {**self.view.as_json(), "warnings": list(self.warnings)}


def _parse(enum: type, value: object, what: str) -> Any:
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(str(v) for v in enum)
        raise ValidationError(tr(f"onbekende {what} {value!r}: kies {choices}",
                                  f"unknown {what} {value!r}: choose {choices}")) from None


def _clean(text: str | None, limit: int, what: str) -> str | None:
    text = (text or "").strip()
    if len(text) > limit:
        raise ValidationError(tr(f'{what} te lang (max. {limit})', f'{what} too long'))
    return text or None


def issue_measure(
    ctx: ServiceContext,
    crisis_id: str,
    kind: str,
    title: str,
    *,
    issuer: str = "burgemeester",
    at: datetime | None = None,
    planned_end: datetime | None = None,
    area: str | None = None,
    body: str | None = None,
    document_ref: str | None = None,
    art39_applies: bool | None = None,
    extends: str | None = None,
) -> IssueResult:
    """Record a measure as issued (measure row + its ``issued`` event), after the checks.

    A gebiedsverbod (art. 172a) is checked against the municipality's limits (domain.area_ban);
    ``extends`` names the earlier gebiedsverbod this decision extends."""
    require_writer(ctx)
    art39 = art39_status(ctx.store, crisis_id)  # also: unknown crisis -> NotFoundError
    kind_v = _parse(MeasureKind, kind, tr("soort maatregel", "kind"))
    issuer_v = _parse(Issuer, issuer, tr("uitvaardiger", "issuer"))
    title = _clean(title, 300, "titel") or ""
    area, body = _clean(area, 2000, "gebied"), _clean(body, MAX_TEXT, "tekst")
    document_ref = _clean(document_ref, 500, "documentverwijzing")
    now = ctx.now()
    issued_at = checked_time(at, "at") or now
    measure_id = new_id()
    try:
        measure = Measure(measure_id, kind_v, issuer_v, title, issued_at,
                          checked_time(planned_end, "planned_end"))
    except ValueError as error:
        raise ValidationError(str(error)) from None
    check_measure(measure)
    extensions = _area_ban_chain(ctx, kind_v, extends, measure)
    event = MeasureEvent(MeasureEventKind.ISSUED, issued_at, ctx.actor.id, document_ref=document_ref)
    check_event(measure, [], [], [], event, now)
    applies = art39.applies if art39_applies is None else art39_applies
    warning = art39_warning(issuer_v, applies, kind_v)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(t.measure, {
            "id": measure_id, "crisis_id": crisis_id, "kind": str(kind_v),
            "issuer": str(issuer_v), "title": title, "legal_basis": kind_v.legal_basis,
            "area": area, "issued_at": issued_at, "planned_end": measure.planned_end,
            "body": body, "document_ref": document_ref, "recorded_at": tx.now,
            "actor": ctx.actor.id,
        }, "measure.issue")
        _insert_event(tx, ctx, measure_id, event)
        if extends is not None and extensions:
            tx.insert(t.measure_extension, {
                "id": new_id(), "measure_id": measure_id, "extends_id": extends,
                "recorded_at": tx.now, "actor": ctx.actor.id}, "measure.extend")
    return IssueResult(show_measure(ctx.store, measure_id), (warning,) if warning else ())


def _area_ban_chain(ctx: ServiceContext, kind: MeasureKind, extends: str | None,
                    measure: Measure) -> int:
    """For a gebiedsverbod: how many decisions it extends, after checking it against the
    limits (refused with the reason); 0 for other kinds (which cannot extend anything)."""
    from crisisconsole.domain.area_ban import AreaBanLimits, check_area_ban
    from crisisconsole.services.foundation import settings_facts as sf

    if kind is not MeasureKind.GEBIEDSVERBOD_172A:
        if extends is not None:
            raise ValidationError(tr("alleen een gebiedsverbod (art. 172a) wordt zo verlengd",
                                     "only an area ban (art. 172a) is extended this way"))
        return 0
    extensions = 0
    with ctx.store.read() as conn:
        limits = AreaBanLimits(sf.value(conn, sf.AREA_BAN_MAX_MONTHS),
                               sf.value(conn, sf.AREA_BAN_MAX_EXTENSIONS),
                               sf.value(conn, sf.AREA_BAN_EXTENSION_MONTHS))
        current = extends
        while current is not None and extensions <= limits.max_extensions + 1:
            row = conn.execute(select(t.measure.c.kind).where(t.measure.c.id == current)).first()
            if row is None or row.kind != str(MeasureKind.GEBIEDSVERBOD_172A):
                raise ValidationError(tr(f"{current} is geen gebiedsverbod om te verlengen",
                                         f"{current} is not an area ban to extend"))
            extensions += 1
            current = conn.execute(select(t.measure_extension.c.extends_id).where(
                t.measure_extension.c.measure_id == current)).scalar()
    check_area_ban(measure.issued_at, measure.planned_end, extensions, limits)
    return extensions


def _insert_event(tx, ctx: ServiceContext, measure_id: str, event: MeasureEvent) -> str:  # noqa: ANN001
    event_id = new_id()
    tx.insert(t.measure_event, {
        "id": event_id, "measure_id": measure_id, "kind": str(event.kind), "at": event.at,
        "party": str(event.party) if event.party else None, "upheld": event.upheld,
        "meeting_id": event.meeting_id, "document_ref": event.document_ref, "note": event.note,
        "recorded_at": tx.now, "actor": ctx.actor.id,
    }, f"measure.{event.kind}")
    return event_id


def record_event(
    ctx: ServiceContext,
    measure_id: str,
    kind: MeasureEventKind,
    *,
    at: datetime | None = None,
    party: str | None = None,
    upheld: bool | None = None,
    meeting_id: str | None = None,
    document_ref: str | None = None,
    note: str | None = None,
) -> MeasureView:
    """One lifecycle event, refused (nothing recorded) when it makes no sense at its time."""
    require_writer(ctx)
    now = ctx.now()
    party_v = _parse(Party, party, tr("partij", "party")) if party is not None else None
    note = _clean(note, 2000, "toelichting")
    document_ref = _clean(document_ref, 500, "documentverwijzing")
    event = MeasureEvent(kind, checked_time(at, "at") or now, ctx.actor.id, party_v,
                         document_ref, upheld, note, meeting_id)
    with ctx.store.read() as conn:
        record = load_measure(conn, measure_id)
        events = load_events(conn, [measure_id])[measure_id]
        calendar = load_calendar(conn)
    if meeting_id is not None and calendar.meeting(meeting_id) is None:
        raise RuleViolation(tr("onbekende raadsvergadering", "unknown council meeting"))
    check_event(record.measure, events, calendar.meetings, calendar.outcomes, event, now)
    if kind is MeasureEventKind.KEPT_IN_FORCE:
        _require_withdraw_prompt(ctx, measure_id, event.at)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(record.crisis_id)
        _insert_event(tx, ctx, measure_id, event)
    return show_measure(ctx.store, measure_id)


def _require_withdraw_prompt(ctx: ServiceContext, measure_id: str, at: datetime) -> None:
    """Keeping a measure in force answers the withdrawal prompt of a scale-down or closure."""
    status = show_measure(ctx.store, measure_id, at).status
    if not any(o.kind is ObligationKind.WITHDRAW_PROMPT for o in status.obligations):
        raise RuleViolation(no_prompt())


def keep_in_force(ctx: ServiceContext, measure_id: str, reason: str, *,
                  at: datetime | None = None) -> MeasureView:
    """The mayor keeps the measure in force although the crisis was scaled down or closed:
    the withdrawal prompt is settled until the next scale-down or closure."""
    return record_event(ctx, measure_id, MeasureEventKind.KEPT_IN_FORCE, at=at, note=reason)


def notify(ctx: ServiceContext, measure_id: str, party: str, *, at: datetime | None = None,
           document_ref: str | None = None) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.NOTIFIED, at=at, party=party,
                        document_ref=document_ref)


def publish(ctx: ServiceContext, measure_id: str, how: str, *, at: datetime | None = None,
            document_ref: str | None = None) -> MeasureView:
    """The publication record: how it was made known (and the gemeenteblad reference)."""
    if not (how or "").strip():
        raise ValidationError(tr("geef aan hoe de maatregel is bekendgemaakt", "say how it was published"))
    return record_event(ctx, measure_id, MeasureEventKind.PUBLISHED, at=at, note=how,
                        document_ref=document_ref)


def appeal(ctx: ServiceContext, measure_id: str, *, at: datetime | None = None,
           document_ref: str | None = None) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.APPEAL_LODGED, at=at,
                        document_ref=document_ref)


def cdk_decision(ctx: ServiceContext, measure_id: str, upheld: bool, *,
                 at: datetime | None = None, document_ref: str | None = None) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.CDK_DECISION, at=at, upheld=upheld,
                        document_ref=document_ref)


def suspend(ctx: ServiceContext, measure_id: str, *, at: datetime | None = None,
            document_ref: str | None = None) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.SUSPENDED, at=at,
                        document_ref=document_ref)


def withdraw(ctx: ServiceContext, measure_id: str, *, at: datetime | None = None,
             note: str | None = None, document_ref: str | None = None) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.WITHDRAWN, at=at, note=note,
                        document_ref=document_ref)


def place_on_agenda(ctx: ServiceContext, measure_id: str, *, at: datetime | None = None,
                    meeting_id: str | None = None, document_ref: str | None = None
                    ) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.AGENDA_PLACED, at=at,
                        meeting_id=meeting_id, document_ref=document_ref)


def account_given(ctx: ServiceContext, measure_id: str, *, at: datetime | None = None,
                  note: str | None = None, document_ref: str | None = None) -> MeasureView:
    return record_event(ctx, measure_id, MeasureEventKind.ACCOUNT_GIVEN, at=at, note=note,
                        document_ref=document_ref)


def record_action(ctx: ServiceContext, measure_id: str, kind: str, values: dict[str, Any]
                  ) -> MeasureView:
    """One event from the measure detail's dialogs: ``values`` holds at, and per kind how
    (publication), upheld (CdK decision), note and document_ref; the same checks as the CLI."""
    kind_v = _parse(MeasureEventKind, kind, tr("gebeurtenis", "event"))
    at, ref = values.get("at"), values.get("document_ref")
    if kind_v is MeasureEventKind.PUBLISHED:
        return publish(ctx, measure_id, values.get("how") or "", at=at, document_ref=ref)
    if kind_v in (MeasureEventKind.ISSUED, MeasureEventKind.NOTIFIED):
        raise ValidationError(tr(f'{kind_v.label_nl}: niet via dit formulier', "not an action here"))
    return record_event(ctx, measure_id, kind_v, at=at, upheld=values.get("upheld"),
                        note=values.get("note"), document_ref=ref)
