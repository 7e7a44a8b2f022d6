"""English help of team mode: `server …` and `sync …`."""

HELP = {
    "de teamserver (PostgreSQL) inrichten en beheren":
        "set up and manage the team server (PostgreSQL)",
    "maak schema, rollen en rechten op de teamserver":
        "create the schema, roles and privileges on the team server",
    "verbinding van de beheerder (ADMIN_DSN)": "the administrator's connection (ADMIN_DSN)",
    "voeg een laptop toe (eigen serverrol, eenmalige inschrijfcode)":
        "add a laptop (its own server role, a one-time enrolment code)",
    "naam van de laptop": "name of the laptop",
    "rol: aide, team, mayor of viewer": "role: aide, team, mayor or viewer",
    "teammodus: deze laptop met de teamserver": "team mode: this laptop and the team server",
    "schrijf deze laptop in met de eenmalige code": "enrol this laptop with the one-time code",
    "verbinding van dit apparaat (DEVICE_DSN)": "this device's connection (DEVICE_DSN)",
    "de eenmalige inschrijfcode": "the one-time enrolment code",
    "één ronde, dan stoppen": "one round, then stop",
    "vergelijk de keten met de getuige op de teamserver (teammodus)":
        "compare the chain with the witness on the team server (team mode)",
    "staat van de sync, zonder de server te raadplegen":
        "state of the sync, without asking the server",
}
