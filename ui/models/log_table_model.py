"""The log as a table model over the services, built for a million rows.

`rowCount` is the total under the filter. Unfiltered it is a counter kept by trigger; with a
filter the first page is shown at once and the exact COUNT (hundreds of ms on a million rows for
some filters) runs on a background thread, after which the missing rows are inserted and
`count_ready` is emitted (stale counts of an older filter are dropped). Rows come
in pages of 200 into a small cache: pages near the top by keyset (or OFFSET) in the sort order,
pages near the bottom by the reversed order with a small offset, so jumping to the oldest entry
costs as little as showing the newest. Values are formatted once per page, so `data()` is a
dictionary look-up, and returns None at once for roles the view does not need.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from datetime import datetime, timedelta

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crisisconsole.clock import format_age, to_local
from crisisconsole.domain.log_rules import LATE_ENTRY_THRESHOLD, source_label
from crisisconsole.services.log import queries as log_queries
from crisisconsole.services.log.queries import LogFilter
from crisisconsole.services.log.values import LogEntry
from crisisconsole.services.team.conflicts import conflict_kinds
from crisisconsole.ui.worker import Lane

# Rows per read. Every change to the crisis shown drops the cache and reads the top page again
# (at most four times a second during an import): 200 rows cost ~0.2 s of the GUI thread on a
# loaded machine, 50 (two screens at 720p) a quarter of that (issue 19). The cache keeps as
# many rows as before.
PAGE = 50
MAX_PAGES = 160
EntryRole = Qt.ItemDataRole.UserRole + 1
EntryIdRole = Qt.ItemDataRole.UserRole + 2
BadgeRole = Qt.ItemDataRole.UserRole + 3  # (background, foreground) for badge columns
HighlightRole = Qt.ItemDataRole.UserRole + 4  # [(start, length)] search hits in the text

COL_TIME, COL_AGE, COL_SOURCE, COL_RELIABILITY, COL_TEXT, COL_LOCATION = range(6)
RELIABILITY_NL = {"confirmed": QT_TRANSLATE_NOOP("LogTableModel", "Bevestigd"),
                  "hearsay": QT_TRANSLATE_NOOP("LogTableModel", "Van horen zeggen"),
                  "refuted": QT_TRANSLATE_NOOP("LogTableModel", "Ontkracht")}
BADGE_COLOURS = {
    "confirmed": ("#1b7f3b", "#ffffff"),
    "hearsay": ("#f0b429", "#1f2d3d"),
    "refuted": ("#5f6b7a", "#ffffff"),
}
CONTRADICTED_BG = QBrush(QColor("#fde2e4"))
CONFLICT_MARKS = {"concurrent_corrections": QT_TRANSLATE_NOOP("LogTableModel",
                                                             "gelijktijdige correcties"),
                  "concurrent_regrades": QT_TRANSLATE_NOOP("LogTableModel",
                                                          "gelijktijdige herbeoordelingen")}
CONFLICT_BG = QBrush(QColor("#ffe3c2"))  # two versions wait for someone to choose
WITHDRAWN_FG = QBrush(QColor("#7b8794"))
STRUCK = QFont()
STRUCK.setStrikeOut(True)
ITALIC = QFont()
ITALIC.setItalic(True)


def _fold(text: str) -> str:
    """Lower case without diacritics, same length as the input (for highlight offsets)."""
    return "".join(unicodedata.normalize("NFKD", ch)[0].lower() for ch in text)


def hit_spans(text: str, query: str | None) -> list[tuple[int, int]]:
    """Where the words of a search (prefix, diacritics-insensitive, like the FTS5 index) occur."""
    words = [_fold(w) for w in re.findall(r"\w+", query or "")]
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*")
    return [(m.start(), m.end() - m.start()) for m in pattern.finditer(_fold(text))]


def age_colours(age: timedelta) -> tuple[str, str]:
    if age < timedelta(minutes=15):
        return ("#d9eaf7", "#102a43")
    if age < timedelta(hours=1):
        return ("#e4e7eb", "#243b53")
    return ("#f0f4f8", "#52606d")


class _Row:
    """One entry, formatted once."""

    __slots__ = ("entry", "display", "badges", "spans", "tooltip", "background", "foreground",
                 "font")

    def __init__(self, entry: LogEntry, now: datetime, query: str | None,
                 late_after: timedelta, conflict: str | None = None) -> None:
        self.entry = entry
        late = entry.late(late_after)
        local = to_local(entry.occurred_at)
        time_text = local.strftime("%d-%m %H:%M") + (" · " + QCoreApplication.translate("LogTableModel", "laat") if late else "")
        source = source_label(entry.source) + (f" ({entry.person})" if entry.person else "")
        tag = RELIABILITY_NL.get(entry.reliability, entry.reliability)
        tag_text = QCoreApplication.translate("LogTableModel", tag) + (f" {entry.grade}" if entry.grade else "")
        text = entry.text.replace("\n", " ")
        marks = []
        if conflict:  # team mode: two laptops corrected or re-graded it at once
            marks.append(QCoreApplication.translate("LogTableModel", CONFLICT_MARKS[conflict]))
        if entry.contradicted:
            marks.append(QCoreApplication.translate("LogTableModel", "TEGENGESPROKEN"))
        if entry.withdrawn:
            marks.append(QCoreApplication.translate("LogTableModel", "INGETROKKEN"))
        if entry.version > 1:
            marks.append(QCoreApplication.translate("LogTableModel", "gecorrigeerd"))
        shown = ("[" + ", ".join(marks) + "] " if marks else "") + text
        age = now - entry.occurred_at
        self.display = (time_text, format_age(age), source, tag_text, shown,
                        entry.location or "")
        self.badges = {COL_AGE: age_colours(age),
                       COL_RELIABILITY: BADGE_COLOURS.get(entry.reliability,
                                                          BADGE_COLOURS["hearsay"])}
        offset = len(shown) - len(text)
        self.spans = [(s + offset, n) for s, n in hit_spans(text, query)]
        tip = [entry.text]
        if late:
            tip.append(QCoreApplication.translate("LogTableModel", "Laat vastgelegd: %1").replace(
                "%1", to_local(entry.recorded_at).strftime("%d-%m %H:%M")))
        self.tooltip = "\n".join(tip)
        self.background = CONFLICT_BG if conflict else (
            CONTRADICTED_BG if entry.contradicted else None)
        self.foreground = WITHDRAWN_FG if entry.withdrawn else None
        self.font = STRUCK if entry.reliability == "refuted" else (
            ITALIC if entry.withdrawn else None)

    def refresh_age(self, now: datetime) -> None:
        age = now - self.entry.occurred_at
        self.display = (self.display[0], format_age(age), *self.display[2:])
        self.badges[COL_AGE] = age_colours(age)


class _CountSignals(QObject):
    done = Signal(int, int)  # generation, count (-1: failed)


def _count_job(model: LogTableModel, generation: int, flt: LogFilter):  # noqa: ANN202
    """The exact COUNT of a filtered view, off the GUI thread; skipped when already stale. The
    job holds plain values and the model's one signal object, which lives on the GUI thread."""
    store, crisis_id, signals = model.store, model.crisis_id, model._count_signals
    latest = model._latest  # the model's newest generation, a plain list (not the model)

    def is_current() -> bool:
        return latest[0] == generation

    def run() -> None:
        count = -2  # stale: not counted
        if is_current():
            try:
                count = log_queries.count_entries(store, crisis_id, flt)
            except Exception:  # noqa: BLE001 - the view keeps what it shows; a refresh retries
                count = -1
        signals.done.emit(generation, count)

    return run


class LogTableModel(QAbstractTableModel):
    count_ready = Signal()  # the exact total of a filtered view is in rowCount now

    HEADERS = (QT_TRANSLATE_NOOP("LogTableModel", "Tijdstip gebeurd"),
               QT_TRANSLATE_NOOP("LogTableModel", "Leeftijd"),
               QT_TRANSLATE_NOOP("LogTableModel", "Bron"),
               QT_TRANSLATE_NOOP("LogTableModel", "Betrouwbaarheid"),
               QT_TRANSLATE_NOOP("LogTableModel", "Melding"),
               QT_TRANSLATE_NOOP("LogTableModel", "Locatie"))

    def __init__(self, store, clock=None, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.store = store
        self.clock = clock or store.clock
        self.crisis_id: str | None = None
        self.filter = LogFilter()
        self.order = "occurred"
        self.descending = True
        self.late_after = LATE_ENTRY_THRESHOLD
        self._total = 0
        self._generation = 0
        self._latest = [0]  # the same number, for the counting thread
        self.counting = False  # a filtered view whose exact total is still being counted
        self._lane = Lane("crisisconsole-count")
        self._count_signals = _CountSignals(self)
        self._count_signals.done.connect(self._counted)
        self._pages: OrderedDict[int, list[_Row]] = OrderedDict()
        self._headers = tuple(QCoreApplication.translate("LogTableModel", h)
                              for h in self.HEADERS)

    # -- configuration -------------------------------------------------------------------------
    def set_crisis(self, crisis_id: str | None) -> None:
        self.crisis_id = crisis_id
        self.refresh()

    def set_filter(self, flt: LogFilter) -> None:
        self.filter = flt
        self.refresh()

    def set_order(self, order: str, descending: bool = True) -> None:
        self.order, self.descending = order, descending
        self.refresh()

    def set_late_after(self, threshold: timedelta) -> None:
        """The late-entry threshold (a setting); rows are formatted again when it changes."""
        if threshold != self.late_after:
            self.late_after = threshold
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        """Column 0 sorts by the time it happened; any other column by the time recorded."""
        self.set_order("occurred" if column == COL_TIME else "recorded",
                       order == Qt.SortOrder.DescendingOrder)

    def refresh(self) -> None:
        """Recount and drop the cache (after a change, a new filter or order)."""
        self.beginResetModel()
        self._pages.clear()
        self._generation += 1
        self._latest[0] = self._generation
        self.counting = False
        if not self.crisis_id:
            self._total = 0
        elif self.filter == LogFilter():  # a counter kept by trigger: instant
            self._total = log_queries.count_entries(self.store, self.crisis_id, self.filter)
        else:  # the first page now; the exact total from a background COUNT
            self._total = PAGE
            rows = self._load(0)
            self._total = len(rows)
            if len(rows) == PAGE:
                self.counting = True
                self._lane.start(_count_job(self, self._generation, self.filter))
        self.endResetModel()

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.counting = False
        if count > self._total:
            self.beginInsertRows(QModelIndex(), self._total, count - 1)
            self._total = count
            self.endInsertRows()
        elif 0 <= count < self._total:  # rows left the filter meanwhile: start afresh
            self.refresh()
            return
        self.count_ready.emit()

    def wait_for_count(self, msecs: int = 10_000) -> bool:
        """Block until the background count is done (tests, the benchmark)."""
        return self._lane.wait(msecs)

    def refresh_ages(self) -> None:
        now = self.clock.now()
        for rows in self._pages.values():
            for row in rows:
                row.refresh_age(now)
        if self._total:
            self.dataChanged.emit(self.index(0, COL_AGE), self.index(self._total - 1, COL_AGE))

    # -- Qt interface --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < 6:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role not in _ROLES or not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[column]
        if role == BadgeRole:
            return row.badges.get(column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return row.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return row.foreground
        if role == Qt.ItemDataRole.FontRole:
            return row.font if column == COL_TEXT else None
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a column elides it
            return row.tooltip if column == COL_TEXT else (
                row.display[column] if column in (COL_SOURCE, COL_LOCATION) else None)
        if role == HighlightRole:
            return row.spans if column == COL_TEXT else None
        if role == EntryIdRole:
            return row.entry.id
        if role == EntryRole:
            return row.entry
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.display[column]
        return None

    # -- paging --------------------------------------------------------------------------------
    def entry_at(self, row: int) -> LogEntry | None:
        item = self._row(row)
        return item.entry if item else None

    def _row(self, row: int) -> _Row | None:
        if not 0 <= row < self._total:
            return None
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._load(page)
        else:
            self._pages.move_to_end(page)
        offset = row - page * PAGE
        return rows[offset] if offset < len(rows) else None

    def _sort_key(self, entry: LogEntry) -> tuple[datetime, int]:
        return (entry.occurred_at if self.order == "occurred" else entry.recorded_at, entry.rowid)

    def _load(self, page: int) -> list[_Row]:
        start, end = page * PAGE, min((page + 1) * PAGE, self._total)
        common = {"order": self.order, "limit": end - start}
        if start <= self._total - end:  # nearer the top: the sort order itself
            before = self._pages.get(page - 1)
            if before and len(before) == PAGE:
                entries = log_queries.list_entries(
                    self.store, self.crisis_id, self.filter, descending=self.descending,
                    after=self._sort_key(before[-1].entry), **common)
            else:
                entries = log_queries.list_entries(
                    self.store, self.crisis_id, self.filter, descending=self.descending,
                    offset=start, **common)
        else:  # nearer the bottom: the reversed order, small offset
            below = self._pages.get(page + 1)
            if below:
                entries = log_queries.list_entries(
                    self.store, self.crisis_id, self.filter, descending=not self.descending,
                    after=self._sort_key(below[0].entry), **common)
            else:
                entries = log_queries.list_entries(
                    self.store, self.crisis_id, self.filter, descending=not self.descending,
                    offset=self._total - end, **common)
            entries.reverse()
        now = self.clock.now()
        marked = conflict_kinds(self.store, [e.id for e in entries]) if entries else {}
        rows = [_Row(e, now, self.filter.query, self.late_after, marked.get(e.id))
                for e in entries]
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def row_of(self, entry_id: str) -> int | None:
        """The row of an entry under the current filter and order, or None."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.entry.id == entry_id:
                    return page * PAGE + offset
        return self._find(entry_id)

    def _find(self, entry_id: str) -> int | None:
        try:
            entry = log_queries.get_entry(self.store, entry_id)
        except Exception:  # noqa: BLE001 - gone from view: nothing to restore
            return None
        if entry.crisis_id != self.crisis_id:
            return None
        row = log_queries.position_of(self.store, self.crisis_id, self.filter, self.order,
                                      self.descending, self._sort_key(entry))
        if row is None or row >= self._total:
            return None
        item = self._row(row)
        return row if item is not None and item.entry.id == entry_id else None


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, BadgeRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole,
    HighlightRole, EntryIdRole, EntryRole, Qt.ItemDataRole.AccessibleTextRole,
})
