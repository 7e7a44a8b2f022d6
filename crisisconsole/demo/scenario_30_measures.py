"""Demo part for the ordinance tracker: a noodverordening issued at GRIP 3 with two of the three
notifications sent (the CdK still owed, so overdue), the next council meeting in five days, and
an urgent risk-area designation (art. 174b) that ends tonight."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from crisisconsole.clock import AMSTERDAM
from crisisconsole.demo.build import DemoWorld
from crisisconsole.services import council, measures

SEATS = 29


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

    start = world.at(400)
    tonight = _local(world.now, time(23, 30))
    if tonight <= world.now:
        tonight += timedelta(days=1)
    area = measures.issue_measure(
        ctx, world.crisis_id, "risicogebied-174b", "Spoedaanwijzing veiligheidsrisicogebied centrum",
        at=start, planned_end=min(tonight, start + timedelta(hours=12)),
        area="Binnenstad en stationsgebied (preventief fouilleren)",
    )
    world.extra["measures"] = {"ordinance": ordinance.id, "risk_area": area.id,
                               "meeting": meeting.id}
