"""English help of `crisisconsole picture` (the situational picture), `decision` and `action`."""

HELP = {
    # picture
    "toon het actuele totaalbeeld": "show the current situational picture",
    "leg het beeld vast (onveranderlijk)": "record the picture (immutable)",
    "exporteer een momentopname": "export a snapshot",
    "controleer de hash van een momentopname": "verify the hash of a snapshot",
    "toon de momentopnamen": "list the snapshots",
    "oordeel: knelpunt, verwachting, dilemma...": "assessment: bottleneck, expectation, dilemma...",
    "'sinds de vorige briefing' vanaf dit tijdstip (standaard: de laatste momentopname)":
        "'since the last briefing' from this time (default: the latest snapshot)",
    "final: het laatste situatiebeeld (EDXL-SitRep reportVersion Final)":
        "final: the last situation report (EDXL-SitRep reportVersion Final)",
    "sheet: het briefingblad op één A4 (alleen pdf)": "sheet: the briefing sheet on one A4 (pdf only)",
    # decision
    "leg een besluit vast": "record a decision",
    "toon de besluiten": "list the decisions",
    "melding waarop het rust": "log entry it rests on",
    "momentopname waarop het rust": "snapshot it rests on",
    # action
    "leg een actie vast": "record an action",
    "wijzig de status van een actie": "change the status of an action",
    "toon de acties": "list the actions",
}
