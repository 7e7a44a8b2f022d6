"""English help of `crisisconsole council` (council meetings)."""

HELP = {
    "raadsvergaderingen": "council meetings",
    "importeer raadsvergaderingen uit een .ics-bestand": "import council meetings from an .ics file",
    "voeg een raadsvergadering toe": "add a council meeting",
    "toon de raadsvergaderingen": "list the council meetings",
    "leg de uitkomst van een vergadering vast": "record the outcome of a meeting",
    "zittende leden van de raad op die dag (niet het aantal zetels: een vacature telt niet mee "
    "voor het quorum)":
        "sitting members of the council on that day (not the number of seats: a vacancy does "
        "not count towards the quorum)",
    "zittende leden van de raad voor nieuwe vergaderingen (standaard: als de laatste "
    "vergadering)":
        "sitting members of the council for new meetings (default: as at the last meeting)",
    "de agenda waarvan het bestand de nieuwste stand is, als het bestand zelf geen naam noemt "
    "(X-WR-CALNAME)":
        "the calendar of which the file is the latest state, if the file names none itself "
        "(X-WR-CALNAME)",
}
