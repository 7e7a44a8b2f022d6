"""English help of `crisisconsole profile` and `setting`."""

HELP = {
    # profile
    "voeg een profiel toe (alleen aide)": "add a profile (aide only)",
    "toon de profielen": "list the profiles",
    "wijzig de rol van een profiel (alleen aide)": "change the role of a profile (aide only)",
    "weergavenaam en functie": "display name and function",
    "stel een nieuw geheim in voor het eigen profiel": "set a new secret for your own profile",
    "nieuw geheim voor een ander profiel dat het zijne kwijt is (alleen aide)":
        "new secret for another profile that lost its own (aide only)",
    "ken de kaartsleutel toe aan een aide of burgemeester": "grant the cards key to an aide or mayor",
    "herstel de kaartsleutel met de herstelcode en kies een nieuw geheim (aide die het geheim "
    "kwijt is)":
        "restore the cards key with the recovery code and choose a new secret (an aide who lost "
        "the secret)",
    'weergavenaam, bv. "Anna de Vries"': 'display name, e.g. "Anna de Vries"',
    'functie, bv. "directe ondersteuner"': 'function, e.g. "direct aide"',
    "standaard: het handelende profiel": "default: the acting profile",
    # setting
    "toon de instellingen": "list the settings",
    "wijzig een instelling (alleen de aide)": "change a setting (aide only)",
}
