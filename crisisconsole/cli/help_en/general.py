"""English help of the top level (`crisisconsole --help`: global options and the command list)
and of the foundation's commands: init, crisis, audit, backup, key and demo."""

HELP = {
    # The top level.
    "Crisisconsole voor de directe ondersteuner van de burgemeester.":
        "Crisis console for the mayor's aide.",
    "toon het versienummer en stop": "show the version number and exit",
    "databasebestand (standaard: gebruikersmap)": "database file (default: user folder)",
    "profiel (standaard: de eerste aide)": "profile (default: the first aide)",
    "open met de herstelcode uit FILE": "open with the recovery code in FILE",
    "uitvoer als JSON": "output as JSON",
    "uitvoer als JSON (voor of na de opdracht)": "output as JSON (before or after the command)",
    "maak een nieuwe versleutelde database": "create a new encrypted database",
    "crises (dossiers)": "crises (files)",
    "auditketen": "audit chain",
    "maak een consistente versleutelde kopie": "make a consistent encrypted copy",
    "sleutel": "key",
    "open de app op een nieuwe demodatabase": "open the app on a new demo database",
    "persoonskaarten (need to know)": "person cards (need to know)",
    "importeer CAP-berichten, spreadsheets of de inbox-map":
        "import CAP alerts, spreadsheets or the inbox folder",
    "exporteer naar uitwisselformaten": "export to exchange formats",
    "het logboek: meldingen met bron en betrouwbaarheid":
        "the log: reports with source and reliability",
    "noodverordeningen, noodbevelen en andere maatregelen":
        "emergency ordinances, emergency orders and other measures",
    "raadsvergaderingen en hun uitkomst": "council meetings and their outcome",
    "uitvragen bij partners, tot het antwoord": "requests to partners, up to the answer",
    "partners en escalatienummers (over crises heen)":
        "partners and escalation numbers (across crises)",
    "wie welke functie heeft in het crisisteam": "who holds which role in the crisis team",
    "de crisis als tijdlijn (PDF of JSON)": "the crisis as a timeline (PDF or JSON)",
    "evaluatie van de informatiepositie (PDF of JSON)":
        "evaluation of the information position (PDF or JSON)",
    "totaalbeeld (situatiebeeld)": "situational picture",
    "besluiten": "decisions",
    "acties": "actions",
    "onderwerpen van het beeld": "topics of the picture",
    "overdracht aan de volgende dienst": "handover to the next shift",
    "lokale profielen": "local profiles",
    "instellingen van de database (vastgelegd als feiten)":
        "settings of the database (recorded as facts)",
    "plaatsen van de gemeente (gazetteer)": "places of the municipality (gazetteer)",
    "de kaart (offline)": "the map (offline)",
    # init
    "weergavenaam van het eerste profiel": "display name of the first profile",
    "functie van het eerste profiel": "function of the first profile",
    # crisis
    "open een crisis": "open a crisis",
    "toon de crises": "list the crises",
    "sluit een crisis": "close a crisis",
    "wijzig het GRIP-niveau": "change the GRIP level",
    "dit is een oefening": "this is an exercise",
    "GRIP-niveau bij opening (0–5, rijk)": "GRIP level at opening (0–5, rijk)",
    "0..5 of rijk": "0..5 or rijk",
    # audit
    "controleer de auditketen, het bestand en de afgeleide tabellen (alleen-lezen)":
        "verify the audit chain, the file and the derived tables (read-only)",
    "schrijf de kop van de keten als ondertekend anker":
        "write the head of the chain as a signed anchor",
    "toon auditrecords": "list audit records",
    "controleer ook dit anker (audit anchor)": "also check against this anchor (audit anchor)",
    # key, demo
    "schrijf de herstelcode (64 hex-tekens) naar een bestand":
        "write the recovery code (64 hex characters) to a file",
    "alleen de database vullen": "only fill the database",
}

# The placeholders (metavars) of option values that are Dutch words, anywhere in the tree.
METAVARS = {"NAAM": "NAME", "TEKST": "TEXT", "WIE": "WHO", "BRON": "SOURCE"}
