"""Demo part: person-level briefing cards for the unrest after the cup match. All persons and
organisations are fictitious; facts come through mixed channels with mixed grades."""

from __future__ import annotations

from crisisconsole.demo.world import DemoWorld
from crisisconsole.services.cards import person_cards as cards

POLICE = ("Politie Oost-Nederland, district Waalbergen", "wpg16", "Wet politiegegevens art. 16")
OM = ("OM Arrondissementsparket Gelderland", "wjsg39f",
      "Wet justitiële en strafvorderlijke gegevens art. 39f")
OWN = ("Gemeente Waalbergen, team OOV", "own_observation", "art. 6 lid 1 sub e AVG (openbare taak)")
OPEN = ("Open bron (openbaar account)", "open_source", "art. 6 lid 1 sub e AVG (openbare taak)")
PARENTS = ("Gemeente Waalbergen, publiekszaken", "other", "art. 6 lid 1 sub d AVG (vitaal belang)")
PURPOSE = "handhaving openbare orde tijdens de onrust na het bekerduel"

CARDS = [
    {"name": "Ruud Verhoef", "role": "leider supportersgroep", "year": 1984, "aliases": ["De Ruud"],
     "organisation": "Supportersvereniging Noordzij", "facts": [
        ("who", "Aanspreekpunt en leider van de harde kern, ca. 60 personen", POLICE, "confirmed",
         "B2", 30, False),
        ("background", "Stadionverbod 2023–2025 na ongeregeldheden bij uitwedstrijd", OM,
         "confirmed", "A1", 45, True),
        ("expected_actions", "Kondigt via groepsapp een 'mars naar het centrum' aan om 21.00 uur",
         OPEN, "hearsay", "C3", 70, False)]},
    {"name": "Sanne de Wit", "role": "organisator demonstratie", "year": 1996, "aliases": [],
     "organisation": "Comité Veilig Waalbergen", "facts": [
        ("who", "Heeft de demonstratie op het Marktplein aangemeld (150 deelnemers)", OWN,
         "confirmed", "A2", 20, False),
        ("expected_actions", "Wil de demonstratie verplaatsen naar het station", OPEN, "hearsay",
         "D3", 95, False)]},
    {"name": "Milan Bakker", "role": "vermiste tiener (melding ouders)", "year": 2010,
     "aliases": [], "organisation": None, "facts": [
        ("who", "15 jaar, door de ouders als vermist gemeld na de wedstrijd", PARENTS,
         "confirmed", "B1", 110, True),
        ("origin", "Laatst gezien bij de noordtribune, samen met twee vrienden", POLICE, "hearsay",
         "C3", 125, True)]},
    {"name": "Supportersvereniging Noordzij", "role": "supportersorganisatie", "kind": "organisation",
     "year": None, "aliases": ["SV Noordzij"], "organisation": None, "facts": [
        ("who", "Officiële supportersvereniging, ca. 1.200 leden, bestuur werkt mee", OWN,
         "confirmed", "A1", 15, False),
        ("expected_actions", "Bestuur roept leden op rustig naar huis te gaan", OPEN, "confirmed",
         "B2", 100, False)]},
    {"name": "Youssef el Idrissi", "role": "woordvoerder buurtbewoners", "year": 1979,
     "aliases": [], "organisation": "Bewonersgroep Stationskwartier", "facts": [
        ("background", "Eerder bemiddelaar bij buurtonrust 2022", OWN, "hearsay", None, 80,
         False)]},
]


def fill(world: DemoWorld) -> None:
    ids = []
    for index, spec in enumerate(CARDS):
        ctx = world.ctx if index % 2 == 0 else world.mayor_ctx
        card = cards.add_card(world.ctx, world.crisis_id, spec["name"], spec.get("kind"),
                              aliases=spec["aliases"], year_of_birth=spec["year"],
                              organisation=spec["organisation"], role_in_crisis=spec["role"])
        ids.append(card.id)
        for question, statement, (org, channel, basis), tag, grade, minutes, no_share in spec[
                "facts"]:
            cards.add_fact(ctx, card.id, statement, source_org=org, channel=channel,
                           legal_basis=basis, purpose=PURPOSE, reliability=tag, grade=grade,
                           question=question, received_at=world.at(minutes),
                           no_onward_sharing=no_share)
    cards.add_note(world.ctx, ids[0], "Alleen delen in de driehoek; OM-gegevens niet verder "
                   "verstrekken zonder toestemming OvJ.")
    cards.add_note(world.ctx, ids[2], "Zodra de tiener terecht is: kaart laten verwijderen.")
    entries = world.extra.get("log_entries") or []
    for card_id, entry_id in zip(ids[:2], entries[:2], strict=False):
        cards.link_entry(world.ctx, card_id, entry_id)
    cards.show_card(world.mayor_ctx, ids[0], "briefing burgemeester voor GBT-overleg")
    world.extra["cards"] = ids
