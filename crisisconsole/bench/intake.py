"""CAP import: alerts per second end to end (read, parse, check, write into a real SQLCipher
store with audit records and the FTS triggers, one transaction per file), next to only parsing
the same files with defusedxml, in the same run. The import is the product's own folder import
(``import_cap_paths``), so it includes its pipeline: each file is written in a second thread
while the next is parsed (``services/intake_cap_pipeline.py``).

The files are generated from the project's own fixture alert (the Dutch alert of
tests/fixtures/cap/valid_12.cap, fleshed out to the size of the real alerts in the CAP corpus,
about 3 kB: a paragraph of description, parameters, a resource, a polygon and geocodes); even
numbers also carry an English info block. Each copy has a unique identifier, so the benchmark
runs without the shared corpus. ``--per-file`` bundles alerts in EDXL-DE envelopes
(one transaction per envelope), as feeds deliver them; 1 means one alert per file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crisisconsole.bench.report import median, print_report
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

_ALERT = """<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>BENCH-{n}</identifier>
  <sender>meldkamer@vru.example.nl</sender>
  <sent>{sent}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <incidents>INC-{incident}</incidents>
{infos}</alert>
"""
_INFO_NL = """  <info>
    <language>nl-NL</language>
    <category>Fire</category>
    <category>Safety</category>
    <event>Grote brand</event>
    <responseType>Shelter</responseType>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <eventCode><valueName>NL-EVENT</valueName><value>BRAND-GROOT</value></eventCode>
    <onset>{sent}</onset>
    <expires>{expires}</expires>
    <senderName>Veiligheidsregio Utrecht</senderName>
    <headline>Grote brand in loods {n}</headline>
    <description>Brand in een loods op het industrieterrein De Hoek. Er komt veel rook vrij die
met de wind mee richting de woonwijken ten noordoosten trekt. De brandweer is met meerdere
eenheden ter plaatse en verwacht de brand de komende uren niet onder controle te hebben. In de
loods liggen kunststoffen opgeslagen; metingen van de luchtkwaliteit lopen. Wegen rond het
terrein zijn afgesloten voor alle verkeer.</description>
    <instruction>Houd ramen en deuren gesloten en zet ventilatie en mechanische afzuiging uit.
Vermijd het gebied. Volg de berichtgeving via de regionale omroep en NL-Alert.</instruction>
    <web>https://www.vru.example.nl/actueel</web>
    <contact>Publieksinformatienummer 0800-1351</contact>
    <parameter><valueName>bron</valueName><value>meldkamer</value></parameter>
    <parameter><valueName>incidentnummer</valueName><value>INC-{incident}</value></parameter>
    <parameter><valueName>GRIP</valueName><value>1</value></parameter>
    <parameter><valueName>windrichting</valueName><value>ZW</value></parameter>
    <resource>
      <resourceDesc>Kaart van het getroffen gebied</resourceDesc>
      <mimeType>image/png</mimeType>
      <uri>https://www.vru.example.nl/kaart/{n}.png</uri>
    </resource>
    <area>
      <areaDesc>Industrieterrein De Hoek en omliggende wijken</areaDesc>
      <polygon>52.080,5.100 52.082,5.112 52.088,5.121 52.094,5.126 52.100,5.124 52.104,5.118
52.105,5.108 52.101,5.098 52.095,5.092 52.088,5.091 52.083,5.094 52.080,5.100</polygon>
      <geocode><valueName>CBS</valueName><value>GM0344</value></geocode>
      <geocode><valueName>CBS-wijk</valueName><value>WK034401</value></geocode>
      <geocode><valueName>CBS-wijk</valueName><value>WK034402</value></geocode>
      <geocode><valueName>postcode</valueName><value>3542</value></geocode>
    </area>
  </info>
"""
_INFO_EN = """  <info>
    <language>en-GB</language>
    <category>Fire</category>
    <event>Large fire</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <effective>{sent}</effective>
    <senderName>Safety Region Utrecht</senderName>
    <headline>Large fire in warehouse {n}</headline>
    <description>Large fire in a warehouse on the De Hoek industrial estate. Heavy smoke is
drifting north-east towards residential areas. Keep windows and doors closed.</description>
    <area>
      <areaDesc>Industrial estate De Hoek</areaDesc>
      <circle>52.0900,5.1200 1.5</circle>
    </area>
  </info>
"""
_ENVELOPE_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0">
  <distributionID>BENCH-D-{n}</distributionID>
  <senderID>meldkamer@vru.example.nl</senderID>
  <dateTimeSent>{sent}</dateTimeSent>
  <distributionStatus>Actual</distributionStatus>
  <distributionType>Report</distributionType>
  <combinedConfidentiality>UNCLASSIFIED</combinedConfidentiality>
"""
_CONTENT = "  <contentObject><xmlContent><embeddedXMLContent>\n{alert}" \
           "  </embeddedXMLContent></xmlContent></contentObject>\n"


def alert_xml(n: int, sent: datetime) -> str:
    """Alert number ``n``: even numbers carry two info blocks (nl and en), odd numbers one."""
    text_sent = sent.isoformat(timespec="seconds")
    fields = {"n": n, "sent": text_sent, "incident": n // 10,
              "expires": (sent + timedelta(hours=6)).isoformat(timespec="seconds")}
    infos = _INFO_NL.format(**fields) + (_INFO_EN.format(**fields) if n % 2 == 0 else "")
    return _ALERT.format(infos=infos, **fields)


def generate(folder: Path, alerts: int, per_file: int, now: datetime) -> list[Path]:
    """Files with unique alerts, sent in the past hour, in sent order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    start = now - timedelta(hours=1)
    step = timedelta(hours=1) / max(alerts, 1)
    per_file = max(1, per_file)
    for first in range(0, alerts, per_file):
        numbers = range(first, min(first + per_file, alerts))
        if per_file == 1:
            text = '<?xml version="1.0" encoding="UTF-8"?>\n' + alert_xml(first, start + step * first)
        else:
            text = _ENVELOPE_HEAD.format(n=first, sent=start.isoformat(timespec="seconds"))
            text += "".join(_CONTENT.format(alert=alert_xml(n, start + step * n)) for n in numbers)
            text += "</EDXLDistribution>\n"
        path = folder / f"alert-{first:07d}.cap"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _parse_only(paths: list[Path]) -> float:
    from defusedxml.ElementTree import fromstring

    start = time.perf_counter()
    for path in paths:
        fromstring(path.read_bytes(), forbid_dtd=True)
    return time.perf_counter() - start


def _import_once(folder: Path, db: Path) -> tuple[float, int]:
    from crisisconsole.bench.aide import aide_context
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.services.intake.cap import import_cap_paths
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.secrets import MemorySecretStore

    store = create_database(db, MemorySecretStore(), purpose="bench")
    try:
        ctx = aide_context(store)
        crisis = open_crisis(ctx, "Benchmark", "Waalbergen")
        start = time.perf_counter()
        report = import_cap_paths(ctx, crisis.id, [folder])
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    refused = [item for item in report.items
               if item.status not in ("imported", "imported with warnings")]
    if refused:
        raise ValidationError(tr(
            f"{len(refused)} van {len(report.items)} bestanden niet geïmporteerd: "
            f"{refused[0].reason}",
            f"{len(refused)} of {len(report.items)} files not imported: {refused[0].reason}"))
    return elapsed, sum(item.added for item in report.items)


def measure(alerts: int, per_file: int, runs: int) -> dict[str, float]:
    now = datetime.now(UTC)
    parse_times, import_times = [], []
    files = entries = size = 0
    with tempfile.TemporaryDirectory(prefix="cc-bench-import-") as tmp:
        folder = Path(tmp) / "alerts"
        paths = generate(folder, alerts, per_file, now)
        files = len(paths)
        size = sum(path.stat().st_size for path in paths)
        for run in range(runs):
            parse_times.append(_parse_only(paths))
            elapsed, entries = _import_once(folder, Path(tmp) / f"run{run}.db")
            import_times.append(elapsed)
    parse_s, import_s = median(parse_times), median(import_times)
    return {
        "alerts": alerts, "files": files, "alerts_per_file": per_file, "entries": entries,
        "bytes_per_alert": round(size / alerts),
        "runs": runs, "import_s": import_s, "parse_s": parse_s,
        "alerts_per_s": alerts / import_s, "parse_ratio": import_s / parse_s,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--alerts", type=int, default=10_000,
                        help="import: aantal CAP-berichten (standaard 10.000)")
    parser.add_argument("--per-file", type=int, default=50,
                        help="import: berichten per bestand (EDXL-DE-envelop; 1 = losse CAP-bestanden;"
                             " een bestand is hoogstens 1 MB, zo'n 300 berichten)")


def run(args: argparse.Namespace) -> int:
    data = measure(max(1, args.alerts), max(1, args.per_file), max(1, min(args.runs, 3)))
    rows = [
        ("files", f"{data['files']}", f"{data['alerts_per_file']} alert(s) per file"),
        ("parse only (defusedxml)", f"{data['parse_s'] * 1000:.0f} ms", "baseline"),
        ("import end to end", f"{data['import_s'] * 1000:.0f} ms",
         f"ratio {data['parse_ratio']:.2f} (target <= 3)"),
        ("alerts per second", f"{data['alerts_per_s']:.0f}", "target >= 2000"),
    ]
    print_report(f"CAP import, {data['alerts']} alerts, median of {data['runs']} runs", rows,
                 data, args.json)
    return 0
