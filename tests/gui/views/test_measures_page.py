"""The measures page: model (qtmodeltester), the demo on screen, marking a notice sent, the top
bar's overdue count and list, the reminder banner, letters from the page."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures.views import list_measures
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.measures_model import MeasuresModel, countdown_text


def test_measures_model_passes_qt_model_tester(qtmodeltester, ctx, crisis, clock):
    measures.issue_measure(ctx, crisis.id, "noodverordening", "Noodverordening centrum")
    measures.issue_measure(ctx, crisis.id, "risicogebied-174b", "Spoedaanwijzing")
    model = MeasuresModel()
    model.set_views(list_measures(ctx.store, crisis.id), clock.now())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 2).data() == "van kracht"
    assert model.index(1, 4).data() == "over 2 u"
    model.set_now(clock.now() + timedelta(hours=3))
    assert model.index(1, 4).data() == "1 u te laat"
    assert countdown_text(None, clock.now()) == "–"


@pytest.fixture
def demo_window(qtbot, qapp, tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    apply_theme(qapp)
    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    session = Session(unlock(info.path, key=info.key).sign_in("aide", info.profile_secret).ctx)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    window.show_page("measures")
    page = window.pages["measures"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    yield window, page, session
    window.reminders.stop()
    session.worker.wait()


def test_demo_on_the_measures_page(qtbot, demo_window, shots, tmp_path, monkeypatch):
    window, page, session = demo_window
    kinds = {page.model.view_at(r).measure.kind for r in range(2)}
    assert kinds == {"noodverordening", "risicogebied-174b"}
    row = next(r for r in range(2) if page.model.view_at(r).measure.kind == "noodverordening")
    page.table.selectRow(row)
    detail = page.detail
    assert detail.sent_labels["raad"].text().startswith("verstuurd")
    assert "TE LAAT" in detail.sent_labels["cdk"].text()
    assert not detail.sent_buttons["raad"].isEnabled() and detail.sent_buttons["cdk"].isEnabled()
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=3000)
    assert "commissaris van de Koning" in page.banner.text()
    from crisisconsole.services.network.request_queries import overdue_count

    requests_late = overdue_count(session.ctx.store)  # the demo's overdue requests (issue 16)
    assert requests_late == 3
    qtbot.waitUntil(lambda: window.top_bar.overdue_button.text()  # counted on the read lane
                    == f"Te laat: {1 + requests_late}", timeout=5000)
    dialog = window.show_overdue()
    group = dialog.tree.topLevelItem(0)  # the demo's overdue items are of its main crisis
    assert group.childCount() == 1 + requests_late  # the obligation and the requests
    assert sum("Uitvraag" in group.child(i).text(2) for i in range(group.childCount())) == 3
    dialog.close()
    window.grab().save(str(shots / "measures_demo.png"))
    detail.sent_buttons["cdk"].click()  # mark sent from the UI
    qtbot.waitUntil(lambda: detail.sent_labels["cdk"].text().startswith("verstuurd"), timeout=5000)
    qtbot.waitUntil(lambda: window.top_bar.overdue_button.text() == f"Te laat: {requests_late}",
                    timeout=5000)
    out = tmp_path / "cdk.pdf"
    # Issue 15: the letter names the CdK's province, asked once and then kept.
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda parent, title, label: (asked.append(label), ("Gelderland", True))[1])
    assert page.ask_municipality(page.selected_id, "cdk") and len(asked) == 1
    assert page.ask_municipality(page.selected_id, "cdk") and len(asked) == 1  # once
    page.generate_letter(page.selected_id, "cdk", out)
    assert out.read_bytes().startswith(b"%PDF")


def test_issue_from_page_warns_and_refusal_is_shown(qtbot, session, ctx, crisis, clock,
                                                    monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(session)
    page = window.pages["measures"]
    page.issue({"kind": "noodverordening", "issuer": "burgemeester", "title": "Nieuw",
                "area": None, "at": clock.now(), "planned_end": None, "body": None})
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    meeting = council.add_meeting(ctx, clock.now() + timedelta(days=1), 29)
    assert page.model.view_at(0).status.ratification_meeting_id is None  # not refreshed yet
    page.refresh()
    assert page.model.view_at(0).status.ratification_meeting_id == meeting.id
    page.mark_sent(page.selected_id, "raad")
    page.mark_sent(page.selected_id, "raad")  # twice: refused, shown as one line
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "twee keer" in shown[0]
