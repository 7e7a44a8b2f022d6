"""English help of `crisisconsole bench` (the options come from crisisconsole/bench/*.py)."""

HELP = {
    "herhalingen (mediaan)": "repetitions (median)",
    "import: aantal CAP-berichten (standaard 10.000)":
        "import: number of CAP alerts (default 10,000)",
    "import: berichten per bestand (EDXL-DE-envelop; 1 = losse CAP-bestanden; een bestand is "
    "hoogstens 1 MB, zo'n 300 berichten)":
        "import: alerts per file (EDXL-DE envelope; 1 = separate CAP files; a file is at most "
        "1 MB, about 300 alerts)",
    "log: aantal meldingen in de crisis (standaard 1.000.000)":
        "log: number of log entries in the crisis (default 1,000,000)",
    "network: aantal meldingen voor evaluate (standaard 100000)":
        "network: number of log entries for evaluate (default 100000)",
    "picture: aantal meldingen (standaard 100000)":
        "picture: number of log entries (default 100000)",
    "ui-lag: meldingen in de grote crisis (standaard 100.000)":
        "ui-lag: log entries in the big crisis (default 100,000)",
    "verify: aantal meldingen (standaard 1.000.000)":
        "verify: number of log entries (default 1,000,000)",
    "map: aantal meldingen op de kaart (standaard 10000)":
        "map: number of log entries on the map (default 10000)",
    "map: aantal onderwerpen (standaard 200)": "map: number of topics (default 200)",
    "map: MBTiles- of PMTiles-bestand (standaard de demokaart)":
        "map: MBTiles or PMTiles file (default: the demo map)",
    "network: aantal uitvragen (standaard 10000)": "network: number of requests (default 10000)",
    "ui-lag: CAP-bestanden per import, één bericht per bestand (standaard 3000)":
        "ui-lag: CAP files per import, one alert per file (default 3000)",
    "sync: DSN van een beheerder die een kladdatabase mag maken en verwijderen":
        "sync: DSN of an administrator who may create and drop a scratch database",
    "sync: offline feiten per laptop (standaard 10000)":
        "sync: offline facts per laptop (default 10000)",
    "ui-lag: DSN van een beheerder die een kladdatabase mag maken (dan ook de sync-fase)":
        "ui-lag: DSN of an administrator who may create a scratch database (adds the sync "
        "phase)",
    "ui-lag met --dsn: feiten die de andere laptop tijdens de sync-fase pusht (standaard "
    "30.000)":
        "ui-lag with --dsn: facts the other laptop pushes during the sync phase (default "
        "30,000)",
}
