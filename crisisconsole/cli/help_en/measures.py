"""English help of `crisisconsole measure` (emergency ordinances, emergency orders and other
measures)."""

HELP = {
    "leg een uitgevaardigde maatregel vast": "record an issued measure",
    "leg vast dat een partij is ingelicht": "record that a party has been informed",
    "leg de bekendmaking vast (hoe en wanneer)": "record the publication (how and when)",
    "beroep bij de CdK ingesteld": "appeal lodged with the CdK",
    "geschorst door de CdK": "suspended by the CdK",
    "ingetrokken": "withdrawn",
    "bekrachtiging geagendeerd bij de griffie": "ratification put on the agenda by the council clerk",
    "verantwoording aan de raad afgelegd": "account given to the council",
    "bewust van kracht houden na afschalen of sluiten van de crisis (beantwoordt de vraag om in "
    "te trekken)":
        "deliberately keep in force after the crisis is scaled down or closed (answers the "
        "question to withdraw)",
    "beslissing van de CdK op het beroep": "the CdK's decision on the appeal",
    "toon een maatregel met status en verplichtingen": "show a measure with its state and duties",
    "toon de maatregelen van een crisis": "list the measures of a crisis",
    "verplichtingen die te laat zijn": "duties that are overdue",
    "kennisgevingsbrief als PDF": "notification letter as PDF",
    "termijnen: meldtermijn en agenderen (tonen of instellen)":
        "deadlines: notification deadline and agenda lead time (show or set)",
    "leg vast of Wvr art. 39 van toepassing is op de crisis":
        "record whether Wvr art. 39 applies to the crisis",
    "open termijnen als iCalendar met herinneringen (Outlook)":
        "open deadlines as iCalendar with reminders (Outlook)",
    "noodverordening, noodbevel, risicogebied-151b, risicogebied-174b, gebiedsverbod-172a, "
    "ophouding-176a":
        "noodverordening (emergency ordinance), noodbevel (emergency order), risicogebied-151b, "
        "risicogebied-174b (security risk area), gebiedsverbod-172a (area ban), ophouding-176a "
        "(administrative detention)",
    "wanneer het gebeurde (standaard: nu)": "when it happened (default: now)",
    "klok verzetten (alleen demo/benchmark)": "set the clock (demo/benchmark only)",
    "gebied": "area",
    "tekst van de maatregel (gaat als bijlage bij de brieven)":
        "text of the measure (enclosed with the letters)",
    "gebiedsverbod (172a) dat dit besluit verlengt": "area ban (172a) that this decision extends",
    "vindplaats, bv. gemeenteblad-nummer": "reference, e.g. municipal gazette number",
    "waarom de maatregel blijft": "why the measure stays in force",
    "beoordeel op dit tijdstip": "assess at this time",
    "standaard: intrekking als de maatregel is ingetrokken":
        "default: withdrawal if the measure has been withdrawn",
    "provincie van de commissaris van de Koning (één keer; daarna onthouden als instelling van "
    "de gemeente)":
        "province of the King's Commissioner (once; then remembered as a setting of the "
        "municipality)",
    "arrondissementsparket van de hoofdofficier van justitie (één keer; daarna onthouden)":
        "district prosecutor's office of the chief public prosecutor (once; then remembered)",
    "briefhoofd voor brieven van de voorzitter van de veiligheidsregio (één keer; daarna "
    "onthouden)":
        "letterhead for letters from the chair of the Safety Region (once; then remembered)",
    "inlichtingen in het afzenderblok (telefoon, e-mail; één keer; daarna onthouden)":
        "contact details in the sender block (phone, email; once; then remembered)",
    "uren na uitvaardigen/intrekken waarna meedelen te laat is (standaard 2)":
        "hours after issuing/withdrawing after which notifying is late (default 2)",
    "dagen vóór de raadsvergadering om te agenderen (standaard 3)":
        "days before the council meeting to put it on the agenda (default 3)",
}
