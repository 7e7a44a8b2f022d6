"""Reading the log: one entry, its facts and history, filtered pages and full-text search.
Sorting, filtering and paging happen in SQL on the derived `log_current` table; search runs the
FTS5 MATCH first (newest hits by rowid), then joins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, String, and_, column, func, or_, select, text

from crisisconsole.domain.log_history import (
    Assessment,
    EntryState,
    EntryVersion,
    Link,
    current_state,
)
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.log.values import LogEntry, entry_from_row
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import (
    log_assessment,
    log_attachment,
    log_count,
    log_current,
    log_entry,
    log_link,
    log_version,
    log_withdrawal,
)

ORDER_COLUMNS = {"occurred": log_current.c.occurred_at, "recorded": log_current.c.recorded_at}


@dataclass(frozen=True)
class LogFilter:
    reliability: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    discipline: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    query: str | None = None  # full text
    contradicted_only: bool = False

    def clauses(self, crisis_id: str, *, many_matches: bool = False) -> list[Any]:
        """The WHERE clauses. ``many_matches`` (see ``text_matches_many``) picks how a text
        query is evaluated: few hits are looked up one by one and sorted; many are tested
        while walking the sort order's index (so the first page needs no sort of them all)."""
        c = log_current.c
        clauses = [c.crisis_id == crisis_id]
        if self.reliability:
            clauses.append(c.reliability.in_(self.reliability))
        if self.source:
            clauses.append(c.source.in_(self.source))
        if self.discipline:
            clauses.append(c.discipline.in_(self.discipline))
        if self.since:
            clauses.append(c.occurred_at >= self.since)
        if self.until:
            clauses.append(c.occurred_at < self.until)
        if self.contradicted_only:
            clauses.append(c.contradicted == True)  # noqa: E712 - "= 1" matches the partial index
        if self.query and fts_query(self.query):
            hits = text("SELECT rowid FROM log_fts WHERE log_fts MATCH :fts").bindparams(
                fts=fts_query(self.query))
            # "rowid + 0" keeps SQLite from driving the query by the hits (a membership test).
            clauses.append((c.rowid + 0).in_(hits) if many_matches else c.rowid.in_(hits))
        return clauses

    def text_matches_many(self, conn: Connection) -> bool:
        """Whether the text query has more than FEW_MATCHES hits (counted no further)."""
        fts = fts_query(self.query or "")
        if not fts:
            return False
        counted = conn.execute(text(
            "SELECT count(*) FROM (SELECT 1 FROM log_fts WHERE log_fts MATCH :fts LIMIT :n)"),
            {"fts": fts, "n": FEW_MATCHES + 1}).scalar()
        return counted > FEW_MATCHES


# Up to this many hits, looking them up and sorting them is quicker than walking the log.
FEW_MATCHES = 2_000


def fts_query(user_text: str) -> str:
    """User words to a safe FTS5 query: every word must occur (prefix match), no operators."""
    words = re.findall(r"\w+", user_text or "", flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words[:12])


def get_entry(store: Store, entry_id: str) -> LogEntry:
    with store.read() as conn:
        row = conn.execute(select(log_current).where(log_current.c.entry_id == entry_id)).first()
    if row is None:
        raise NotFoundError(tr(f'onbekende melding: {entry_id}', f'unknown log entry: {entry_id}'))
    return entry_from_row(row)


def list_entries(
    store: Store, crisis_id: str, flt: LogFilter | None = None, *, limit: int = 200,
    order: str = "occurred", descending: bool = True, after: tuple[datetime, int] | None = None,
    offset: int = 0,
) -> list[LogEntry]:
    """A page of current entries; `after` is the keyset (sort value, rowid) of the last row seen."""
    if order not in ORDER_COLUMNS:
        raise ValidationError(tr(f'onbekende sortering: {order}', f'unknown order: {order}'))
    column = ORDER_COLUMNS[order]
    flt = flt or LogFilter()
    with store.read() as conn:
        clauses = flt.clauses(crisis_id, many_matches=flt.text_matches_many(conn))
        if after is not None:
            value, rowid = after
            if descending:
                clauses.append(or_(column < value,
                                   and_(column == value, log_current.c.rowid < rowid)))
            else:
                clauses.append(or_(column > value,
                                   and_(column == value, log_current.c.rowid > rowid)))
        ordering = ((column.desc(), log_current.c.rowid.desc()) if descending
                    else (column.asc(), log_current.c.rowid.asc()))
        query = select(log_current).where(*clauses).order_by(*ordering).limit(limit)
        if offset:
            query = query.offset(offset)
        return [entry_from_row(r) for r in conn.execute(query)]


def count_entries(store: Store, crisis_id: str, flt: LogFilter | None = None) -> int:
    if flt is None or flt == LogFilter():  # kept by trigger: no scan of a million rows
        with store.read() as conn:
            return conn.execute(select(log_count.c.n).where(
                log_count.c.crisis_id == crisis_id)).scalar() or 0
    with store.read() as conn:
        query = select(func.count()).select_from(log_current).where(
            *flt.clauses(crisis_id, many_matches=flt.text_matches_many(conn)))
        return conn.execute(query).scalar()


@dataclass(frozen=True)
class SearchHit:
    entry: LogEntry
    highlighted: str  # the text with hits between \x02 and \x03

    def as_json(self, late_after: timedelta) -> dict[str, Any]:
        data = self.entry.as_json(late_after)
        data["highlight"] = self.highlighted.replace("\x02", "[").replace("\x03", "]")
        return data


def search_entries(store: Store, crisis_id: str, query: str, limit: int = 200) -> list[SearchHit]:
    """The newest `limit` hits (by rowid, newest first) for the words in `query`."""
    fts = fts_query(query)
    if not fts:
        raise ValidationError(tr("zoekopdracht is leeg", "empty search"))
    statement = text(
        "SELECT c.*, highlight(log_fts, 0, char(2), char(3)) AS hl FROM log_fts "
        "JOIN log_current c ON c.rowid = log_fts.rowid "
        "WHERE log_fts MATCH :fts AND c.crisis_id = :crisis "
        "ORDER BY log_fts.rowid DESC LIMIT :n"
    ).columns(*log_current.c, column("hl", String))
    with store.read() as conn:
        rows = conn.execute(statement, {"fts": fts, "crisis": crisis_id, "n": limit}).all()
    return [SearchHit(entry_from_row(r), r.hl) for r in rows]


@dataclass
class EntryFacts:
    crisis_id: str
    versions: list[EntryVersion] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    withdrawals: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    entry: dict[str, Any] = field(default_factory=dict)


def raw_facts(store: Store, entry_id: str) -> EntryFacts:
    """Every fact about one entry; the entry's own text and tag are version 1 and the first
    assessment."""
    with store.read() as conn:
        row = conn.execute(select(log_entry).where(log_entry.c.id == entry_id)).mappings().first()
        if row is None:
            raise NotFoundError(tr(f'onbekende melding: {entry_id}', f'unknown log entry: {entry_id}'))
        facts = EntryFacts(row["crisis_id"], entry=dict(row))
        facts.versions.append(EntryVersion(
            entry_id, entry_id, 1, row["text"], row["location"], row["recorded_at"],
            row["author"]))
        facts.assessments.append(Assessment(
            entry_id, entry_id, row["reliability"], row["grade"], row["recorded_at"],
            row["author"], None, row["confirmed_by"], row["corroborating_entry_id"]))
        for v in conn.execute(select(log_version).where(log_version.c.entry_id == entry_id)):
            facts.versions.append(EntryVersion(v.id, entry_id, v.version, v.text, v.location,
                                               v.recorded_at, v.author, v.reason, v.version - 1))
        for a in conn.execute(select(log_assessment).where(log_assessment.c.entry_id == entry_id)):
            facts.assessments.append(Assessment(a.id, entry_id, a.reliability, a.grade, a.at,
                                                a.actor, a.reason, a.confirming_source,
                                                a.corroborating_entry_id))
        for link in conn.execute(select(log_link).where(
                or_(log_link.c.from_id == entry_id, log_link.c.to_id == entry_id))):
            facts.links.append(Link(link.id, link.from_id, link.to_id, link.kind, link.at,
                                    link.actor))
        facts.withdrawals = [dict(w) for w in conn.execute(
            select(log_withdrawal).where(log_withdrawal.c.entry_id == entry_id)).mappings()]
        facts.attachments = [dict(a) for a in conn.execute(
            select(log_attachment.c.id, log_attachment.c.filename, log_attachment.c.mime,
                   log_attachment.c.size, log_attachment.c.recorded_at, log_attachment.c.actor)
            .where(log_attachment.c.entry_id == entry_id)
            .order_by(log_attachment.c.recorded_at, log_attachment.c.id)).mappings()]
    return facts


def attachment_data(store: Store, attachment_id: str) -> tuple[str, str | None, bytes]:
    """(filename, mime, bytes) of one attachment. Not audited here: whoever hands the bytes
    out (save to a file) records that in the audit chain."""
    with store.read() as conn:
        row = conn.execute(select(log_attachment.c.filename, log_attachment.c.mime,
                                  log_attachment.c.data)
                           .where(log_attachment.c.id == attachment_id)).first()
    if row is None:
        raise NotFoundError(tr(f'onbekende bijlage: {attachment_id}', f'unknown attachment: {attachment_id}'))
    return row.filename, row.mime, bytes(row.data)


def entry_history(store: Store, entry_id: str) -> tuple[EntryState, EntryFacts]:
    facts = raw_facts(store, entry_id)
    others = {link.to_id if link.from_id == entry_id else link.from_id for link in facts.links}
    with store.read() as conn:
        linked = dict(conn.execute(select(log_current.c.entry_id, log_current.c.reliability)
                                   .where(log_current.c.entry_id.in_(others))).all())
    state = current_state(facts.versions, facts.assessments, facts.links, linked)
    return state, facts


def position_of(store: Store, crisis_id: str, flt: LogFilter | None, order: str,
                descending: bool, key: tuple[datetime, int]) -> int:
    """How many rows come before the row with sort key `key` (value, rowid) in this order: its
    row number in the table view, to keep the selection across a refresh."""
    column = ORDER_COLUMNS[order]
    value, rowid = key
    if descending:
        before = or_(column > value, and_(column == value, log_current.c.rowid > rowid))
    else:
        before = or_(column < value, and_(column == value, log_current.c.rowid < rowid))
    flt = flt or LogFilter()
    with store.read() as conn:
        query = select(func.count()).select_from(log_current).where(
            *flt.clauses(crisis_id, many_matches=flt.text_matches_many(conn)), before)
        return conn.execute(query).scalar()
