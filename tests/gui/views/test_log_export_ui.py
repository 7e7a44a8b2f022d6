"""Export and print the log from the app (issue 14, item 4): what the page's filter shows, as
CSV, JSON, PDF or through the print dialog (answered here, never opened), audited like the
CLI's ``log export``, from the Bestand menu (Ctrl+E, Ctrl+Shift+P)."""

from __future__ import annotations

import csv
import io
import json

from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crisisconsole.services.foundation import audit
from crisisconsole.services.log.entries import add_entry, assess_entry
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import make_page


class _Window(QWidget):
    def __init__(self, session, crisis_id):
        super().__init__()
        self.errors, self.notes = [], []
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        context = PageContext(session, self.crisis, self.errors.append,
                              lambda text, _ms: self.notes.append(text))
        self.page = make_page(context)
        QVBoxLayout(self).addWidget(self.page)


def _log(ctx, crisis, clock):
    ids = []
    for i, (text, source) in enumerate((("Brand in loods Industrieweg", "burger"),
                                        ("ME rukt uit naar het station", "politie"),
                                        ("Schoten gehoord bij het station", "burger"))):
        clock.advance(minutes=2)
        ids.append(add_entry(ctx, crisis.id, text, source).id)
        if i == 1:
            assess_entry(ctx, ids[-1], "confirmed", by="politie OvD")
        if i == 2:
            assess_entry(ctx, ids[-1], "refuted", by="politie OvD")
    return ids


def _page(qtbot, session, crisis):
    window = _Window(session, crisis.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.page.crisis_id == crisis.id)
    return window, window.page


def _actions(store, name):
    return [r for r in audit.list_records(store) if r["action"] == name]


def test_export_takes_the_filter_of_the_page(qtbot, session, ctx, crisis, clock, tmp_path):
    ids = _log(ctx, crisis, clock)
    window, page = _page(qtbot, session, crisis)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    page.filters.reliability_chips["confirmed"].setChecked(True)
    page.filters.reliability_chips["refuted"].setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    asked = []
    page.exporter.save_name = lambda *args: asked.append(args) or str(tmp_path / "log.csv")
    page.exporter.ask_export()
    qtbot.waitUntil(lambda: not page.exporter.busy, timeout=30_000)  # made by a child
    child = page.exporter.last_child  # a child process made it, not the window's process
    assert child.job["kind"] == "log_export" and child.process.returncode == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "log.csv").read_text("utf-8-sig")),
                               delimiter=";"))
    assert {r["entry_id"] for r in rows} == set(ids[1:])
    assert "Logboek exporteren" in asked[0][1]
    page.exporter.export_to(tmp_path / "log.json")
    qtbot.waitUntil(lambda: not page.exporter.busy, timeout=30_000)
    data = json.loads((tmp_path / "log.json").read_text("utf-8"))
    assert data["filter"]["reliability"] == ["confirmed", "refuted"]
    assert [e["id"] for e in data["entries"]] == ids[1:]
    page.exporter.export_to(tmp_path / "log.pdf")
    qtbot.waitUntil(lambda: not page.exporter.busy, timeout=30_000)
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "log.pdf").pages)
    assert "Selectie" in text and "Ontkracht" in text and "Brand in loods" not in text
    assert len(_actions(session.store, "log.export")) == 3
    assert window.errors == [] and "geëxporteerd" in window.notes[-1]


def test_print_through_the_dialog_to_a_pdf_printer(qtbot, session, ctx, crisis, clock,
                                                   tmp_path):
    _log(ctx, crisis, clock)
    window, page = _page(qtbot, session, crisis)
    out = tmp_path / "printed.pdf"

    def printer():
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(out))
        made.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return made

    shown = []
    page.exporter.make_printer = printer
    page.exporter.print_dialog = lambda made, parent: shown.append(made) is None and False
    page.exporter.ask_print()  # cancelled: nothing read, nothing printed, nothing audited
    assert shown and not out.exists() and _actions(session.store, "log.print") == []
    page.exporter.print_dialog = lambda made, parent: True
    page.exporter.ask_print()
    qtbot.waitUntil(lambda: hasattr(page.exporter, "last_print"), timeout=10000)
    page.exporter.last_print = None  # the printer writes its file when it is done with
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=5000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Betrouwbaarheid" in text and "Ontkracht" in text and "Brand in loods" in text
    assert len(_actions(session.store, "log.print")) == 1 and window.errors == []


def test_a_viewer_is_refused_with_a_message(qtbot, ctx, crisis, clock, as_role, tmp_path):
    from crisisconsole.ui.session import Session

    _log(ctx, crisis, clock)
    viewer = Session(as_role("viewer"))
    try:
        window, page = _page(qtbot, viewer, crisis)
        page.exporter.export_to(tmp_path / "log.csv")
        qtbot.waitUntil(lambda: bool(window.errors), timeout=30_000)
        assert "log.export" in window.errors[0].message and not (tmp_path / "log.csv").exists()
    finally:
        viewer.worker.wait()


def test_the_file_menu_has_export_and_print_with_their_keys(qtbot, session, crisis, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    actions = {a.text(): a for menu in window.menuBar().findChildren(type(window.menuBar()
               .actions()[0].menu())) for a in menu.actions()}
    export, printing = actions["Logboek exporteren…"], actions["Logboek afdrukken…"]
    assert export.shortcut().toString() == "Ctrl+E"
    assert printing.shortcut().toString() == "Ctrl+Shift+P"
    log = window.pages["log"]
    log.exporter.save_name = lambda *args: str(tmp_path / "menu.json")
    export.trigger()
    qtbot.waitUntil(lambda: (tmp_path / "menu.json").exists(), timeout=5000)
    window.reminders.stop()
