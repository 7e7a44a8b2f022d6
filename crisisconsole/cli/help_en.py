"""English for the command line's help, in one place: the commands are declared with Dutch
help (the default language); in English mode ``translate_help`` swaps in the English below.
A help text without an entry here stays Dutch."""

from __future__ import annotations

import argparse

from crisisconsole.i18n import language

HELP_EN = {
    "Crisisconsole voor de directe ondersteuner van de burgemeester.":
        "Crisis console for the mayor's aide.",
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
    "benchmarks": "benchmarks",
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
    "open een crisis": "open a crisis",
    "toon de crises": "list the crises",
    "sluit een crisis": "close a crisis",
    "wijzig het GRIP-niveau": "change the GRIP level",
    "dit is een oefening": "this is an exercise",
}


def translate_help(parser: argparse.ArgumentParser) -> None:
    """In English mode, the parser's help texts (and its subcommands') in English."""
    if language() != "en":
        return
    _translate(parser, set())


def _translate(parser: argparse.ArgumentParser, seen: set[int]) -> None:
    if id(parser) in seen:
        return
    seen.add(id(parser))
    if parser.description in HELP_EN:
        parser.description = HELP_EN[parser.description]
    for action in parser._actions:  # argparse keeps no public list of them
        if isinstance(action.help, str) and action.help in HELP_EN:
            action.help = HELP_EN[action.help]
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if isinstance(choice.help, str) and choice.help in HELP_EN:
                    choice.help = HELP_EN[choice.help]
            for child in action.choices.values():
                _translate(child, seen)
