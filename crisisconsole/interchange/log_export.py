"""Writing the complete log (from crisisconsole.services.log.export_data.gather_log) as JSON, CSV
or a PDF for paper: for the evaluation after the crisis and for inquiries. Nothing is left out:
every version (old texts struck through), assessment, link and withdrawal."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from html import escape
from typing import Any

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.log_rules import source_label
from crisisconsole.interchange.cell_safety import safe_row

RELIABILITY_NL = {"hearsay": "Van horen zeggen", "confirmed": "Bevestigd", "refuted": "Ontkracht"}
LINK_NL = {"corroborates": "ondersteunt", "contradicts": "spreekt tegen",
           "follows_up": "is vervolg op"}
CSV_COLUMNS = ("entry_id", "record", "record_id", "at", "occurred_at", "source", "person",
               "discipline", "location", "reliability", "grade", "version", "text", "reason",
               "actor", "confirming_source", "other_entry_id", "link_kind", "mime", "size",
               "sha256")


def to_json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def csv_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per fact: the entry, then each version, assessment, link and withdrawal."""
    rows: list[dict[str, Any]] = []
    for e in data["entries"]:
        base = {"entry_id": e["id"], "occurred_at": e["occurred_at"], "source": e["source"],
                "person": e["person"], "discipline": e["discipline"]}
        rows.append({**base, "record": "entry", "record_id": e["id"], "at": e["recorded_at"],
                     "location": e["location"], "reliability": e["reliability"],
                     "grade": e["grade"], "version": e["version"], "text": e["text"],
                     "actor": e["author"]})
        for v in e["versions"]:
            rows.append({**base, "record": "version", "record_id": v["id"],
                         "at": v["recorded_at"], "location": v["location"],
                         "version": v["version"], "text": v["text"], "reason": v["reason"],
                         "actor": v["author"]})
        for a in e["assessments"]:
            rows.append({**base, "record": "assessment", "record_id": a["id"], "at": a["at"],
                         "reliability": a["reliability"], "grade": a["grade"],
                         "reason": a["reason"], "actor": a["actor"],
                         "confirming_source": a["confirming_source"],
                         "other_entry_id": a["corroborating_entry_id"]})
        for link in e["links"]:
            if link["from_id"] != e["id"]:
                continue  # each link once, under the entry it starts from
            rows.append({**base, "record": "link", "record_id": link["id"], "at": link["at"],
                         "actor": link["actor"], "other_entry_id": link["to_id"],
                         "link_kind": link["kind"]})
        for w in e["withdrawals"]:
            rows.append({**base, "record": "withdrawal", "record_id": w["id"], "at": w["at"],
                         "reason": w["reason"], "actor": w["actor"]})
        for f in e.get("attachments", ()):
            rows.append({**base, "record": "attachment", "record_id": f["id"],
                         "at": f["recorded_at"], "text": f["filename"], "actor": f["actor"],
                         "mime": f["mime"], "size": f["size"], "sha256": f["sha256"]})
    return rows


def to_csv(data: dict[str, Any]) -> bytes:
    """UTF-8 with BOM and semicolons, so a Dutch spreadsheet opens it correctly; every text cell
    that a spreadsheet would take for a formula gets a quote in front (``cell_safety``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter=";", extrasaction="ignore")
    writer.writeheader()
    for row in csv_rows(data):
        writer.writerow(safe_row(row, CSV_COLUMNS))  # no cell a spreadsheet would evaluate
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _local(value: str | None) -> str:
    if not value:
        return ""
    when: datetime = parse_stored(value)
    return format_local(when)


def _size(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} kB"


def _short(entry_id: str) -> str:
    return f"#{entry_id[-8:]}"


def _entry_html(e: dict[str, Any]) -> str:
    tag = RELIABILITY_NL.get(e["reliability"], e["reliability"])
    grade = f" {escape(e['grade'])}" if e["grade"] else ""
    source = escape(source_label(e["source"]) + (f" ({e['person']})" if e["person"] else ""))
    marks = []
    if e["contradicted"]:
        marks.append("<b style='color:#b00020'>TEGENGESPROKEN</b>")
    if e["withdrawn"]:
        marks.append("<b>INGETROKKEN</b>")
    if e["late"]:
        marks.append("laat vastgelegd")
    rows = [
        f"<tr><td width='18%'><b>{_local(e['occurred_at'])}</b><br/>"
        f"<small>vastgelegd {_local(e['recorded_at'])}</small></td>"
        f"<td width='22%'>{source}<br/><small>{escape(e['discipline'] or '')}"
        f"{' · ' + escape(e['location']) if e['location'] else ''}</small></td>"
        f"<td width='14%'><b>{escape(tag)}{grade}</b></td>"
        f"<td>{escape(e['text'])}<br/><small>{' · '.join(marks)} {_short(e['id'])}</small>"
        "</td></tr>"
    ]
    details = []
    for v in e["versions"][:-1]:
        details.append(f"<s>{escape(v['text'])}</s> <small>(versie {v['version']})</small>")
    for v in e["versions"][1:]:
        details.append(f"Correctie naar versie {v['version']} door {escape(v['author'])}, "
                       f"{_local(v['recorded_at'])}: {escape(v['reason'] or '')}")
    for a in e["assessments"][1:]:
        on = a["confirming_source"] or (_short(a["corroborating_entry_id"])
                                        if a["corroborating_entry_id"] else "")
        details.append(f"{RELIABILITY_NL.get(a['reliability'], a['reliability'])}"
                       f"{' ' + a['grade'] if a['grade'] else ''} door {escape(a['actor'])}, "
                       f"{_local(a['at'])}{'; bron: ' + escape(on) if on else ''}"
                       f"{'; reden: ' + escape(a['reason']) if a['reason'] else ''}")
    for link in e["links"]:
        if link["from_id"] == e["id"]:
            text = f"{LINK_NL[link['kind']]} {_short(link['to_id'])}"
        else:
            text = f"{_short(link['from_id'])} {LINK_NL[link['kind']]} deze melding"
        details.append(f"Koppeling: {text} (door {escape(link['actor'])}, "
                       f"{_local(link['at'])})")
    for w in e["withdrawals"]:
        details.append(f"Ingetrokken door {escape(w['actor'])}, {_local(w['at'])}: "
                       f"{escape(w['reason'])}")
    for f in e.get("attachments", ()):
        kind = f"{escape(f['mime'])}, " if f["mime"] else ""
        details.append(f"Bijlage: {escape(f['filename'])} ({kind}{_size(f['size'])}, "
                       f"SHA-256 {f['sha256'][:16]}…) door {escape(f['actor'])}, "
                       f"{_local(f['recorded_at'])}")
    if details:
        rows.append("<tr><td></td><td colspan='3'><small>" + "<br/>".join(details)
                    + "</small></td></tr>")
    return "".join(rows)


def to_html(data: dict[str, Any]) -> str:
    crisis = data["crisis"]
    banner = ("<p style='background:#ffdd00;font-size:14pt'><b>OEFENING — dit is een oefening"
              "</b></p>" if crisis["exercise"] else "")
    head = ("<tr style='background:#dde3ea'><th align='left'>Tijdstip gebeurd</th>"
            "<th align='left'>Bron</th><th align='left'>Betrouwbaarheid</th>"
            "<th align='left'>Melding</th></tr>")
    body = "".join(_entry_html(e) for e in data["entries"])
    return (
        f"{banner}<h2>Logboek — {escape(crisis['name'])}</h2>"
        f"<p>{escape(crisis['municipality'])} · geopend {_local(crisis['opened_at'])} · "
        f"{len(data['entries'])} meldingen · geëxporteerd {_local(data['exported_at'])} door "
        f"{escape(data['exported_by'])}. Tijden in Europe/Amsterdam. Doorgestreepte tekst is "
        "door een correctie vervangen.</p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        f"style='border-collapse:collapse;border-color:#999'>{head}{body}</table>"
    )


def to_pdf(data: dict[str, Any]) -> bytes:
    from crisisconsole.interchange.pdf_render import PdfOptions, render_pdf

    crisis = data["crisis"]
    options = PdfOptions(
        title=f"Logboek {crisis['name']}",
        header=f"Logboek — {crisis['name']} ({crisis['municipality']})",
        mark="OEFENING" if crisis["exercise"] else "",
        footer=f"Geëxporteerd {_local(data['exported_at'])} door {data['exported_by']}",
        chain=data.get("chain"),
    )
    return render_pdf(to_html(data), options)


WRITERS = {"json": to_json, "csv": to_csv, "pdf": to_pdf}
