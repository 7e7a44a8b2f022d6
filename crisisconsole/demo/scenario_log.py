"""Demo part: the incident log of the unrest after the cup match, about 8 hours, from the
stadium via the station to looting on the Marktplein. Mixed reliability, corrections,
confirmations (by a named source and by a corroborating entry) and a few contradictions.

Entries are recorded a few minutes after they happened (some much later: late entries), so the
store clock is moved along the scenario while this part runs, then put back."""

from __future__ import annotations

import random

from crisisconsole.clock import FakeClock
from crisisconsole.demo.world import DemoWorld
from crisisconsole.services.log.attachments import Attachment, attach_to_entry
from crisisconsole.services.log.entries import add_entry, assess_entry, correct_entry, link_entries

DAMAGE_LIST = (b"pand;schade\nMarktplein 3;ruit ingegooid\nMarktplein 5;ruit ingegooid\n"
               b"Marktplein 8;deur geforceerd\nMarktplein 12;geplunderd (telefoonwinkel)\n"
               b"Marktplein 14;geplunderd (juwelier)\n")

# (minute, source, person, discipline, location, text, reliability, grade, confirmed_by)
STORY = [
    (5, "politie", "CvD", "politie", "Stadion De Waalkant", "Wedstrijd afgelopen, 2-3 voor Rivierstad. Sfeer bij noordtribune grimmig.", "confirmed", "B2", "politie CvD"),
    (12, "social_media", "X/Twitter", None, "Stadion De Waalkant", "Oproep 'iedereen naar het station, wachten op de Rivierstad-bussen'", "hearsay", "C3", None),
    (18, "politie", "ME-pelotonscommandant", "politie", "Stationsplein", "Groep van ca. 150 supporters loopt richting station", "confirmed", "A2", "ME-peloton 2"),
    (25, "burger", "112-melder", None, "Stationsweg", "Melder ziet vuurwerk en gooien met flessen bij de kiosk", "hearsay", "D3", None),
    (31, "brandweer", "OvD", "brandweer", "Stationsweg", "Containerbrand Stationsweg, 1 TS ter plaatse", "confirmed", "A1", "brandweer OvD"),
    (38, "ghor", "CvD GHOR", "ghor", "Stationsplein", "2 lichtgewonden (snijwonden), ter plaatse behandeld", "hearsay", "B3", None),
    (44, "media", "Omroep Gelderland", None, "Station Waalbergen", "Omroep meldt: treinverkeer Waalbergen stilgelegd", "hearsay", "C3", None),
    (52, "veiligheidsregio", "ROT-IM", "bevolkingszorg", "Station Waalbergen", "NS bevestigt: geen treinen tot 22.00 uur, bussen ingezet", "confirmed", "A2", "NS OCCR"),
    (63, "politie", "SGBO", "politie", "Binnenstad", "Groepen verplaatsen zich van station naar binnenstad via de Brugstraat", "confirmed", "B2", "politie SGBO"),
    (71, "social_media", "Instagram", None, "Marktplein", "Video: ruiten ingegooid bij juwelier aan het Marktplein", "hearsay", "C2", None),
    (78, "burger", "winkelier", None, "Marktplein 12", "Winkelier belt: 'ze plunderen de telefoonwinkel'", "hearsay", "D2", None),
    (84, "politie", "ME-pelotonscommandant", "politie", "Marktplein", "Plunderingen Marktplein bevestigd, ME-inzet gestart", "confirmed", "A1", "ME-peloton 1"),
    (92, "gemeente", "team OOV", "gemeente", "Stadhuis", "Burgemeester geïnformeerd, overweegt noodverordening binnenstad", "confirmed", "A1", "gemeente OOV"),
    (101, "ghor", "CvD GHOR", "ghor", "Marktplein", "6 gewonden, waarvan 2 naar Radboudumc (1 agent)", "hearsay", "B2", None),
    (108, "om", "OvJ", "om", "Marktplein", "OvJ: aanhoudingen voor openlijke geweldpleging, snelrecht voorbereid", "confirmed", "A1", "OvJ van dienst"),
    (117, "social_media", "Telegram", None, "Binnenstad", "Oproep om 21.00 uur 'af te rekenen' bij het politiebureau", "hearsay", "E4", None),
    (126, "politie", "SGBO", "politie", "Politiebureau Centrum", "Extra beveiliging politiebureau; geen groepen gezien", "confirmed", "B2", "politie SGBO"),
    (138, "media", "NOS", None, "Marktplein", "NOS meldt een dode bij de rellen", "hearsay", "C5", None),
    (145, "ghor", "CvD GHOR", "ghor", "Binnenstad", "Geen dodelijke slachtoffers bekend bij GHOR", "confirmed", "A1", "GHOR CvD"),
    (160, "brandweer", "OvD", "brandweer", "Lange Kerkstraat", "Brand in scooter, overgeslagen naar gevel; uitslaande brand voorkomen", "confirmed", "A2", "brandweer OvD"),
    (175, "gemeente", "communicatie", "communicatie", "Binnenstad", "NL-Alert verstuurd: mijd de binnenstad", "confirmed", "A1", "gemeente communicatie"),
    (190, "veiligheidsregio", "ROT-IM", "bevolkingszorg", "Sporthal De Bongerd", "Opvang ingericht voor gestrande reizigers (ca. 80 personen)", "confirmed", "A2", "ROT bevolkingszorg"),
    (210, "politie", "SGBO", "politie", "Marktplein", "23 aanhoudingen tot nu toe", "confirmed", "A1", "politie SGBO"),
    (232, "burger", "bewoner", None, "Havenkade", "Groep jongeren met bivakmutsen richting Havenkade", "hearsay", "D3", None),
    (255, "social_media", "TikTok", None, "Havenkade", "Livestream toont vernielingen aan bushokjes Havenkade", "hearsay", "C2", None),
    (280, "politie", "ME-pelotonscommandant", "politie", "Havenkade", "Groep Havenkade uiteengedreven, rust keert terug", "confirmed", "A2", "ME-peloton 2"),
    (320, "gemeente", "wijkteam", "gemeente", "Marktplein", "Schadeopname Marktplein: 9 winkels beschadigd", "hearsay", "B3", None),
    (370, "om", "OvJ", "om", None, "Snelrechtzittingen gepland voor 14 verdachten", "confirmed", "A1", "OvJ van dienst"),
    (420, "veiligheidsregio", "ROT-IM", "bevolkingszorg", "Station Waalbergen", "Treinverkeer hervat, opvang De Bongerd afgeschaald", "confirmed", "A2", "NS OCCR"),
    (462, "politie", "SGBO", "politie", "Binnenstad", "Binnenstad rustig, ME in reserve", "confirmed", "B2", "politie SGBO"),
]

FILLER_PLACES = ["Stadion De Waalkant", "Stationsplein", "Brugstraat", "Marktplein",
                 "Lange Kerkstraat", "Havenkade", "Binnenstad", "Stationsweg", "Parkeergarage Markt"]
FILLER = [
    ("politie", "politie", "Surveillance {place}: {n} personen, situatie gespannen"),
    ("politie", "politie", "Cameratoezicht {place}: groep van ca. {n} personen"),
    ("brandweer", "brandweer", "Melding kleine brand (afval) {place}, geblust"),
    ("ghor", "ghor", "Ambulance ingezet {place}, {n} patiënt(en)"),
    ("gemeente", "gemeente", "Handhaving meldt afzettingen {place} geplaatst"),
    ("social_media", None, "Bericht over ME-inzet {place}, {n} keer gedeeld"),
    ("burger", None, "Bewoner meldt schreeuwende groep bij {place}"),
    ("media", None, "Verslaggever ter plaatse bij {place}: veel politie op de been"),
    ("veiligheidsregio", "bevolkingszorg", "Informatienummer: {n} vragen van bewoners over {place}"),
]
PERSONS = {"politie": "meldkamer", "brandweer": "meldkamer", "ghor": "RAV", "gemeente": "handhaving",
           "social_media": "webcare", "burger": "112-melder", "media": "redactie",
           "veiligheidsregio": "ROT-IM"}


def fill(world: DemoWorld) -> None:
    store = world.ctx.store
    original_clock = store.clock
    clock = FakeClock(world.start)
    store.clock = clock
    try:
        _fill(world, clock)
    finally:
        store.clock = original_clock


def _fill(world: DemoWorld, clock: FakeClock) -> None:
    rng = random.Random(3)
    ctx = world.ctx
    plan = []
    for item in STORY:
        plan.append(item)
    for _ in range(130):
        minute = rng.uniform(2, 470)
        source, discipline, pattern = rng.choice(FILLER)
        place = rng.choice(FILLER_PLACES)
        text = pattern.format(place=place, n=rng.randint(2, 60))
        tag = "confirmed" if rng.random() < 0.35 else "hearsay"
        grade = rng.choice([None, "B2", "C3", "B3", "D4", "A2"])
        plan.append((minute, source, PERSONS[source], discipline, place, text, tag, grade,
                     f"{source} ter plaatse" if tag == "confirmed" else None))
    ids: dict[int, str] = {}
    extra: dict[str, str] = {}

    def story(i: int) -> str:
        return ids[i]  # KeyError while that entry is not recorded yet: the act waits

    acts = [  # (minute, act) in story time; each is done at that time on the store clock
        (106, lambda: correct_entry(ctx, story(13), "7 gewonden, waarvan 2 naar Radboudumc "
                                    "(1 agent)", "telling GHOR bijgewerkt")),
        (150, lambda: correct_entry(ctx, story(13), "7 gewonden, waarvan 3 naar Radboudumc "
                                    "(1 agent)", "derde patiënt alsnog vervoerd")),
        (90, lambda: correct_entry(ctx, story(10), "Winkelier belt: 'ze plunderen de "
                                   "telefoonwinkel en de juwelier'", "aanvulling melder")),
        (330, lambda: correct_entry(ctx, story(26), "Schadeopname Marktplein: 11 winkels "
                                    "beschadigd", "twee panden later gemeld")),
        (332, lambda: attach_to_entry(ctx, story(26), [Attachment(
            "schadeopname-marktplein.csv", DAMAGE_LIST, "text/csv")])),
        (87, lambda: assess_entry(ctx, story(9), "confirmed", corroborated_by=story(11),
                                  grade="B1", reason="ME ter plaatse bevestigt ingegooide ruiten")),
        (88, lambda: assess_entry(ctx, story(10), "confirmed", by="ME-peloton 1", grade="B2")),
        (112, lambda: assess_entry(ctx, story(13), "confirmed", by="GHOR CvD", grade="A2")),
        (60, lambda: assess_entry(ctx, story(6), "confirmed", corroborated_by=story(7),
                                  reason="NS bevestigt stillegging")),
        (290, lambda: assess_entry(ctx, story(24), "confirmed", corroborated_by=story(25),
                                   grade="B2")),
        (147, lambda: link_entries(ctx, story(18), story(17), "contradicts")),
        (152, lambda: assess_entry(ctx, story(17), "refuted", by="GHOR CvD",
                                   reason="GHOR en politie: geen dodelijke slachtoffers")),
        (129, lambda: link_entries(ctx, story(16), story(15), "contradicts")),
        (258, lambda: link_entries(ctx, story(24), story(23), "follows_up")),
        (285, lambda: link_entries(ctx, story(25), story(24), "follows_up")),
        (340, lambda: extra.setdefault("shops", add_entry(
            ctx, world.crisis_id, "Ondernemersvereniging: 4 winkels beschadigd", "gemeente",
            person="ondernemersloket", discipline="gemeente", location="Marktplein",
            occurred_at=world.at(335), grade="C3", origin_kind="demo").id)),
        (342, lambda: link_entries(ctx, extra["shops"], story(26), "contradicts")),
    ]
    events = []
    for index, (minute, *rest) in enumerate(plan):
        delay = rng.uniform(1, 6) if index % 23 != 5 else rng.uniform(45, 90)  # a few late
        events.append((world.at(minute + delay), index, world.at(minute), rest))
    for number, (minute, act) in enumerate(acts):
        events.append((world.at(minute), 10_000 + number, None, act))
    events.sort(key=lambda e: (e[0], e[1]))
    waiting: list = []
    for when, index, occurred, rest in events:
        clock.set(max(min(when, world.now), clock.now()))
        if occurred is None:
            waiting.append(rest)
        else:
            source, person, discipline, location, text, tag, grade, confirmed_by = rest
            ids[index] = add_entry(ctx, world.crisis_id, text, source, person=person,
                                   discipline=discipline, location=location,
                                   occurred_at=occurred, reliability=tag, grade=grade,
                                   confirmed_by=confirmed_by, origin_kind="demo").id
        still = []
        for act in waiting:
            try:
                act()
            except KeyError:
                still.append(act)
        waiting = still
    by_story = [ids[i] for i in range(len(STORY))]
    other_id = extra["shops"]
    all_ids = [*ids.values(), other_id]
    world.extra["log_entries"] = all_ids
    world.extra["log_contradictions"] = [(by_story[16], by_story[15]),
                                         (other_id, by_story[26])]
    world.extra["log_refuted"] = [by_story[17]]
    world.extra["log_corrected"] = [by_story[13], by_story[10], by_story[26]]
    world.extra["log_looting"] = by_story[11]
