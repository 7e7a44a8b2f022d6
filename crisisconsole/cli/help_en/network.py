"""English help of `crisisconsole request`, `partner` and `roster` (the network)."""

HELP = {
    # request
    "leg een uitvraag vast": "record a request",
    "leg een antwoord vast (als melding)": "record an answer (as a log entry)",
    "de partner weigert": "the partner declines",
    "trek de uitvraag in": "withdraw the request",
    "toon de uitvragen": "list the requests",
    "partner: id of exacte naam": "partner: id or exact name",
    "genoemde persoon (met of zonder --to)": "named person (with or without --to)",
    "termijn": "deadline",
    "gevraagd om (standaard nu)": "asked at (default now)",
    "onderwerp waarvoor het nodig is": "topic it is needed for",
    "besluit waarvoor het nodig is": "decision it is needed for",
    "deels beantwoord": "partly answered",
    "alleen openstaande": "open ones only",
    "alleen te late": "overdue ones only",
    "ten hoogste N (0: alle)": "at most N (0: all)",
    "moment waarop te laat geldt (standaard nu)": "time against which overdue is judged (default now)",
    # partner
    "voeg een partner toe (alleen de aide)": "add a partner (aide only)",
    "toon de partners": "list the partners",
    "lees partners uit CSV of vCard": "read partners from CSV or vCard",
    "schrijf de partners als CSV of vCard": "write the partners as CSV or vCard",
    "wat de partner bijdraagt": "what the partner contributes",
    "24/7-nummer": "24/7 number",
    "gemeente (leeg: alle)": "municipality (empty: all)",
    # roster
    "leg een wissel vast": "record a shift change",
    "toon wie dienst heeft": "show who is on duty",
}
