"""The Uitvragen list as a table model: keyset-paged from the service (first page of 200,
more on scroll through canFetchMore/fetchMore), values formatted once per row, overdue rows
in the alert colour."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crisisconsole.clock import format_local
from crisisconsole.services.network.request_queries import PAGE, RequestView, list_requests

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
OVERDUE = QBrush(QColor("#b00020"))
BOLD = QFont()
BOLD.setBold(True)
STATES = {"open": QT_TRANSLATE_NOOP("requests", "open"),
          "partly_answered": QT_TRANSLATE_NOOP("requests", "deels beantwoord"),
          "answered": QT_TRANSLATE_NOOP("requests", "beantwoord"),
          "declined": QT_TRANSLATE_NOOP("requests", "geweigerd"),
          "withdrawn": QT_TRANSLATE_NOOP("requests", "ingetrokken")}
OVERDUE_TEXT = QT_TRANSLATE_NOOP("requests", "te laat")
COLUMNS = (QT_TRANSLATE_NOOP("requests", "Status"), QT_TRANSLATE_NOOP("requests", "Termijn"),
           QT_TRANSLATE_NOOP("requests", "Aan"), QT_TRANSLATE_NOOP("requests", "Vraag"),
           QT_TRANSLATE_NOOP("requests", "Gevraagd"),
           QT_TRANSLATE_NOOP("requests", "Antwoorden"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("requests", text)


class RequestsModel(QAbstractTableModel):
    """``mode``: "all" (outstanding first), "open" or "overdue"."""

    def __init__(self, store, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.store = store
        self.crisis_id: str | None = None
        self.mode = "all"
        self.now: datetime | None = None
        self._items: list[RequestView] = []
        self._cells: list[tuple[str, ...]] = []
        self._more = False
        self._phase, self._after_phase = "outstanding", 0

    def load(self, crisis_id: str | None, mode: str | None = None,
             now: datetime | None = None) -> None:
        self.beginResetModel()
        self.crisis_id, self.mode, self.now = crisis_id, mode or self.mode, now
        self._items, self._cells, self._more = [], [], False
        self._phase, self._after_phase = "outstanding", 0
        if crisis_id is not None:
            self._append(self._page(None))
        self.endResetModel()

    def _page(self, after: tuple[datetime, str] | None) -> list[RequestView]:
        """The next page: in "all", the outstanding requests first, then the closed ones, each
        keyset-paged by deadline."""
        closed = self.mode == "all" and self._phase == "closed"
        page = list_requests(self.store, self.crisis_id,
                             open_only=self.mode in ("open", "all") and not closed,
                             overdue_only=self.mode == "overdue", closed_only=closed,
                             now=self.now, limit=PAGE, after=after)
        if self.mode == "all" and not closed and len(page) < PAGE:
            self._phase, self._after_phase = "closed", len(self._items) + len(page)
            page += list_requests(self.store, self.crisis_id, closed_only=True, now=self.now,
                                  limit=PAGE - len(page))
        return page

    def _append(self, page: list[RequestView]) -> None:
        self._items += page
        self._cells += [self._format(r) for r in page]
        self._more = len(page) == PAGE

    def _last_key(self) -> tuple[datetime, str] | None:
        """The keyset position within the current phase (None: its start)."""
        if self._phase == "closed" and len(self._items) <= self._after_phase:
            return None
        last = self._items[-1]
        return (last.due_at, last.id)

    def _format(self, r: RequestView) -> tuple[str, ...]:
        state = _tr(STATES.get(r.state, r.state))
        if r.overdue:
            state = f"{_tr(OVERDUE_TEXT)} · {state}"
        return (state, format_local(r.due_at), r.to, r.question, format_local(r.asked_at),
                str(len(r.answer_entry_ids)))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more:
            return
        page = self._page(self._last_key())
        if not page:
            self._more = False
            return
        self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    def item(self, row: int) -> RequestView | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return _tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        item = self._items[index.row()]
        if role == IdRole:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.FontRole and item.overdue:
            return BOLD
        return None
