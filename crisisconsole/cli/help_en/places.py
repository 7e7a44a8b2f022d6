"""English help of `crisisconsole place` (the gazetteer) and `map`."""

HELP = {
    # place
    "leg een plaats vast": "record a place",
    "importeer plaatsen uit CSV, XLSX of GeoJSON": "import places from CSV, XLSX or GeoJSON",
    "toon de plaatsen": "list the places",
    "exporteer de plaatsen (CSV of GeoJSON)": "export the places (CSV or GeoJSON)",
    "geef een plaats een andere naam erbij": "give a place another name as well",
    "corrigeer een plaats (nieuw feit, met reden)": "correct a place (new fact, with reason)",
    "verwijder een plaats (nieuw feit, met reden)": "remove a place (new fact, with reason)",
    "breedtegraad (WGS84)": "latitude (WGS84)",
    "lengtegraad (WGS84)": "longitude (WGS84)",
    "RD New x in meter (EPSG:28992)": "RD New x in metres (EPSG:28992)",
    "RD New y in meter": "RD New y in metres",
    "andere naam (mag vaker)": "other name (repeatable)",
    "gemeente (standaard die van --crisis of de nieuwste)":
        "municipality (default: that of --crisis or of the newest crisis)",
    "neem de gemeente van deze crisis": "take the municipality of this crisis",
    "vervangt de aliassen": "replaces the aliases",
    # map
    "teken de kaart van een crisis als PNG": "draw the map of a crisis as PNG",
    "leg het gebied van een maatregel vast": "record the area of a measure",
    "alleen de laatste N uur": "only the last N hours",
    "MBTiles- of PMTiles-bestand": "MBTiles or PMTiles file",
    "GeoJSON-bestand met één vlak": "GeoJSON file with one polygon",
    "neem het gebied van deze plaats": "take the area of this place",
    "neem het CAP-gebied (id; leeg: het enige)": "take the CAP area (id; empty: the only one)",
}
