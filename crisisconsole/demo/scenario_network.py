"""Demo part: the aide's network (issue 16). A directory of Waalbergen's partners with what
they contribute and their 24/7 and escalation numbers; the crisis team's roster with a shift
change; information requests in every state (answered in time and late, partly answered,
declined, withdrawn, open, and some overdue); so the Uitvragen, Tijdlijn and Evaluatie pages
and the evaluation PDF show every part of the issue. Runs before the picture part, so the
briefing snapshot names who is on duty and the directory's contacts."""

from __future__ import annotations

from typing import Any

from crisisconsole.demo.world import DemoWorld
from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.network import partners, requests, roster

PARTNERS = (
    PartnerFields("Politie Oost-Nederland, district Waalbergen", "organisation",
                  "Teamchef van dienst", None, "Openbare orde, ME-inzet en opsporing; "
                  "informatie uit het SGBO via de informatiedesk.", "0900 8844",
                  "06 1200 3400", "infodesk.waalbergen@politie.example", "politie"),
    PartnerFields("GGD Gelderland-Midden", "organisation", "DPG / GHOR-piket", None,
                  "Gewondenregistratie en psychosociale hulp. Adviseert over gezondheid.",
                  "088 355 6000", "06 5566 7788", "ghor@ggd.example", "ghor"),
    PartnerFields("Brandweer Waalbergen", "organisation", "OvD Brandweer", None,
                  "Brandbestrijding en technische hulp; meet bij branden.", "0487 112 112",
                  "06 4455 6677", None, "brandweer"),
    PartnerFields("Woningcorporatie Waalwonen", "organisation", "Manager vastgoed", None,
                  "Noodreparaties en tijdelijke huisvesting voor getroffen huurders.",
                  "0487 55 11 00", "06 1122 3344", "calamiteiten@waalwonen.example", "overig"),
    PartnerFields("J. de Vries", "person", "Afdelingshoofd Vergunningen",
                  "Gemeente Waalbergen", "Evenementen- en horecavergunningen; weet wat waar "
                  "is toegestaan.", "0487 123 456", "06 9876 5432",
                  "j.devries@waalbergen.example", "gemeente"),
    PartnerFields("mr. A. Bos", "person", "Griffier", "Gemeente Waalbergen",
                  "Roept de raad bijeen; agendeert de bekrachtiging.", "0487 123 400",
                  "06 3333 2211", "griffie@waalbergen.example", "gemeente"),
    PartnerFields("mr. C. Hendriks", "person", "Hoofdofficier van justitie",
                  "Arrondissementsparket Gelderland", "Strafrechtelijke afdoening; OvJ in "
                  "de driehoek.", "088 699 1000", "06 7777 8899", None, "om"),
    PartnerFields("drs. E. Meijer", "person", "Commissaris van de Koning", "Provincie",
                  "Toezicht op de noodverordening; beslist op beroep.", "026 359 9111",
                  None, "kabinet@provincie.example", None),
)

ROSTER = (  # minutes after the start, function, person
    (0, "burgemeester", "H. van Dam"), (0, "directe ondersteuner", "S. Kok"),
    (10, "communicatieadviseur", "L. Peters"), (20, "gemeentesecretaris", "R. Willems"),
    (20, "OvD-Bz", "M. Visser"), (30, "informatiecoördinator", "T. de Boer"),
    (240, "OvD-Bz", "F. Jansen"),  # the shift change at night
)


def topic_about(ctx: Any, crisis_id: str, word: str) -> str | None:
    """The demo's topic whose reports speak of ``word`` (the requests serve real topics)."""
    from crisisconsole.services.picture.topic_books import topic_book
    from crisisconsole.services.picture.topics import list_topics

    book = topic_book(ctx.store, crisis_id)
    for view in list_topics(ctx.store, crisis_id):
        texts = [view.title, *(book.entries[i].text for i in view.entry_ids)]
        if any(word in text.lower() for text in texts):
            return view.id
    return None


def fill(world: DemoWorld) -> None:
    ctx, crisis = world.ctx, world.crisis_id
    municipality = get_crisis(ctx.store, crisis).municipality
    made = {p.name: partners.add_partner(ctx, p, municipality=municipality) for p in PARTNERS}
    for minutes, function, person in ROSTER:
        roster.assign(ctx, crisis, function, person, at=world.at(minutes))
    police = made[PARTNERS[0].name].id
    ggd = made[PARTNERS[1].name].id
    now_min = (world.now - world.start).total_seconds() / 60

    def ask(minutes: float, to: str | None, question: str, due_after: float,
            **extra: str) -> str:
        return requests.add_request(ctx, crisis, question, world.at(minutes + due_after),
                                    to=to, asked_at=world.at(minutes), **extra)["id"]

    injured = ask(40, ggd, "Hoeveel gewonden zijn er, en waar liggen ze?", 30,
                  priority="high", topic=topic_about(ctx, crisis, "gewond"))
    requests.answer_request(ctx, injured, "Vier lichtgewonden, één ernstig gewond (Radboud).",
                            reliability="confirmed", occurred_at=world.at(60))
    crowd = ask(50, police, "Hoe groot zijn de groepen in de binnenstad nu?", 20,
                channel="phone")
    requests.answer_request(ctx, crowd, "Circa 150 supporters, in drie groepen.",
                            partial=True, occurred_at=world.at(95))
    permits = ask(70, made[PARTNERS[4].name].id, "Welke horeca heeft een ontheffing tot 04.00?",
                  60, channel="email")
    requests.answer_request(ctx, permits, "Drie zaken op het Marktplein; lijst per mail.",
                            occurred_at=world.at(170))  # late: due at 130
    housing = ask(120, made[PARTNERS[3].name].id, "Hoeveel woningen hebben schade?", 90,
                  channel="phone")
    requests.close_request(ctx, housing, "declined", "Pas morgen na inspectie bekend.",
                           at=world.at(160))
    ask(150, police, "Zijn er aanhoudingen voor plundering?", 45, priority="urgent",
        topic=topic_about(ctx, crisis, "plunder"))  # open and overdue
    ask(200, made[PARTNERS[2].name].id, "Is de brand bij de supermarkt gemeld?", 30)  # overdue
    extra = ask(210, None, "Is het station weer open?", 40, person="NS-verkeersleiding")
    requests.close_request(ctx, extra, "withdrawn", "Bevestigd via de politie.",
                           at=world.at(230))
    ask(max(0.0, now_min - 20), ggd, "Is de opvang De Bongerd op capaciteit?", 120,
        topic=topic_about(ctx, crisis, "opvang"))  # open, not yet due
    world.extra["network_requests"] = 8
    world.extra["network_partners"] = len(made)
