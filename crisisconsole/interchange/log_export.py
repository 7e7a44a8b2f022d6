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
from crisisconsole.i18n import tr
from crisisconsole.interchange.cell_safety import safe_row

RELIABILITY_NL = {"hearsay": "Van horen zeggen", "confirmed": "Bevestigd", "refuted": "Ontkracht"}
RELIABILITY_EN = {"hearsay": "Hearsay", "confirmed": "Confirmed", "refuted": "Refuted"}
LINK_NL = {"corroborates": "ondersteunt", "contradicts": "spreekt tegen",
           "follows_up": "is vervolg op"}
LINK_EN = {"corroborates": "supports", "contradicts": "contradicts", "follows_up": "follows up"}
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


def _reliability(key: str) -> str:
    return tr(RELIABILITY_NL.get(key, key), RELIABILITY_EN.get(key, key))


def _entry_html(e: dict[str, Any], refs: dict[str, str]) -> str:
    """One entry and its history; other entries are named by time and source (``refs``), as a
    reader knows them, not by id."""
    def ref(entry_id: str | None) -> str:
        return escape(refs.get(entry_id or "", tr("een andere melding", "another report")))

    tag = _reliability(e["reliability"])
    grade = f" {escape(e['grade'])}" if e["grade"] else ""
    source = escape(source_label(e["source"]) + (f" ({e['person']})" if e["person"] else ""))
    marks = []
    if e["contradicted"]:
        marks.append(f"<b style='color:#b00020'>{tr('TEGENGESPROKEN', 'CONTRADICTED')}</b>")
    if e["withdrawn"]:
        marks.append(f"<b>{tr('INGETROKKEN', 'WITHDRAWN')}</b>")
    if e["late"]:
        marks.append(tr("laat vastgelegd", "recorded late"))
    recorded = tr("vastgelegd", "recorded")
    rows = [
        f"<tr><td width='18%'><b>{_local(e['occurred_at'])}</b><br/>"
        f"<small>{recorded} {_local(e['recorded_at'])}</small></td>"
        f"<td width='22%'>{source}<br/><small>{escape(e['discipline'] or '')}"
        f"{' · ' + escape(e['location']) if e['location'] else ''}</small></td>"
        f"<td width='14%'><b>{escape(tag)}{grade}</b></td>"
        f"<td>{escape(e['text'])}<br/><small>{' · '.join(marks)}</small>"
        "</td></tr>"
    ]
    details = []
    for v in e["versions"][:-1]:
        details.append(f"<s>{escape(v['text'])}</s> <small>"
                       + tr(f"(versie {v['version']})", f"(version {v['version']})") + "</small>")
    for v in e["versions"][1:]:
        who, when, why = escape(v["author"]), _local(v["recorded_at"]), escape(v["reason"] or "")
        details.append(tr(f"Correctie naar versie {v['version']} door {who}, {when}: {why}",
                          f"Corrected to version {v['version']} by {who}, {when}: {why}"))
    for a in e["assessments"][1:]:
        on = escape(a["confirming_source"]) if a["confirming_source"] else (
            ref(a["corroborating_entry_id"]) if a["corroborating_entry_id"] else "")
        who, when = escape(a["actor"]), _local(a["at"])
        grade_text = " " + escape(a["grade"]) if a["grade"] else ""
        line = tr(f"{_reliability(a['reliability'])}{grade_text} door {who}, {when}",
                  f"{_reliability(a['reliability'])}{grade_text} by {who}, {when}")
        if on:
            line += tr(f"; bron: {on}", f"; source: {on}")
        if a["reason"]:
            line += tr(f"; reden: {escape(a['reason'])}", f"; reason: {escape(a['reason'])}")
        details.append(line)
    for link in e["links"]:
        kind = tr(LINK_NL[link["kind"]], LINK_EN[link["kind"]])
        if link["from_id"] == e["id"]:
            text = f"{kind} {ref(link['to_id'])}"
        else:
            text = f"{ref(link['from_id'])} {kind} " + tr("deze melding", "this report")
        who, when = escape(link["actor"]), _local(link["at"])
        details.append(tr(f"Koppeling: {text} (door {who}, {when})",
                          f"Link: {text} (by {who}, {when})"))
    for w in e["withdrawals"]:
        who, when, why = escape(w["actor"]), _local(w["at"]), escape(w["reason"])
        details.append(tr(f"Ingetrokken door {who}, {when}: {why}",
                          f"Withdrawn by {who}, {when}: {why}"))
    for f in e.get("attachments", ()):
        kind = f"{escape(f['mime'])}, " if f["mime"] else ""
        what = f"{escape(f['filename'])} ({kind}{_size(f['size'])}, SHA-256 {f['sha256'][:16]}…)"
        who, when = escape(f["actor"]), _local(f["recorded_at"])
        details.append(tr(f"Bijlage: {what} door {who}, {when}",
                          f"Attachment: {what} by {who}, {when}"))
    if details:
        rows.append("<tr><td></td><td colspan='3'><small>" + "<br/>".join(details)
                    + "</small></td></tr>")
    return "".join(rows)


def to_html(data: dict[str, Any]) -> str:
    crisis = data["crisis"]
    banner = ("<p style='background:#ffdd00;font-size:14pt'><b>"
              + tr("OEFENING — dit is een oefening", "EXERCISE — this is an exercise")
              + "</b></p>" if crisis["exercise"] else "")
    head = ("<tr style='background:#dde3ea'>"
            + "".join(f"<th align='left'>{escape(title)}</th>" for title in (
                tr("Tijdstip gebeurd", "Time it happened"), tr("Bron", "Source"),
                tr("Betrouwbaarheid", "Reliability"), tr("Melding", "Report")))
            + "</tr>")
    refs = {e["id"]: f"{_local(e['occurred_at'])} {source_label(e['source'])}"
            for e in data["entries"]}
    body = "".join(_entry_html(e, refs) for e in data["entries"])
    name, place = escape(crisis["name"]), escape(crisis["municipality"])
    opened, count = _local(crisis["opened_at"]), len(data["entries"])
    exported, by = _local(data["exported_at"]), escape(data["exported_by"])
    intro = tr(f"{place} · geopend {opened} · {count} meldingen · geëxporteerd {exported} door "
               f"{by}. Tijden in Europe/Amsterdam. Doorgestreepte tekst is door een correctie "
               "vervangen.",
               f"{place} · opened {opened} · {count} reports · exported {exported} by {by}. "
               "Times in Europe/Amsterdam. Struck-through text was replaced by a correction.")
    return (
        f"{banner}<h2>{tr('Logboek', 'Log')} — {name}</h2><p>{intro}</p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        f"style='border-collapse:collapse;border-color:#999'>{head}{body}</table>"
    )


def to_pdf(data: dict[str, Any]) -> bytes:
    from crisisconsole.interchange.pdf_render import PdfOptions, render_pdf

    crisis = data["crisis"]
    log = tr("Logboek", "Log")
    options = PdfOptions(
        title=f"{log} {crisis['name']}",
        header=f"{log} — {crisis['name']} ({crisis['municipality']})",
        mark=tr("OEFENING", "EXERCISE") if crisis["exercise"] else "",
        footer=tr(f"Geëxporteerd {_local(data['exported_at'])} door {data['exported_by']}",
                  f"Exported {_local(data['exported_at'])} by {data['exported_by']}"),
        chain=data.get("chain"),
    )
    return render_pdf(to_html(data), options)


WRITERS = {"json": to_json, "csv": to_csv, "pdf": to_pdf}
