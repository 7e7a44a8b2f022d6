"""The topic sections of the picture as HTML (Qt rich text): "Sinds de vorige briefing" and
the picture per discipline, for the page, the briefing, the PDF and the sheet.

Printed times are absolute: ``21:45``, with the date when it is not the picture's day
(``printed``). Relative ages ("18 min") only on screen (``screen=True``). Entries are named
by when they happened and who reported them, never by a hash id.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from crisisconsole.clock import format_age, format_time, parse_stored, to_local
from crisisconsole.domain.log_rules import source_label, source_labels
from crisisconsole.i18n import tr

MUTED = "#52606d"
ALERT = "#b00020"


def _badges() -> dict[str, tuple[str, str, str]]:
    return {  # text, background, foreground: AA contrast on both themes
        "confirmed": (tr("Bevestigd", "Confirmed"), "#1b5e20", "#ffffff"),
        "hearsay": (tr("Van horen zeggen", "Hearsay"), "#8a5a00", "#ffffff"),
        "refuted": (tr("Ontkracht", "Refuted"), "#7a1f1f", "#ffffff"),
        "withdrawn": (tr("Ingetrokken", "Withdrawn"), "#444444", "#ffffff"),
    }


def badge(reliability: str, grade: str | None = None) -> str:
    text, bg, fg = _badges().get(reliability, (reliability, "#444444", "#ffffff"))
    label = f"{text} {grade}" if grade else text
    return (f'<span style="background-color:{bg}; color:{fg}; font-weight:bold">'
            f"&nbsp;{escape(label)}&nbsp;</span>")


def alert(text: str) -> str:
    return f'<span style="color:{ALERT}; font-weight:bold">{escape(text)}</span>'


def printed(value: str | None, as_of: str | None) -> str:
    """``21:45`` on the picture's own day, ``29-11 21:45`` (with the year when it differs)
    otherwise; "–" for nothing."""
    if not value:
        return "–"
    when = parse_stored(value)
    try:
        local = to_local(when)
        day = to_local(parse_stored(as_of)) if as_of else None
    except OverflowError:
        return format_time(when, "%d-%m-%Y %H:%M UTC")
    if day is not None and local.date() == day.date():
        return format_time(local, "%H:%M")
    if day is not None and local.year == day.year:
        return format_time(local, "%d-%m %H:%M")
    return format_time(local, "%d-%m-%Y %H:%M")


def age(value: str | None, as_of: str | None) -> str:
    if not value or not as_of:
        return ""
    delta = parse_stored(as_of) - parse_stored(value)
    text = format_age(delta)
    return tr(f"{text} geleden", f"{text} ago")


def _trend(trend: dict[str, Any] | None) -> str:
    if not trend or trend.get("direction") in (None, "none"):
        return ""
    arrow = {"rising": "↑", "falling": "↓", "steady": "→"}.get(trend["direction"], "")
    words = {"rising": tr("stijgend", "rising"), "falling": tr("dalend", "falling"),
             "steady": tr("gelijk", "steady")}.get(trend["direction"], "")
    values = trend.get("values") or []
    series = f" ({' → '.join(str(v) for v in values[-3:])})" if len(values) >= 2 else ""
    return f"{arrow} {words}{series}"


def topic_item(t: dict[str, Any], as_of: str | None, *, screen: bool = False,
               links: bool = False, compact: bool = False) -> str:
    """One topic: title and badge, its statement, then sources, reports, times, trend."""
    title = escape(t["title"])
    if links:
        title = f'<a href="topic:{escape(t["id"])}">{title}</a>'
    flags = []
    if t.get("pinned"):
        flags.append("📌")
    if t.get("open_contradictions"):
        flags.append(alert(tr("Tegenstrijdig", "Contradicted")))
    if t.get("reopened"):
        flags.append(alert(tr("Heropend", "Reopened")))
    statement = escape(t.get("statement") or "")
    head = f"{badge(t['reliability'])} <b>{title}</b> {' '.join(flags)}"
    if compact:
        return f"<li>{head}: {statement}</li>"
    meta = [tr(f"bron: {source_labels(t['sources'])}", f"source: {source_labels(t['sources'])}"),
            tr(f"{t['reports']} meldingen", f"{t['reports']} reports")
            if t["reports"] != 1 else tr("1 melding", "1 report"),
            f"{printed(t.get('first_at'), as_of)} – {printed(t.get('last_at'), as_of)}"]
    if screen:
        meta.append(age(t.get("last_at"), as_of))
    if t.get("last_confirmed_at"):
        meta.append(tr(f"laatst bevestigd {printed(t['last_confirmed_at'], as_of)}",
                       f"last confirmed {printed(t['last_confirmed_at'], as_of)}"))
    trend = _trend(t.get("trend"))
    if trend:
        meta.append(tr(f"trend {trend}", f"trend {trend}"))
    return (f"<li>{head}<br>{statement}<br>"
            f'<span style="color:{MUTED}">{escape(" · ".join(m for m in meta if m))}</span>'
            "</li>")


def _ul(items: list[str], empty: str) -> str:
    if not items:
        return f"<p><i>{escape(empty)}</i></p>"
    return "<ul>" + "".join(items) + "</ul>"


def more_line(count: int) -> str:
    return tr(f"+ {count} meer onderwerpen", f"+ {count} more topics")


def section_disciplines(p: dict[str, Any], *, screen: bool = False, links: bool = False,
                        compact: bool = False, only: str | None = None) -> str:
    as_of = p["header"].get("as_of")
    parts, quiet = [], []
    for d in p["disciplines"]:
        if only is not None and d["key"] != only:
            continue
        if "unconfirmed" not in d:  # a snapshot of format 1 (before topics)
            d = {**d, "unconfirmed": d.get("hearsay", []), "more": 0}
        if not (d["confirmed"] or d["unconfirmed"]):
            quiet.append(d["label"])
            continue
        parts.append(f"<h3>{escape(d['label'])}</h3>")
        for key, title in (("confirmed", tr("Bevestigd", "Confirmed")),
                           ("unconfirmed", tr("Onbevestigd", "Unconfirmed"))):
            if d[key]:
                parts.append(f"<p><b>{escape(title)}</b></p>")
                parts.append(_ul([_topic_or_item(t, as_of, screen, links, compact)
                                  for t in d[key]], ""))
        if d.get("more"):
            line = escape(more_line(d["more"]))
            if links:
                line = f'<a href="more:{escape(d["key"])}">{line}</a>'
            parts.append(f"<p>{line}</p>")
    if quiet and only is None:
        parts.append("<p><i>" + escape(tr(f"Geen meldingen: {', '.join(quiet)}.",
                                          f"No reports: {', '.join(quiet)}.")) + "</i></p>")
    return "".join(parts)


def _topic_or_item(t: dict[str, Any], as_of: str | None, screen: bool, links: bool,
                   compact: bool) -> str:
    if "title" in t:
        return topic_item(t, as_of, screen=screen, links=links, compact=compact)
    # An item of a format-1 snapshot: its text, sources and time.
    return (f"<li>{badge(t['reliability'], t.get('grade'))} {escape(t['text'])}<br>"
            f'<span style="color:{MUTED}">{escape(source_labels(t["sources"]))} · '
            f"{printed(t.get('occurred_at'), as_of)}</span></li>")


REASONS = {
    "new": ("nieuw", "new"), "new_reports": ("nieuwe meldingen", "new reports"),
    "new_statement": ("nieuwe stand", "new statement"), "regraded": ("herbeoordeeld", "regraded"),
    "newly_confirmed": ("nu bevestigd", "newly confirmed"), "reopened": ("heropend", "reopened"),
    "closed": ("afgehandeld", "closed"),
}


def reason_text(reasons: list[str]) -> str:
    return ", ".join(tr(*REASONS[r]) if r in REASONS else r for r in reasons)


def since_heading(p: dict[str, Any]) -> str:
    since = p.get("since_last_briefing") or {}
    as_of = p["header"].get("as_of")
    when = printed(since.get("since"), as_of)
    if since.get("basis") == "snapshot":
        return tr(f"Sinds versie {since.get('snapshot_version')} ({when})",
                  f"Since version {since.get('snapshot_version')} ({when})")
    if since.get("basis") == "start":
        return tr(f"Sinds het begin van de crisis ({when})",
                  f"Since the start of the crisis ({when})")
    return tr(f"Sinds {when}", f"Since {when}")


PRINTED_SINCE = 5  # topics of "since the last briefing" on paper: the first page stays BOB


def section_since(p: dict[str, Any], *, screen: bool = False, links: bool = False,
                  compact: bool = False) -> str:
    """``compact`` (print): one line per topic, at most PRINTED_SINCE, so judgement,
    decisions, actions and powers still start on the first page."""
    since = p.get("since_last_briefing")
    if since is None:
        return "<p><i>" + escape(tr("Niet in deze versie van het beeld.",
                                    "Not in this version of the picture.")) + "</i></p>"
    as_of = p["header"].get("as_of")
    items = []
    topics = since["topics"][:PRINTED_SINCE] if compact else since["topics"]
    hidden = len(since["topics"]) - len(topics) + (since.get("more") or 0)
    for t in topics:
        extra = reason_text(t.get("reasons", []))
        if compact:
            items.append(f"<li>{badge(t['reliability'])} <b>{escape(t['title'])}</b> "
                         f'<span style="color:{MUTED}">({escape(extra)}, '
                         f"{printed(t.get('last_at'), as_of)})</span></li>")
            continue
        if t.get("new_reports"):
            extra += tr(f"; {t['new_reports']} nieuwe meldingen",
                        f"; {t['new_reports']} new reports")
        items.append(topic_item(t, as_of, screen=screen, links=links).replace(
            "</li>", f'<br><span style="color:{MUTED}"><i>{escape(extra)}</i></span></li>'))
    parts = [f"<p><b>{escape(since_heading(p))}</b></p>",
             _ul(items, tr("Geen nieuwe of gewijzigde onderwerpen.",
                           "No new or changed topics."))]
    if hidden:
        parts.append(f"<p>{escape(more_line(hidden))}</p>")
    decisions = [f"<li><b>{escape(d['text'])}</b> "
                 f'<span style="color:{MUTED}">({escape(d["decided_by"])}, '
                 f"{printed(d['decided_at'], as_of)})</span></li>" for d in since["decisions"]]
    if decisions:
        parts.append(f"<p><b>{escape(tr('Nieuwe besluiten', 'New decisions'))}</b></p>")
        parts.append(_ul(decisions, ""))
    return "".join(parts)


def basis_text(d: dict[str, Any], as_of: str | None) -> str:
    """A decision's basis as "21:40 politie, 21:52 burger" (never an id)."""
    refs = d.get("basis")
    if refs is None:  # format 1: only the count is safe to print
        return tr(f"{len(d.get('entry_ids', []))} meldingen",
                  f"{len(d.get('entry_ids', []))} reports")
    return ", ".join(f"{printed(r['at'], as_of)} {source_label(r['source'])}" for r in refs) or "–"


def is_today(value: datetime, as_of: datetime) -> bool:
    return to_local(value).date() == to_local(as_of).date()
