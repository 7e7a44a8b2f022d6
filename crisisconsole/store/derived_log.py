"""The log's derived tables recomputed from its facts, for `audit verify`.

`log_current`, `log_count` and the FTS5 index `log_fts` are kept by triggers (r0002) and have no
triggers of their own against UPDATE or DELETE: anyone with the key can change what the list,
the search and the exports show while every fact and the audit chain stay intact. So verify
replays the triggers' rules over the facts and compares, row by row:

- `log_current`: both sides are streamed in rowid order (log_current's rowid is log_entry's:
  the trigger inserts one row per entry, in the same transaction); the sparse facts (links,
  withdrawals) are read into sets first and the assessments stream in the same order, so a
  million entries need no more memory than their links. Rows are compared as tuples (one C-level
  comparison each); only a difference is looked at column by column.
- `log_count`: entries per crisis.
- `log_fts`: FTS5 checks an external-content index against its content only through its
  'integrity-check' command, which counts as a write and so cannot run on the read-only file.
  The index's shadow tables are copied into a temporary FTS5 table (in the connection's own temp
  schema) over a temporary view of log_current, and the command runs there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from crisisconsole.i18n import tr
from crisisconsole.store.differences import Difference

# log_current's columns in table order; the expected row is built in the same order.
CURRENT_COLUMNS = (
    "rowid", "entry_id", "crisis_id", "occurred_at", "recorded_at", "source", "person",
    "discipline", "location", "lat", "lon", "text", "version", "reliability", "grade",
    "assessed_at", "last_confirmed_at", "contradicted", "corroborations", "withdrawn", "author",
    "origin_kind",
)
_CONTRADICTED = CURRENT_COLUMNS.index("contradicted")
_RELIABILITY = CURRENT_COLUMNS.index("reliability")
BATCH = 5000
ENTRIES_SQL = """SELECT e.rowid, e.id, e.crisis_id, e.occurred_at, e.recorded_at, e.source,
    e.person, e.discipline, e.location, e.lat, e.lon, e.text, e.reliability, e.grade, e.author,
    e.origin_kind, v.text, v.location, v.version
    FROM log_entry e LEFT JOIN log_version v ON v.entry_id = e.id AND v.version > 1
        AND v.version = (SELECT max(version) FROM log_version WHERE entry_id = e.id)
    ORDER BY e.rowid"""
ASSESSMENTS_SQL = """SELECT e.rowid, a.reliability, a.grade, a.at FROM log_assessment a
    JOIN log_entry e ON e.id = a.entry_id ORDER BY e.rowid, a.rowid"""


def _rows(raw: Any, sql: str) -> Iterator[tuple]:
    cursor = raw.cursor()
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(BATCH):
            yield from batch
    finally:
        cursor.close()


def _assessments(raw: Any) -> Iterator[tuple[int, list[tuple]]]:
    """(entry rowid, its assessments in the order they were recorded), entry by entry."""
    current: int | None = None
    group: list[tuple] = []
    for rowid, reliability, grade, at in _rows(raw, ASSESSMENTS_SQL):
        if rowid != current:
            if current is not None:
                yield current, group
            current, group = rowid, []
        group.append((reliability, grade, at))
    if current is not None:
        yield current, group


def _expected_rows(raw: Any, corroborations: dict[str, int],
                   withdrawn: set[str]) -> Iterator[list]:
    """What the triggers make of the facts, one log_current row per entry (as a list, so the
    contradiction flag can be filled in once every reliability is known)."""
    assessments = _assessments(raw)
    pending = next(assessments, None)
    for (rowid, entry_id, crisis_id, occurred_at, recorded_at, source, person, discipline,
         location, lat, lon, text, reliability, grade, author, origin_kind, v_text, v_location,
         v_version) in _rows(raw, ENTRIES_SQL):
        version = 1
        if v_version is not None:
            text, location, version = v_text, v_location, v_version
        assessed_at = recorded_at
        last_confirmed = recorded_at if reliability == "confirmed" else None
        while pending is not None and pending[0] < rowid:
            pending = next(assessments, None)  # assessments of an entry that is not there
        if pending is not None and pending[0] == rowid:
            # log_assessment_current: a re-grade counts only if not older than the last one;
            # the last confirmation is the newest confirming assessment either way.
            for a_reliability, a_grade, at in pending[1]:
                if at >= assessed_at:
                    reliability, assessed_at = a_reliability, at
                    if a_grade is not None:
                        grade = a_grade
                if a_reliability == "confirmed" and (last_confirmed is None
                                                     or at > last_confirmed):
                    last_confirmed = at
            pending = next(assessments, None)
        yield [rowid, entry_id, crisis_id, occurred_at, recorded_at, source, person, discipline,
               location, lat, lon, text, version, reliability, grade, assessed_at,
               last_confirmed, 0, corroborations.get(entry_id, 0),
               1 if entry_id in withdrawn else 0, author, origin_kind]


def check_log_current(raw: Any) -> Iterator[Difference]:
    corroborations = dict(raw.execute(
        "SELECT to_id, count(*) FROM log_link WHERE kind = 'corroborates' GROUP BY to_id"))
    withdrawn = {row[0] for row in raw.execute("SELECT DISTINCT entry_id FROM log_withdrawal")}
    contradicts = list(raw.execute(
        "SELECT from_id, to_id FROM log_link WHERE kind = 'contradicts'"))
    involved = {entry for link in contradicts for entry in link}
    reliability: dict[str, str] = {}  # expected, for entries in a contradiction
    stored_flag: dict[str, Any] = {}
    actual = _rows(raw, f"SELECT {', '.join(CURRENT_COLUMNS)} FROM log_current ORDER BY rowid")
    stored = next(actual, None)
    for row in _expected_rows(raw, corroborations, withdrawn):
        rowid, entry_id = row[0], row[1]
        while stored is not None and stored[0] < rowid:
            yield _extra(stored)
            stored = next(actual, None)
        if stored is None or stored[0] != rowid:
            yield Difference("log_current", entry_id, None, None, "row",
                             tr("de rij ontbreekt", "the row is missing"))
            continue
        if entry_id in involved:
            # The flag depends on the other side's final reliability: compared after the pass.
            reliability[entry_id] = row[_RELIABILITY]
            stored_flag[entry_id] = stored[_CONTRADICTED]
            row[_CONTRADICTED] = stored[_CONTRADICTED]
        if tuple(row) != stored:
            yield from _column_differences(entry_id, stored, row)
        stored = next(actual, None)
    while stored is not None:
        yield _extra(stored)
        stored = next(actual, None)
    yield from _contradictions(contradicts, reliability, stored_flag)


def _contradictions(contradicts: list[tuple[str, str]], reliability: dict[str, str],
                    stored_flag: dict[str, Any]) -> Iterator[Difference]:
    """r0002's OPEN_CONTRADICTION on the final state: a contradicts link is open while neither
    side is refuted."""
    expected = dict.fromkeys(stored_flag, 0)
    for from_id, to_id in contradicts:
        if from_id not in reliability or to_id not in reliability:
            continue
        if reliability[from_id] != "refuted" and reliability[to_id] != "refuted":
            expected[from_id] = expected[to_id] = 1
    for entry_id, flag in stored_flag.items():
        if flag != expected[entry_id]:
            yield Difference("log_current", entry_id, "contradicted", flag, expected[entry_id])


def _column_differences(entry_id: str, stored: tuple, expected: list) -> Iterator[Difference]:
    for name, have, want in zip(CURRENT_COLUMNS, stored, expected, strict=True):
        if have != want:
            yield Difference("log_current", entry_id, name, have, want)


def _extra(stored: tuple) -> Difference:
    return Difference("log_current", str(stored[1]), None, "row", None,
                      tr("een rij zonder melding", "a row without a log entry"))


def check_log_count(raw: Any) -> Iterator[Difference]:
    expected = dict(raw.execute("SELECT crisis_id, count(*) FROM log_entry GROUP BY crisis_id"))
    stored = dict(raw.execute("SELECT crisis_id, n FROM log_count"))
    for crisis_id in sorted(expected.keys() | stored.keys()):
        if stored.get(crisis_id) != expected.get(crisis_id):
            yield Difference("log_count", crisis_id, "n", stored.get(crisis_id),
                             expected.get(crisis_id))


_FTS_COLUMNS = "text, location, source, person"
_FTS_SHADOWS = ("data", "idx", "docsize", "config")
_FTS_TOKENIZE = "unicode61 remove_diacritics 2"  # as r0002 creates log_fts


def check_log_search_index(raw: Any) -> Iterator[Difference]:
    """The search index against log_current (itself checked against the facts above)."""
    copy, view = "cc_verify_fts", "cc_verify_fts_content"
    # query_only also bars the temp schema; the file itself stays read-only (mode=ro/immutable).
    query_only = raw.execute("PRAGMA query_only").fetchone()[0]
    raw.execute("PRAGMA query_only = OFF")
    try:
        raw.execute(f"CREATE TEMP VIEW {view} AS SELECT rowid, {_FTS_COLUMNS} "
                    "FROM main.log_current")
        raw.execute(f"CREATE VIRTUAL TABLE temp.{copy} USING fts5({_FTS_COLUMNS}, "
                    f"content='{view}', content_rowid='rowid', tokenize='{_FTS_TOKENIZE}')")
        for shadow in _FTS_SHADOWS:
            raw.execute(f"DELETE FROM temp.{copy}_{shadow}")
            raw.execute(f"INSERT INTO temp.{copy}_{shadow} SELECT * FROM main.log_fts_{shadow}")
        try:
            raw.execute(f"INSERT INTO temp.{copy} ({copy}, rank) VALUES ('integrity-check', 1)")
        except Exception as error:  # noqa: BLE001 - FTS5 reports a mismatch as corruption
            yield Difference("log_fts", None, None, None, None, tr(
                f"de zoekindex klopt niet met log_current: zoeken toont andere meldingen ({error})",
                f"the search index does not match log_current: search shows other entries "
                f"({error})"))
    finally:
        raw.execute(f"DROP TABLE IF EXISTS temp.{copy}")
        raw.execute(f"DROP VIEW IF EXISTS temp.{view}")
        raw.execute(f"PRAGMA query_only = {int(query_only)}")
