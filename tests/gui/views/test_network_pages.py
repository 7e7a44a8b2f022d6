"""The network pages offscreen: Uitvragen (model, one-line entry, answer), Partners & rooster,
Tijdlijn (zoom) and Evaluatie, each rendered at 1280×720."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.services.foundation.audit import list_records
from crisisconsole.services.network import partners, request_queries, requests, roster
from crisisconsole.ui.models.requests_model import RequestsModel
from crisisconsole.ui.page_context import CurrentCrisis, PageContext


class _Window(QWidget):
    """A page and what it is given (PageContext); the main window stays out of these tests."""

    def __init__(self, session, crisis_id, make_page):
        super().__init__()
        self.session = session
        self.errors = []
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        layout = QVBoxLayout(self)
        context = PageContext(session, self.crisis, self.errors.append, lambda _text, _ms: None)
        self.page = make_page(context)
        layout.addWidget(self.page)


def _show(qtbot, session, crisis, make_page):
    window = _Window(session, crisis.id, make_page)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    if hasattr(window.page, "busy"):  # the timeline and the evaluation read off the GUI thread
        qtbot.waitUntil(lambda: not window.page.busy, timeout=10_000)
    return window, window.page


def _fill(ctx, crisis, clock, n=5):
    ggd = partners.add_partner(ctx, PartnerFields("GGD", function="DPG", phone="088 144 7111",
                                                  discipline="ghor"))
    ids = [requests.add_request(ctx, crisis.id, f"Vraag {i}", clock.now()
                                + timedelta(minutes=5 + i * 60), to=ggd.id)["id"]
           for i in range(n)]
    clock.advance(timedelta(minutes=10))  # the first is overdue now
    return ids


def test_requests_model_pages_by_keyset(qtmodeltester, ctx, crisis, clock, qapp):
    for i in range(request_queries.PAGE + 30):
        requests.add_request(ctx, crisis.id, f"V{i}", clock.now() + timedelta(minutes=i + 1),
                             person="X")
    closed = requests.add_request(ctx, crisis.id, "dicht", clock.now() + timedelta(hours=1),
                                  person="X")
    requests.close_request(ctx, closed["id"], "withdrawn", "r")
    model = RequestsModel(ctx.store)
    model.load(crisis.id, "all", clock.now())
    assert model.rowCount() == request_queries.PAGE and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == request_queries.PAGE + 31
    assert model.item(model.rowCount() - 1).id == closed["id"]  # closed ones after
    assert len({model.item(r).id for r in range(model.rowCount())}) == model.rowCount()


def test_requests_page_one_line_entry_and_answer(qtbot, session, ctx, crisis, clock, shots,
                                                 monkeypatch):
    from crisisconsole.ui.views import requests_page

    _fill(ctx, crisis, clock)
    window, page = _show(qtbot, session, crisis, requests_page.make_page)
    assert page.model.rowCount() == 5
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    page.quick.setText("GGD: Hoeveel bedden zijn er vrij? binnen 30 min")
    page.add_quick()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=5000)
    assert page.quick.text() == "" and "GGD" in page.message.text()
    page.quick.setText("GGD: zonder termijn")
    page.add_quick()
    qtbot.waitUntil(lambda: "termijn" in page.message.text(), timeout=5000)
    assert page.quick.text() == "GGD: zonder termijn"  # nothing typed is lost
    page.table.selectRow(0)
    monkeypatch.setattr(requests_page.AnswerDialog, "exec", lambda self: self.accept() or True)
    monkeypatch.setattr(requests_page.AnswerDialog, "values", lambda self: {
        "text": "Twaalf bedden", "reliability": "hearsay", "partial": False})
    page.answer()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)  # answered: not open
    page.grab().save(str(shots / "requests.png"))
    requests.add_request(ctx, crisis.id, "Elders gevraagd", clock.now() + timedelta(hours=1),
                         person="Y")  # written elsewhere: the feed brings it
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=5000)
    assert not window.errors


def test_network_timeline_and_evaluation_pages_render(qtbot, session, ctx, crisis, clock, shots,
                                                      tmp_path):
    from crisisconsole.ui.views import evaluation_page, network_page, timeline_page

    ids = _fill(ctx, crisis, clock)
    requests.answer_request(ctx, ids[1], "antwoord")
    window, page = _show(qtbot, session, crisis, network_page.make_page)
    assert page.partner_table.rowCount() == 1
    assert page.partner_table.item(0, 2).toolTip() == "tel:+31881447111"
    page.function.setCurrentText("OvD-Bz")
    page.person.setText("M. Visser")
    page.assign()
    qtbot.waitUntil(lambda: any(page.roster_table.item(r, 1).text() == "M. Visser"
                                for r in range(page.roster_table.rowCount())), timeout=5000)
    page.grab().save(str(shots / "network.png"))
    # Writes made elsewhere (another page, the CLI in another process) reach it by the feed.
    partners.add_partner(ctx, PartnerFields("Waterschap", discipline="overig"))
    qtbot.waitUntil(lambda: page.partner_table.rowCount() == 2, timeout=5000)
    roster.assign(ctx, crisis.id, "OvD-Bz", "J. de Boer")
    qtbot.waitUntil(lambda: any(page.roster_table.item(r, 1).text() == "J. de Boer"
                                for r in range(page.roster_table.rowCount())), timeout=5000)
    window, page = _show(qtbot, session, crisis, timeline_page.make_page)
    whole = page.visible_window()
    page.zoom_by(2.0)
    zoomed = page.visible_window()
    assert zoomed[1] - zoomed[0] == (whole[1] - whole[0]) / 2
    image = page.canvas.grab().toImage()
    assert image.width() > 1000
    page.grab().save(str(shots / "timeline.png"))
    page.export_to(crisis.id, tmp_path / "tijdlijn.pdf")
    window, page = _show(qtbot, session, crisis, evaluation_page.make_page)
    assert "5 uitvragen" in page.summary.text() or "5 requests" in page.summary.text()
    page.grab().save(str(shots / "evaluation.png"))
    page.export_to(crisis.id, tmp_path / "evaluatie.json")
    assert not window.errors
    assert (tmp_path / "tijdlijn.pdf").read_bytes().startswith(b"%PDF")
    exported = [r["action"] for r in list_records(ctx.store, object_id=crisis.id)
                if ".export." in r["action"]]
    assert exported == ["timeline.export.pdf", "evaluation.export.json"]
