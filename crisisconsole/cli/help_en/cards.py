"""English help of `crisisconsole card` (person cards, need to know)."""

HELP = {
    "maak een kaart (persoon of organisatie)": "create a card (person or organisation)",
    "feiten op een kaart": "facts on a card",
    "toon de kaart zelf (doel verplicht, geaudit)": "show the card itself (purpose required, audited)",
    "gemaskeerde lijst van kaarten": "masked list of cards",
    "verwijder kaarten waarvan de bewaartermijn verstreken is":
        "purge cards whose retention period has ended",
    "exporteer de kaart naar PDF (geaudit)": "export the card to PDF (audited)",
    "koppel een logboekmelding aan de kaart": "link a log entry to the card",
    "behandelnotitie": "handling note",
    "herzienings- en verwijderdatum": "review and deletion date",
    "bewaartermijn in dagen na sluiten van de crisis":
        "retention period in days after the crisis is closed",
    "alias (herhaalbaar)": "alias (repeatable)",
    "rol in de crisis (zichtbaar in gemaskeerde lijsten)": "role in the crisis (shown in masked lists)",
    "leg een feit vast (kanaal, grondslag en doel verplicht)":
        "record a fact (channel, legal basis and purpose required)",
    "corrigeer of herbeoordeel een feit (nieuw record)": "correct or regrade a fact (new record)",
    "who, origin, background, expected_actions of other":
        "who, origin, background, expected_actions or other",
    "niet verder verstrekken": "no onward sharing",
    "doel van het inzien": "purpose of viewing",
    "alle kaarten die aan de beurt zijn": "all cards that are due",
    "klok verzetten (alleen in demo- en benchmarkdatabases)":
        "set the clock (only in demo and benchmark databases)",
    "één kaart nu verwijderen (met --reason)": "purge one card now (with --reason)",
    "doel van de export": "purpose of the export",
    "herzien op (ISO)": "review on (ISO)",
    "verwijderen op (ISO)": "delete on (ISO)",
}
