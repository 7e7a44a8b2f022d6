"""Demo part for the ordinance tracker: a noodverordening issued at GRIP 3 with two of the three
notifications sent (the CdK still owed, so overdue), the next council meeting in five days, and
an urgent risk-area designation (art. 174b) that ends tonight."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from crisisconsole.clock import AMSTERDAM
from crisisconsole.demo.world import DemoWorld
from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures

SEATS = 29
EVENING_END = time(22, 0)  # the risk area ends at 22:00 when the demo is built during the day
EVENING_FROM = 17  # an end at or after 17:00 local on the day of building counts as "tonight"
MARGIN = timedelta(minutes=10)
MAX_174B = timedelta(hours=12)  # Gemeentewet art. 174b


def risk_area_times(now: datetime, opened: datetime) -> tuple[datetime, datetime]:
    """Issue time and planned end of the demo's art. 174b designation: "ends tonight".

    Built during the day: issued so that issue + 12 h (the legal maximum) and the planned end
    are the same moment this evening, 22:00 where possible; never before the crisis opened and
    never in the future. Built late at night (or too early to reach the evening): issued an hour
    ago and ending three hours from now, in the coming night. Always at most issue + 12 h.
    """
    local = now.astimezone(AMSTERDAM)
    earliest, latest = opened + MARGIN, now - MARGIN
    evening = datetime.combine(local.date(), EVENING_END, tzinfo=AMSTERDAM)
    issue = min(max(evening - MAX_174B, earliest), latest)
    end = (issue + MAX_174B).astimezone(AMSTERDAM)
    if end.date() == local.date() and end.hour >= EVENING_FROM:
        return issue, end
    issue = max(earliest, now - timedelta(hours=1))
    return issue, min(now + timedelta(hours=3), issue + MAX_174B)


def _local(day: datetime, at: time) -> datetime:
    local_day = day.astimezone(AMSTERDAM).date()
    return datetime.combine(local_day, at, tzinfo=AMSTERDAM)


def fill(world: DemoWorld) -> None:
    ctx = world.ctx
    meeting = council.add_meeting(ctx, _local(world.now + timedelta(days=5), time(19, 30)), SEATS,
                                  "Raadsvergadering (openbaar)")
    issued = world.at(175)
    ordinance = measures.issue_measure(
        ctx, world.crisis_id, "noodverordening", "Noodverordening binnenstad Waalbergen",
        at=issued, area="Binnenstad: Marktplein, Havenstraat en Stationsplein",
        body="Het is verboden zich in het aangewezen gebied op te houden zonder redelijk doel.",
        document_ref="NV-2026-01",
    )
    measures.publish(ctx, ordinance.id, "Persbericht en website gemeente; gemeenteblad",
                     at=world.at(185), document_ref="Gemeenteblad 2026, nr. 48213")
    measures.notify(ctx, ordinance.id, "raad", at=world.at(190))
    measures.notify(ctx, ordinance.id, "ovj", at=world.at(205))

    start, tonight = risk_area_times(world.now, world.start)
    area = measures.issue_measure(
        ctx, world.crisis_id, "risicogebied-174b", "Spoedaanwijzing veiligheidsrisicogebied centrum",
        at=start, planned_end=tonight,
        area="Binnenstad en stationsgebied (preventief fouilleren)",
    )
    world.extra["measures"] = {"ordinance": ordinance.id, "risk_area": area.id,
                               "meeting": meeting.id}
