"""The FlowLayout wraps a row of buttons rather than widening the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from crisisconsole.ui.widgets.flow_layout import FlowLayout


def test_buttons_wrap_onto_more_lines_and_ask_for_the_widest_only(qtbot):
    holder = QWidget()
    outer = QVBoxLayout(holder)
    row = QWidget()
    flow = FlowLayout(row)
    buttons = [QPushButton(f"Knop nummer {n}") for n in range(8)]
    for button in buttons:
        flow.addWidget(button)
    hidden = QPushButton("verborgen")
    hidden.hide()
    flow.addWidget(hidden)
    outer.addWidget(row)
    outer.addWidget(QLabel("daaronder"))
    qtbot.addWidget(holder)
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest
    assert holder.minimumSizeHint().width() < sum(b.sizeHint().width() for b in buttons)
    holder.resize(sum(b.sizeHint().width() + 6 for b in buttons) + 40, 200)
    holder.show()
    QApplication.processEvents()
    assert len({b.y() for b in buttons}) == 1  # wide: one line
    holder.resize(widest * 3, 300)
    QApplication.processEvents()
    lines = sorted({b.y() for b in buttons})
    assert len(lines) >= 3
    assert all(b.geometry().right() <= row.width() for b in buttons)
    assert row.height() >= flow.heightForWidth(row.width())  # the next widget is below
    assert not hidden.isVisible() and flow.count() == 9
    assert flow.takeAt(8) is not None and flow.count() == 8 and flow.takeAt(20) is None
