"""Demo part: the crisis team's judgement, decisions and actions, and the picture the mayor was
briefed from (a snapshot taken at the briefing). Decisions rest on log entries of the log part
when it is installed."""

from __future__ import annotations

from crisisconsole.demo.world import DemoWorld
from crisisconsole.services.log.queries import search_entries
from crisisconsole.services.picture.actions import add_action, set_action_status
from crisisconsole.services.picture.decisions import add_decision
from crisisconsole.services.picture.notes import add_note
from crisisconsole.services.picture.snapshots import take_snapshot


def _entries(world: DemoWorld, words: str, count: int = 1) -> list[str]:
    if not world.extra.get("log_entries"):
        return []
    return [hit.entry.id for hit in search_entries(world.ctx.store, world.crisis_id, words,
                                                   limit=count)]


def fill(world: DemoWorld) -> None:
    ctx, crisis = world.ctx, world.crisis_id
    looting = [world.extra["log_looting"]] if world.extra.get("log_looting") else []
    notes = [
        ("summary", "Na de bekerwedstrijd trokken groepen supporters via het station naar de "
                    "binnenstad; plunderingen op het Marktplein. De binnenstad is nu rustig, "
                    "ME in reserve."),
        ("bottleneck", "ME-capaciteit na 02.00 uur onzeker: bijstand uit buurregio nodig."),
        ("bottleneck", "Opvang De Bongerd draait op vrijwilligers; aflossing ontbreekt."),
        ("forecast", "Nieuwe oproepen op sociale media voor morgenavond; herhaling mogelijk."),
        ("dilemma", "Noodverordening verlengen (rust) of laten vervallen (proportionaliteit)?"),
        ("contact", "OvJ van dienst — via meldkamer politie, 24/7"),
        ("contact", "Griffier — voor ingelaste raadsvergadering, tel. via bodedienst"),
        ("contact", "Woordvoerder gemeente — communicatie, piket"),
    ]
    for kind, text in notes:
        add_note(ctx, crisis, kind, text)
    ordinance = add_decision(
        world.mayor_ctx, crisis, "Noodverordening binnenstad vanaf 21.00 uur",
        "Plunderingen bevestigd door ME; nieuwe oproepen tot geweld; ernstige vrees voor "
        "verdere wanordelijkheden (Gemeentewet art. 176).",
        entry_ids=looting + _entries(world, "noodverordening"), decided_by="burgemeester",
        decided_at=world.at(95))
    alert = add_decision(
        world.mayor_ctx, crisis, "Bevolking waarschuwen via NL-Alert: mijd de binnenstad",
        "Groepen verplaatsen zich door de binnenstad; publiek moet weg blijven.",
        entry_ids=_entries(world, "binnenstad", 2), decided_by="burgemeester",
        decided_at=world.at(170))
    actions = [
        ("Noodverordening publiceren in het gemeenteblad", "juridisch adviseur", 120,
         ordinance.id, "done"),
        ("Raad, CdK en hoofdofficier informeren over de noodverordening", "directe ondersteuner",
         150, ordinance.id, "open"),  # overdue: the deadline has passed
        ("NL-Alert opstellen en laten uitzenden", "communicatieadviseur", 180, alert.id, "done"),
        ("Aflossing vrijwilligers opvang De Bongerd regelen", "teamleider bevolkingszorg",
         world_minutes_until_now(world) + 120, None, "open"),
        ("Schadeopname winkels Marktplein afronden", "wijkteam", world_minutes_until_now(world)
         + 600, None, "open"),
        ("Persconferentie voorbereiden", "woordvoerder", 200, None, "dropped"),
    ]
    for text, owner, minute, decision_id, status in actions:
        item = add_action(ctx, crisis, text, owner, due=world.at(minute), decision_id=decision_id)
        if status != "open":
            set_action_status(ctx, item.id, status)
    take_snapshot(ctx, crisis, purpose="briefing")
    world.extra["picture"] = {"decisions": [ordinance.id, alert.id]}


def world_minutes_until_now(world: DemoWorld) -> int:
    return int((world.now - world.start).total_seconds() // 60)
