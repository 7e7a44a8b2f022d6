"""The crisis as a time axis: the GRIP steps, the decisions, the measures from issue to
ratification or lapse (bars), the requests from asked to answered (bars) and the topics'
first and last report. Plain data here; drawing is interchange/timeline_paint.py (QtGui, so
the page, a test offscreen and the PDF draw the same picture).

Topics: the pinned topics of the picture (first to last report, by title); while none is
pinned, the topics the information requests serve."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from crisisconsole import safe_files
from crisisconsole.clock import format_utc, parse_stored
from crisisconsole.domain.request_rules import is_overdue
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.audit import audit_export
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.store.engine import Store

_ENDED = {"ratified", "lapsed", "withdrawn", "expired", "upheld", "not_ratified"}


@dataclass(frozen=True)
class Mark:
    at: datetime
    label: str


@dataclass(frozen=True)
class Bar:
    start: datetime
    end: datetime | None  # None: still running
    label: str
    state: str = ""
    due: datetime | None = None
    overdue: bool = False


@dataclass(frozen=True)
class Timeline:
    crisis_name: str
    exercise: bool
    start: datetime
    end: datetime
    grip: tuple[Mark, ...]
    decisions: tuple[Mark, ...]
    measures: tuple[Bar, ...]
    requests: tuple[Bar, ...]
    topics: tuple[Bar, ...]
    chain: dict[str, Any] | None = field(default=None)

    def as_json(self) -> dict[str, Any]:
        def mark(m: Mark) -> dict[str, Any]:
            return {"at": format_utc(m.at), "label": m.label}

        def bar(b: Bar) -> dict[str, Any]:
            return {"start": format_utc(b.start), "end": format_utc(b.end) if b.end else None,
                    "label": b.label, "state": b.state,
                    "due": format_utc(b.due) if b.due else None, "overdue": b.overdue}

        return {"crisis": self.crisis_name, "exercise": self.exercise,
                "start": format_utc(self.start), "end": format_utc(self.end),
                "grip": [mark(m) for m in self.grip],
                "decisions": [mark(m) for m in self.decisions],
                "measures": [bar(b) for b in self.measures],
                "requests": [bar(b) for b in self.requests],
                "topics": [bar(b) for b in self.topics]}


def _t(raw: Any) -> datetime:
    return raw if isinstance(raw, datetime) else parse_stored(raw)


def build_timeline(store: Store, crisis_id: str, now: datetime | None = None,
                   topics: Sequence[Bar] | None = None) -> Timeline:
    from crisisconsole.services.measures.views import list_measures
    from crisisconsole.store.audit_chain import chain_head

    crisis = get_crisis(store, crisis_id)
    now = now or store.clock.now()
    end = crisis.state.closed_at if crisis.state.closed and crisis.state.closed_at else now
    grip = tuple(Mark(e.at, f"GRIP {e.grip}") for e in crisis.state.grip_history
                 if e.grip is not None)
    with store.read() as conn:
        decisions = tuple(Mark(_t(at), body) for at, body in conn.execute(text(
            "SELECT decided_at, text FROM decision WHERE crisis_id = :c ORDER BY decided_at"),
            {"c": crisis_id}))
        requests = tuple(
            Bar(_t(asked), _t(closed) if closed else None,  # outstanding: still running
                f"{to}: {question}", state, _t(due), is_overdue(state, _t(due), now))
            for asked, closed, to, question, state, due in conn.execute(text(
                "SELECT r.asked_at, c.closed_at, r.to_name, r.question, "
                "c.state, r.due_at FROM info_request r JOIN info_request_current c "
                "ON c.request_id = r.id WHERE r.crisis_id = :c ORDER BY r.asked_at"),
                {"c": crisis_id}))
        served = {ref for (ref,) in conn.execute(text(
            "SELECT DISTINCT topic_ref FROM info_request WHERE crisis_id = :c "
            "AND topic_ref IS NOT NULL"), {"c": crisis_id})}
        chain = chain_head(conn)
    measures = tuple(sorted((
        Bar(v.measure.issued_at, v.status.since if v.status.state in _ENDED else None,
            v.measure.title, str(v.status.state))
        for v in list_measures(store, crisis_id, now)), key=lambda b: b.start))
    if topics is None:
        topics = _topic_bars(store, crisis_id, served)
    return Timeline(crisis.name, crisis.exercise, crisis.opened_at, end, grip, decisions,
                    measures, requests, tuple(topics), chain)


def _topic_bars(store: Store, crisis_id: str, served: set[str]) -> tuple[Bar, ...]:
    """The pinned topics from first to last report, by title; while none is pinned, the
    topics the information requests serve."""
    from crisisconsole.services.picture.topic_books import cached_topics

    book, _summary_of, view_of = cached_topics(store, crisis_id)
    views = [view_of(t.id) for t in book.topics()]
    live = {book.resolve(ref) for ref in served} - {None}
    chosen = [v for v in views if v.pinned] or [v for v in views if v.id in live]
    return tuple(Bar(v.first_at, v.last_at, v.title) for v in
                 sorted(chosen, key=lambda v: (v.first_at, v.id)) if v.first_at is not None)


def export_timeline(ctx: ServiceContext, crisis_id: str, out: Path) -> Path:
    """The timeline as JSON or as a PDF (drawn with QtGui), written through safe_files
    (never over a file) and audited ("timeline.export.<format>")."""
    import json

    suffix = out.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise ValidationError(tr("kies een .pdf- of .json-bestand", "choose a .pdf or .json file"))
    safe_files.refuse_existing(out)
    timeline = build_timeline(ctx.store, crisis_id)
    if suffix == ".json":
        content = json.dumps(timeline.as_json(), ensure_ascii=False, indent=2).encode("utf-8")
    else:
        from crisisconsole.interchange.network_pdf import timeline_pdf

        content = timeline_pdf(timeline)
    audit_export(ctx, f"timeline.export.{suffix[1:]}", "crisis", crisis_id)
    return safe_files.write_bytes(out, content, overwrite=False)
