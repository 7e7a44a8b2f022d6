"""A line in the middle of an item view that has no rows, saying why (an empty filter result,
nothing recorded yet) instead of leaving a blank table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyViewNote(QLabel):
    def __init__(self, view: QAbstractItemView, text_for: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyViewNote")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #52606d; font-size: 12pt; background: transparent;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        self._text_for = text_for
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self.update_state)
        view.viewport().installEventFilter(self)
        self.update_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect().adjusted(16, 16, -16, -16))
        return False

    def update_state(self, *_args: object) -> None:
        empty = self._view.model().rowCount() == 0
        if empty:
            self.setText(self._text_for())
            self.setAccessibleName(self.text())
            self.setGeometry(self._view.viewport().rect().adjusted(16, 16, -16, -16))
        self.setVisible(empty)
