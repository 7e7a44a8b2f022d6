"""Topics for the picture (issue 13, item 2): per discipline the top topics with a ``more``
count, and "what changed since" for the section "Sinds de vorige briefing" and the handover.

Rules:

- A discipline section lists its open topics, pinned first, then by last change (newest
  first), then by id; at most ``limit`` (default 5) are shown, ``more`` says how many are not.
  Closed topics and topics without a live report are left out (``full_list`` has them all).
  Topics whose every report is refuted are not facts and stay out of the sections, like
  refuted entries in the existing picture; they are counted in ``refuted``.
- The shown topics are kept apart by reliability, as the picture does: ``confirmed`` holds the
  topics whose statement is confirmed, ``unconfirmed`` the others, each in the order above.
- A topic changed since a moment when, after it: it got its first report ("new"), new reports
  ("new_reports"), a new statement (the aide's sentence, or its statement entry was recorded
  or corrected: "new_statement"), a re-grade of a report ("regraded"), became confirmed while
  nothing in it was confirmed before ("newly_confirmed"), was reopened or closed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crisisconsole.domain.picture_input import DISCIPLINES, OTHER, discipline_label
from crisisconsole.domain.topic_book import Topic, TopicBook
from crisisconsole.domain.topic_input import TopicEntry
from crisisconsole.domain.topic_view import TopicView, topic_view

DEFAULT_LIMIT = 5
_KNOWN = {key for key, _ in DISCIPLINES}


def section_key(view: TopicView) -> str:
    return view.discipline if view.discipline in _KNOWN else OTHER


def picture_order(views: Iterable[Any]) -> list[Any]:
    """Pinned first, then the latest change first, then by id (deterministic)."""
    by_id = sorted(views, key=lambda v: v.id)
    by_change = sorted(by_id, key=lambda v: v.last_change_at, reverse=True)
    return sorted(by_change, key=lambda v: not v.pinned)


def discipline_sections(views: Iterable[TopicView], limit: int | None = DEFAULT_LIMIT
                        ) -> list[dict[str, Any]]:
    """One section per discipline (DISCIPLINES order), each with its top topics."""
    grouped: dict[str, list[TopicView]] = {key: [] for key, _ in DISCIPLINES}
    for view in views:
        grouped[section_key(view)].append(view)
    sections = []
    for key, label in DISCIPLINES:
        members = grouped[key]
        shown_pool = [v for v in members if not v.closed and v.reports > 0 and not v.all_refuted]
        ordered = picture_order(shown_pool)
        shown = ordered if limit is None else ordered[:max(1, limit)]
        sections.append({
            "key": key, "label": discipline_label(key, label),
            "confirmed": [v.as_json() for v in shown if v.reliability == "confirmed"],
            "unconfirmed": [v.as_json() for v in shown if v.reliability != "confirmed"],
            "topics": len(ordered), "more": len(ordered) - len(shown),
            "closed": sum(1 for v in members if v.closed),
            "refuted": sum(1 for v in members if v.all_refuted and not v.closed),
        })
    return sections


@dataclass(frozen=True)
class TopicSummary:
    """What ordering and selecting a topic for the picture needs, read without building its
    view (titles, statements and trends cost far more, and only the shown ones need them)."""

    id: str
    discipline: str | None
    reports: int
    all_refuted: bool
    pinned: bool
    closed: bool
    last_change_at: datetime


def summarise(topic: Topic, entries: Mapping[str, TopicEntry]) -> TopicSummary:
    """The same values as the topic's view has (``topic_view.build_view``), in one pass
    (written for speed: it reads every entry of the crisis)."""
    meta = topic.meta
    last = meta.last_fact_at
    live_tally: dict[str, int] = {}
    gone_tally: dict[str, int] = {}
    live = refuted = 0
    for entry_id in topic.entry_ids:
        e = entries[entry_id]
        changed = e.recorded_at
        if e.corrected_at is not None and e.corrected_at > changed:
            changed = e.corrected_at
        if e.assessed_at is not None and e.assessed_at > changed:
            changed = e.assessed_at
        if last is None or changed > last:
            last = changed
        discipline = e.discipline
        if e.withdrawn:
            if discipline:
                gone_tally[discipline] = gone_tally.get(discipline, 0) + 1
        else:
            live += 1
            if e.reliability == "refuted":
                refuted += 1
            if discipline:
                live_tally[discipline] = live_tally.get(discipline, 0) + 1
    if live:
        counted = live_tally
    else:
        counted = gone_tally
    chosen = None
    if counted:
        top = max(counted.values())
        tied = {d for d, n in counted.items() if n == top}
        if len(tied) == 1:
            chosen = tied.pop()
        else:  # the earliest report's, as the view decides
            chosen = min((e.occurred_at, e.recorded_at, e.id, e.discipline) for e in
                         (entries[i] for i in topic.entry_ids)
                         if e.discipline in tied and (not live or not e.withdrawn))[3]
    assert last is not None
    return TopicSummary(topic.id, chosen, live,
                        bool(live) and refuted == live and not meta.statement, meta.pinned,
                        meta.closed, last)


def picture_sections(book: TopicBook, limit: int | None = DEFAULT_LIMIT, *,
                     summary_of: Callable[[Topic], TopicSummary] | None = None,
                     view_of: Callable[[str], TopicView] | None = None
                     ) -> list[dict[str, Any]]:
    """``discipline_sections`` of the whole book, building views only for the topics shown.
    ``summary_of`` and ``view_of`` may serve them from a cache (the service keeps one per
    book, dropped for the topics a change touched); they must give what ``summarise`` and
    ``topic_view`` give."""
    summary_of = summary_of or (lambda topic: summarise(topic, book.entries))
    view_of = view_of or (lambda topic_id: topic_view(book, topic_id))
    return sections_of([summary_of(topic) for topic in book.topics()], view_of, limit)


def sections_of(summaries: Sequence[TopicSummary], view_of: Callable[[str], TopicView],
                limit: int | None = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """``picture_sections`` from the summaries of every topic (a book's, or the ones kept on
    disk), building views only for the topics shown."""
    pool = [s for s in summaries if not s.closed and s.reports > 0 and not s.all_refuted]
    chosen: set[str] = set()
    per: dict[str, list[TopicSummary]] = {}
    for s in picture_order(pool):
        per.setdefault(s.discipline if s.discipline in _KNOWN else OTHER, []).append(s)
    for items in per.values():
        chosen.update(s.id for s in (items if limit is None else items[:max(1, limit)]))
    views = {v.id: v for v in (view_of(topic_id) for topic_id in sorted(chosen))}
    sections = []
    for key, label in DISCIPLINES:
        items = per.get(key, [])
        shown = [views[s.id] for s in items if s.id in chosen]
        members = [s for s in summaries if (s.discipline if s.discipline in _KNOWN
                                            else OTHER) == key]
        sections.append({
            "key": key, "label": label,
            "confirmed": [v.as_json() for v in shown if v.reliability == "confirmed"],
            "unconfirmed": [v.as_json() for v in shown if v.reliability != "confirmed"],
            "topics": len(items), "more": len(items) - len(shown),
            "closed": sum(1 for s in members if s.closed),
            "refuted": sum(1 for s in members if s.all_refuted and not s.closed),
        })
    return sections


def full_list(views: Iterable[TopicView]) -> list[dict[str, Any]]:
    """Every topic, closed ones included, per discipline in picture order (closed last)."""
    every = list(views)
    out = []
    for key, label in DISCIPLINES:
        members = [v for v in every if section_key(v) == key]
        ordered = sorted(picture_order(members), key=lambda v: v.closed)
        out.append({"key": key, "label": label, "topics": [v.as_json() for v in ordered]})
    return out


def _confirmed_at(entry: TopicEntry) -> datetime:
    return entry.first_confirmed_at or entry.last_confirmed_at or entry.recorded_at


def change_reasons(view: TopicView, entries: Mapping[str, TopicEntry], since: datetime
                   ) -> list[str]:
    members = [entries[i] for i in view.entry_ids if i in entries]
    live = [e for e in members if not e.withdrawn]
    reasons = []
    if members and min(e.recorded_at for e in members) > since:
        reasons.append("new")
    elif any(e.recorded_at > since for e in live):
        reasons.append("new_reports")
    if view.statement_at is not None:
        if view.statement_at > since:
            reasons.append("new_statement")
    elif view.statement_entry_id in entries and "new" not in reasons:
        statement_entry = entries[view.statement_entry_id]
        if statement_entry.recorded_at > since or (
                statement_entry.corrected_at is not None and statement_entry.corrected_at > since):
            reasons.append("new_statement")
    if any(e.assessed_at is not None and e.assessed_at > since and e.recorded_at <= since
           for e in live):
        reasons.append("regraded")
    confirmed = [e for e in live if e.reliability == "confirmed"]
    if view.reliability == "confirmed" and confirmed and \
            all(_confirmed_at(e) > since for e in confirmed) and "new" not in reasons:
        reasons.append("newly_confirmed")
    if view.reopened_at is not None and view.reopened_at > since:
        reasons.append("reopened")
    if view.closed and view.closed_at is not None and view.closed_at > since:
        reasons.append("closed")
    return reasons


def changed_since(views: Sequence[TopicView], entries: Mapping[str, TopicEntry],
                  since: datetime) -> list[dict[str, Any]]:
    """The topics new or changed since ``since``, latest change first, each with its reasons
    and the number of reports recorded since."""
    out = []
    for view in picture_order(views):
        reasons = change_reasons(view, entries, since)
        if not reasons:
            continue
        item = view.as_json()
        item["reasons"] = reasons
        item["new_reports"] = sum(1 for i in view.entry_ids
                                  if i in entries and entries[i].recorded_at > since
                                  and not entries[i].withdrawn)
        out.append(item)
    return out
