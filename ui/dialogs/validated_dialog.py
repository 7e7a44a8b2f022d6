"""The one pattern of every input dialog: check before closing, say what is wrong beside the
field, keep what was typed (DESIGN principle 3, "nothing typed is lost").

A subclass returns ``problems()``: field widget -> message, from the same domain rules the
service applies (so the rules live in one place). ``accept()`` shows each message in a red
label under its field, focuses the first bad field and stays open. A dialog given an act
(``submit_through``) also stays open while the service runs on the session's writer and closes
only after the write is done; a refusal the checks could not foresee is shown in the dialog
(beside the field it names, else above the buttons), with every field as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QWidget,
)

from crisisconsole.errors import CrisisConsoleError
from crisisconsole.i18n import language

PROBLEM_STYLE = "color: #b00020; font-weight: bold;"


def one_language(message: str) -> str:
    """A core message of the older kind, "Dutch / English", in the UI language only."""
    if message.count(" / ") != 1:
        return message
    dutch, english = message.split(" / ")
    return english if language() == "en" else dutch


def _path(layout: QLayout, widget: QWidget) -> list[tuple[QLayout, int]]:
    """The (layout, item index) steps from ``layout`` down to ``widget``, outermost first,
    also through the layouts of container widgets (a group box); empty when not found."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget:
            return [(layout, index)]
        inner = item.layout()
        if inner is None and item.widget() is not None and item.widget().isAncestorOf(widget):
            inner = item.widget().layout()
            if inner is None:
                return [(layout, index)]
        if inner is not None:
            rest = _path(inner, widget)
            if rest:
                return [(layout, index), *rest]
    return []


def _stacks(layout: QLayout) -> bool:
    """A layout where a label can go under an item: a form, or a top-to-bottom box."""
    return isinstance(layout, QFormLayout) or (
        isinstance(layout, QBoxLayout)
        and layout.direction() in (QBoxLayout.Direction.TopToBottom,
                                   QBoxLayout.Direction.BottomToTop))


def _slot(layout: QLayout | None, widget: QWidget) -> tuple[QLayout, int] | None:
    """Where a label under ``widget`` goes: the innermost form or column holding it."""
    steps = _path(layout, widget) if layout is not None else []
    stacking = [step for step in steps if _stacks(step[0])]
    return stacking[-1] if stacking else None


class ValidatedDialog(QDialog):
    """Subclasses build their form as usual (QFormLayout or QVBoxLayout, one button box) and
    override ``problems()``; ``fields`` (name -> widget) lets a refusal that names fields (a
    domain error with ``missing``/``invalid``) point at them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self._problem_labels: dict[int, tuple[QWidget, QLabel]] = {}
        self._note: QLabel | None = None
        self._act: Callable[[], None] | None = None
        self._busy = False
        self.result_value: Any = None

    # -- what a subclass gives -----------------------------------------------------------------
    def problems(self) -> dict[QWidget, str]:
        """Field -> what is wrong with it; empty when the input may go to the service."""
        return {}

    def values(self) -> dict:
        return {}

    # -- the act -------------------------------------------------------------------------------
    def submit_through(self, session: Any, act: Callable[[dict], Any],  # noqa: ANN401
                       done: Callable[[Any], None] | None = None, *,
                       origin: object | None = None,
                       collect: Callable[[], dict] | None = None) -> None:
        """On OK (after ``problems()``): ``act(values)`` on the session's writer, the values
        read here on the GUI thread (``values()``, or ``collect()``); the dialog closes after
        the act succeeded (then ``done(result)``), and stays open with the refusal
        otherwise."""
        def start() -> None:
            values = (collect or self.values)()
            session.run(lambda: act(values), lambda result: self._saved(result, done),
                        self.failed, origin=origin)

        self._act = start

    def accept(self) -> None:
        if self._busy:
            return
        problems = self.problems()
        self.show_problems(problems)
        if problems:
            return
        if self._act is None:
            super().accept()
            return
        self._set_busy(True)
        self.note(self.tr("Opslaan…"), error=False)
        self._act()

    def _saved(self, result: Any, done: Callable[[Any], None] | None) -> None:  # noqa: ANN401
        self._set_busy(False)
        self.note("")
        self.result_value = result
        super().accept()
        if done is not None:
            done(result)

    def failed(self, error: BaseException) -> None:
        """The service refused (or the write failed): say why, keep every field as typed.
        A dialog closed meanwhile (Esc, the lock) opens again with its input."""
        self._set_busy(False)
        owner = self.parentWidget().window() if self.parentWidget() is not None else None
        if not self.isVisible() and not getattr(owner, "is_locked", False):
            self.open()
        if not isinstance(error, CrisisConsoleError):
            self.note(self.tr("Niet opgeslagen: onverwachte fout (zie log)."))
            from crisisconsole.ui.errors import show_error

            show_error(self, error)
            return
        named = self.named_problems(error)
        if named:
            self.note("")
            self.show_problems(named)
        else:
            self.show_problems({})
            self.note(error.message)

    def named_problems(self, error: CrisisConsoleError) -> dict[QWidget, str]:
        """A domain refusal that names its fields (``field``; ``missing``, ``invalid``), per
        field."""
        problems: dict[QWidget, str] = {}
        field = getattr(error, "field", "")  # EntryInvalid: the one field it is about
        if field in self.fields:
            problems[self.fields[field]] = error.message
        for name in getattr(error, "invalid", ()):
            if name in self.fields:
                problems[self.fields[name]] = self.tr("Ongeldige waarde.")
        for name in getattr(error, "missing", ()):
            if name in self.fields:
                problems[self.fields[name]] = self.tr("Verplicht: vul dit in.")
        return problems

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        box = self.findChild(QDialogButtonBox)
        if box is not None:
            box.setEnabled(not busy)

    # -- showing -------------------------------------------------------------------------------
    def show_problems(self, problems: Mapping[QWidget, str]) -> None:
        """Each message under its field; the others cleared; the first bad field focused."""
        for widget, label in self._problem_labels.values():
            if widget not in problems:
                label.clear()
                label.hide()
                widget.setAccessibleDescription("")
        first = None
        for widget, message in problems.items():
            label = self._label_for(widget)
            label.setText(one_language(message))
            label.show()
            widget.setAccessibleDescription(label.text())
            first = first or widget
        if first is not None:
            first.setFocus()
        self._grow()

    def _grow(self) -> None:
        """Room for the messages: the dialog grows to what its form now needs."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def problem_text(self, widget: QWidget) -> str:
        """The message shown under ``widget`` now ("" when none)."""
        entry = self._problem_labels.get(id(widget))
        return entry[1].text() if entry is not None and not entry[1].isHidden() else ""

    def note_text(self) -> str:
        return self._note.text() if self._note is not None else ""

    def note(self, text: str, *, error: bool = True) -> None:
        """A message about the whole form, above the buttons."""
        if self._note is None:
            if not text:
                return
            self._note = QLabel()
            self._note.setObjectName("dialogMessage")
            self._note.setWordWrap(True)
            self._place_above_buttons(self._note)
        self._note.setStyleSheet(PROBLEM_STYLE if error else "")
        self._note.setText(one_language(text))
        self._note.setVisible(bool(text))
        self._grow()

    def _label_for(self, widget: QWidget) -> QLabel:
        entry = self._problem_labels.get(id(widget))
        if entry is not None:
            return entry[1]
        label = QLabel()
        label.setObjectName("fieldProblem")
        label.setWordWrap(True)
        label.setStyleSheet(PROBLEM_STYLE)
        label.setBuddy(widget)
        if not self._place_under(widget, label):
            self._place_above_buttons(label)
        self._problem_labels[id(widget)] = (widget, label)
        return label

    def _place_under(self, widget: QWidget, label: QLabel) -> bool:
        found = _slot(self.layout(), widget)
        if found is None:
            return False
        holder, index = found
        if isinstance(holder, QFormLayout):
            row, _role = holder.getItemPosition(index)
            holder.insertRow(row + 1, "", label)
            return True
        if isinstance(holder, QBoxLayout) and _stacks(holder):
            holder.insertWidget(index + 1, label)
            return True
        return False

    def _place_above_buttons(self, label: QLabel) -> None:
        box = self.findChild(QDialogButtonBox)
        layout = self.layout()
        found = _slot(layout, box) if box is not None else None
        if found is not None:
            holder, index = found
            if isinstance(holder, QFormLayout):
                row, _role = holder.getItemPosition(index)
                holder.insertRow(row, label)
                return
            if isinstance(holder, QBoxLayout):
                holder.insertWidget(index, label)
                return
        if isinstance(layout, QFormLayout):
            layout.addRow(label)
        elif layout is not None:
            layout.addWidget(label)
