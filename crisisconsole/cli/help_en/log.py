"""English help of `crisisconsole log`."""

HELP = {
    "leg een melding vast": "record a log entry",
    "toon meldingen, nieuwste eerst (tijdstip gebeurd)":
        "list log entries, newest first (time it happened)",
    "zoek in het logboek (nieuwste treffers eerst)": "search the log (newest hits first)",
    "bevestig een melding": "confirm a log entry",
    "ontkracht een melding": "refute a log entry",
    "corrigeer een melding (nieuwe versie)": "correct a log entry (new version)",
    "koppel twee meldingen": "link two log entries",
    "de hele geschiedenis van een melding": "the whole history of a log entry",
    "bijlagen van meldingen": "attachments of log entries",
    "exporteer het volledige logboek": "export the complete log",
    "politie, brandweer, ghor, gemeente, ... (een nieuwe naam komt op de lijst)":
        "politie, brandweer, ghor, gemeente, ... (a new name is added to the list)",
    "persoon of kanaal": "person or channel",
    "ISO-tijdstip gebeurd (standaard: nu)": "ISO time it happened (default: now)",
    "Admiralty, bijvoorbeeld B2": "Admiralty grade, for example B2",
    "de bevestigende bron": "the confirming source",
    "bijlage(n), opgeslagen in de versleutelde database":
        "attachment(s), stored in the encrypted database",
    "ISO-tijdstip": "ISO time",
    "ondersteunende melding": "corroborating log entry",
    "de bron die haar ontkracht": "the source that refutes it",
    "sla een bijlage op als bestand": "save an attachment as a file",
    "toon één melding (met gelijktijdige correcties)":
        "show one log entry (with concurrent corrections)",
    "beslecht gelijktijdige correcties van een melding":
        "settle the concurrent corrections of a log entry",
    "de nieuwe tekst": "the new text",
    "de versie die blijft (haar id)": "the version that stays (its id)",
}
