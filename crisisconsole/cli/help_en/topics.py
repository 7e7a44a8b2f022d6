"""English help of `crisisconsole topic` (the topics of the picture)."""

HELP = {
    "toon de onderwerpen": "list the topics",
    "toon een onderwerp met zijn meldingen": "show a topic with its log entries",
    "geef een onderwerp een naam": "give a topic a name",
    "voeg onderwerpen samen in TOPIC": "merge topics into TOPIC",
    "splits meldingen af tot een nieuw onderwerp": "split log entries off into a new topic",
    "verplaats meldingen naar TOPIC": "move log entries to TOPIC",
    "zet een onderwerp vast bovenaan": "pin a topic to the top",
    "markeer een onderwerp als afgehandeld": "mark a topic as closed",
    "de stand van een onderwerp in één zin": "the state of a topic in one sentence",
    "ook afgehandelde onderwerpen": "closed topics too",
    "crisis (standaard: die van het onderwerp)": "crisis (default: the topic's)",
    '"" zet de automatische naam terug': '"" restores the automatic name',
    "niet meer vast": "unpin",
    "heropen": "reopen",
    '"" zet de automatische stand terug': '"" restores the automatic state',
}
