"""English help of `crisisconsole import` and `crisisconsole export`."""

HELP = {
    "importeer CAP 1.1/1.2-bestanden of mappen": "import CAP 1.1/1.2 files or folders",
    "importeer een .xlsx-, .csv- of .json-logboek": "import a .xlsx, .csv or .json log",
    "verwerk de inbox-map één keer": "process the inbox folder once",
    "koppel een kolom aan een veld (occurred_at, source, person, text, reliability, grade, "
    "location, discipline); Datum+Tijd=occurred_at voegt een datum- en een tijdkolom samen; "
    "zonder --map: de onthouden of voorgestelde koppeling":
        "map a column to a field (occurred_at, source, person, text, reliability, grade, "
        "location, discipline); Datum+Tijd=occurred_at joins a date and a time column; "
        "without --map: the remembered or suggested mapping",
    "het werkblad van een .xlsx (standaard: het eerste)": "the sheet of a .xlsx (default: the first)",
    "de kopregel (1 = eerste rij zoals de spreadsheet hem toont); standaard: de voorgestelde "
    "(--preview)":
        "the header row (1 = first row as the spreadsheet shows it); default: the suggested "
        "one (--preview)",
    "rijen met fouten: weiger het hele bestand (standaard) of sla ze over":
        "rows with errors: refuse the whole file (default) or skip them",
    "bron voor rijen zonder bronkolom": "source for rows without a source column",
    "alleen tonen, niets importeren": "only show, import nothing",
    "sla bestanden over die korter dan zoveel seconden geleden zijn gewijzigd":
        "skip files changed less than this many seconds ago",
    "een melding als CAP 1.2-bericht (voor partners)": "a log entry as a CAP 1.2 alert (for partners)",
}
