"""A small picture input shared by the builder and export tests."""

from datetime import UTC, datetime, timedelta

from crisisconsole.domain.picture_input import (
    ActionInput,
    DecisionInput,
    MeasureSummary,
    NoteInput,
    PersonSummary,
    PictureEntry,
    PictureHeader,
    PictureInput,
    PictureLink,
)

T0 = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def entry(id_, minutes, source, discipline, text, tag="hearsay", **kw):
    return PictureEntry(id_, at(minutes), at(minutes + 1), source, discipline, text, tag, **kw)


HEADER = PictureHeader("c1", "Onrust", "Waalbergen", True, "3", "aide", at(120))


def make_input(**kw) -> PictureInput:
    entries = (
        entry("e1", 10, "politie", "politie", "Plundering Marktplein", "confirmed",
              last_confirmed_at=at(12), grade="A1"),
        entry("e2", 5, "burger", None, "Ze plunderen de telefoonwinkel"),
        entry("e3", 20, "social_media", None, "Dode bij de rellen"),
        entry("e4", 30, "ghor", "ghor", "Geen doden bekend", "confirmed",
              last_confirmed_at=at(31)),
        entry("e5", 40, "media", None, "Station dicht"),
        entry("e6", 41, "politie", "politie", "Station open"),
        entry("e7", 50, "burger", "gemeente", "Ingetrokken melding", withdrawn=True),
        entry("e8", 60, "media", None, "NOS: dode", "refuted"),
    )
    links = (
        PictureLink("e2", "e1", "corroborates"),
        PictureLink("e3", "e4", "contradicts"),
        PictureLink("e5", "e6", "contradicts"),
        PictureLink("e8", "e4", "contradicts"),  # settled: e8 refuted
    )
    base = dict(
        header=HEADER, entries=entries, links=links,
        measures=(MeasureSummary("m1", "noodverordening", "Noodverordening", "Binnenstad",
                                 "in_force", "van kracht", "notify_raad", "Raad informeren",
                                 at(100), True, 1),),
        persons=(PersonSummary("p1", "J.d.V. (organisator)", "person"),),
        decisions=(DecisionInput("d1", "Noodverordening", "Plunderingen", "burgemeester",
                                 at(60), ("e1",)),),
        actions=(ActionInput("a1", "Raad informeren", "aide", "open", at(90)),
                 ActionInput("a2", "Publiceren", "jurist", "done", at(80)),
                 ActionInput("a3", "Opvang", "bz", "open", at(300))),
        notes=(NoteInput("n1", "bottleneck", "ME-capaciteit", at(100), "aide"),
               NoteInput("n2", "contact", "OvJ via meldkamer", at(101), "aide")),
    )
    base.update(kw)
    return PictureInput(**base)
