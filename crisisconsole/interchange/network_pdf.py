"""The timeline and the evaluation as PDF: HTML tables through pdf_render (A4, "OEFENING" on
an exercise, the audit chain's head in every footer) with the charts drawn by QPainter as
images in the document."""

from __future__ import annotations

from html import escape
from typing import Any

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.i18n import tr
from crisisconsole.interchange.evaluation_charts import evaluation_image
from crisisconsole.interchange.pdf_render import PdfOptions, ensure_gui_app, render_pdf
from crisisconsole.interchange.timeline_paint import timeline_image

PRINT_SCALE = 2.5  # the charts' pixels per point on paper: sharp at 300 dpi


def _options(title: str, crisis: str, exercise: bool, chain: dict[str, Any] | None) -> PdfOptions:
    return PdfOptions(title=title, header=f"{title} · {crisis}"[:120],
                      mark="OEFENING" if exercise else "", footer=crisis[:120], chain=chain)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>"
                                    for c in row) + "</tr>" for row in rows)
    return (f"<table border='0.5' cellspacing='0' cellpadding='2' width='100%' "
            f"style='font-size:8pt'>"
            f"<tr style='background:#eeeeee'>{head}</tr>{body}</table>")


def timeline_pdf(timeline: Any) -> bytes:
    ensure_gui_app()
    title = tr("Tijdlijn", "Timeline")
    image = timeline_image(timeline, width=1000, scale=PRINT_SCALE)
    html = (f"<h2>{escape(title)}: {escape(timeline.crisis_name)}</h2>"
            f"<p><img src='chart:timeline' width='640'></p>")
    rows = ([(m.at, "GRIP", m.label) for m in timeline.grip]
            + [(m.at, tr("besluit", "decision"), m.label) for m in timeline.decisions]
            + [(b.start, tr("maatregel", "measure"), f"{b.label} ({b.state})")
               for b in timeline.measures]
            + [(b.start, tr("uitvraag", "request"), f"{b.label} ({b.state})")
               for b in timeline.requests])
    html += _table([tr("Tijd", "Time"), tr("Soort", "Kind"), tr("Wat", "What")],
                   [[format_local(at), kind, what] for at, kind, what in sorted(rows)])
    return render_pdf(html, _options(title, timeline.crisis_name, timeline.exercise,
                                     timeline.chain), {"chart:timeline": image})


def _minutes(summary: dict[str, Any]) -> str:
    median = summary.get("median_min")
    return "—" if median is None else f"{median:g} min"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def evaluation_pdf(data: dict[str, Any], chain: dict[str, Any] | None) -> bytes:
    ensure_gui_app()
    title = tr("Evaluatie van de informatiepositie", "Evaluation of the information position")
    crisis = data["crisis"]
    totals = data["totals"]
    html = [f"<h2>{escape(title)}</h2><p>{escape(crisis['name'])} ({escape(crisis['municipality'])})"
            f" · {tr('tot', 'until')} {escape(format_local(parse_stored(data['until'])))}</p>",
            "<p>" + escape(tr(
                f"{totals['entries']} meldingen: {totals['confirmed']} bevestigd, "
                f"{totals['refuted']} ontkracht, {totals['unsettled']} nooit beslist; "
                f"{totals['late_entries']} te laat vastgelegd. {totals['contradictions']} "
                f"tegenstrijdigheden ({totals['contradictions_still_open']} nog open). "
                f"{totals['requests']} uitvragen: {totals['requests_in_time']} op tijd, "
                f"{totals['requests_late']} te laat, {totals['requests_never']} nooit beantwoord."
                f" {totals['notifications_late']} kennisgevingen te laat.",
                f"{totals['entries']} reports: {totals['confirmed']} confirmed, "
                f"{totals['refuted']} refuted, {totals['unsettled']} never settled; "
                f"{totals['late_entries']} recorded late. {totals['contradictions']} "
                f"contradictions ({totals['contradictions_still_open']} still open). "
                f"{totals['requests']} requests: {totals['requests_in_time']} in time, "
                f"{totals['requests_late']} late, {totals['requests_never']} never answered. "
                f"{totals['notifications_late']} notifications late.")) + "</p>",
            "<p><img src='chart:evaluation' width='600'></p>",
            f"<h3>{escape(tr('Per bron', 'Per source'))}</h3>",
            _table([tr("Bron", "Source"), tr("Meldingen", "Reports"), tr("Bevestigd", "Confirmed"),
                    tr("Ontkracht", "Refuted"), tr("Nooit beslist", "Never settled"),
                    tr("Tot bevestiging (mediaan)", "To confirmation (median)"),
                    tr("Tegenstrijdig (open, mediaan)", "Contradictions (open, median)"),
                    tr("Te laat", "Late")],
                   [[s["label"], s["entries"], _pct(s["confirmed_share"]),
                     _pct(s["refuted_share"]), _pct(s["unsettled_share"]),
                     _minutes(s["to_confirmation"]),
                     f"{s['contradictions']['count']} ({s['contradictions']['still_open']}, "
                     f"{_minutes(s['contradictions']['open_time'])})", s["late"]]
                    for s in data["sources"]]),
            f"<h3>{escape(tr('Per partner', 'Per partner'))}</h3>",
            _table([tr("Partner", "Partner"), tr("Uitvragen", "Requests"),
                    tr("Op tijd", "In time"), tr("Te laat", "Late"), tr("Nooit", "Never"),
                    tr("Geweigerd", "Declined"), tr("Ingetrokken", "Withdrawn"),
                    tr("Antwoordtijd (mediaan)", "Answer time (median)")],
                   [[p["name"], p["requests"], p["in_time"], p["late"], p["never"],
                     p["declined"], p["withdrawn"], _minutes(p["answer_time"])]
                    for p in data["partners"]]),
            f"<h3>{escape(tr('Kennisgevingen van maatregelen', 'Notifications of measures'))}</h3>",
            _table([tr("Maatregel", "Measure"), tr("Partij", "Party"),
                    tr("Te laat (min)", "Late (min)")],
                   [[n["title"], n["party"], n["minutes_late"]]
                    for n in data["notifications"]["late_items"]]
                   + [[n["title"], n["party"], tr("niet gedaan", "not made")]
                      for n in data["notifications"]["overdue_items"]])]
    image = evaluation_image(data, scale=PRINT_SCALE)
    return render_pdf("".join(html), _options(title, crisis["name"], crisis["exercise"], chain),
                      {"chart:evaluation": image})
