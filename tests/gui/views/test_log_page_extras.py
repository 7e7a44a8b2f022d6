"""Logboek extras: attachments from the quick-entry bar and the detail panel, the remembered
source and tag, the late-entry setting, and filtered views that count in the background."""

from datetime import timedelta

from test_log_page import _fill, _window

from crisisconsole import settings
from crisisconsole.domain.log_rules import MAX_ATTACHMENT_BYTES
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.settings_facts import LATE_ENTRY_MINUTES, set_values
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.queries import LogFilter, list_entries, raw_facts
from crisisconsole.ui.models.log_table_model import COL_TIME, PAGE, LogTableModel


def test_quick_entry_attachments_refuse_big_files_before_saving(qtbot, session, ctx, crisis,
                                                                 tmp_path, shots):
    window, page = _window(qtbot, session, crisis)
    photo, note = tmp_path / "plein.jpg", tmp_path / "verslag.txt"
    photo.write_bytes(b"\xff\xd8foto")
    note.write_text("verslag", encoding="utf-8")
    huge = tmp_path / "film.mp4"
    with huge.open("wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    page.quick.text_edit.setText("Foto's van het Marktplein")
    page.quick.add_attachment_files([str(photo), str(huge), str(note)])
    assert "film.mp4 is te groot" in page.quick.message.text()
    assert page.quick.text_edit.text() == "Foto's van het Marktplein"  # typed text kept
    assert page.quick.attach_label.text() == "Bijlagen: plein.jpg, verslag.txt"
    assert page.quick.attach_button.text() == "Bijlage… (2)"
    window.grab().save(str(shots / "log_quick_attachments.png"))
    assert list_entries(ctx.store, crisis.id) == []  # nothing saved yet
    page.quick.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    entry = list_entries(ctx.store, crisis.id)[0]
    attached = raw_facts(ctx.store, entry.id).attachments
    assert [(a["filename"], a["size"]) for a in attached] == [("plein.jpg", 6),
                                                              ("verslag.txt", 7)]
    qtbot.waitUntil(lambda: not page.quick.attach_label.isVisible(), timeout=1000)
    assert page.quick.attachment_paths == [] and page.quick.attach_button.text() == "Bijlage…"


def test_detail_panel_adds_and_saves_attachments(qtbot, session, ctx, crisis, clock, tmp_path,
                                                 shots):
    ids = _fill(ctx, crisis, clock, 2)
    window, page = _window(qtbot, session, crisis)
    page.table.selectRow(page.model.row_of(ids[1]))
    assert page.detail.entry_id == ids[1]
    assert page.detail.attachments_title.text() == "Bijlagen (0)"
    assert not page.detail.save_attachment_button.isEnabled()
    source = tmp_path / "situatieschets.png"
    source.write_bytes(b"\x89PNG schets")
    page.attach_files([str(source)])
    qtbot.waitUntil(lambda: page.detail.attachments_title.text() == "Bijlagen (1)",
                    timeout=3000)
    assert "toegevoegd" in page.detail.attachment_note.text()
    assert page.detail.attachment_list.item(0).text().startswith("situatieschets.png")
    assert page.detail.save_attachment_button.isEnabled()
    window.grab().save(str(shots / "log_detail_attachments.png"))
    chosen = []
    page.detail.save_attachment_requested.disconnect()
    page.detail.save_attachment_requested.connect(lambda *a: chosen.append(a))
    page.detail.save_attachment_button.click()
    attachment_id, filename = chosen[0]
    assert filename == "situatieschets.png"
    out = tmp_path / "uit" / "kopie.png"
    out.parent.mkdir()
    page.save_attachment_to(attachment_id, str(out))
    qtbot.waitUntil(out.exists, timeout=3000)
    assert out.read_bytes() == b"\x89PNG schets"
    qtbot.waitUntil(lambda: "Opgeslagen" in page.detail.attachment_note.text(), timeout=3000)
    assert any(r["action"] == "log.attachment.export"
               for r in audit.list_records(ctx.store, object_id=attachment_id))
    page.attach_files([str(tmp_path / "bestaat-niet.txt")])  # refused: a line, no dialog
    qtbot.waitUntil(lambda: "niet te lezen" in page.detail.attachment_note.text(), timeout=3000)
    assert window.errors == []


def test_last_source_and_tag_survive_a_restart(qtbot, session, ctx, crisis):
    window, page = _window(qtbot, session, crisis)
    assert page.quick.source_box.currentText() == "Politie"  # nothing remembered: the first
    assert page.quick.tag_box.currentData() == "hearsay"
    page.quick.source_box.setCurrentIndex(page.quick.source_box.findData("brandweer"))
    page.quick.tag_box.setCurrentIndex(page.quick.tag_box.findData("confirmed"))
    page.quick.confirmed_edit.setText("OvD")
    page.quick.text_edit.setText("Brand meester")
    page.quick.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert settings.load()["last_source"] == "brandweer"
    assert settings.load()["last_reliability"] == "confirmed"
    window.close()
    again, page = _window(qtbot, session, crisis)  # as after a restart: from the settings
    assert page.quick.source_box.currentText() == "Brandweer"
    assert page.quick.tag_box.currentData() == "confirmed"
    settings.save({"last_source": "weggehaald"})  # no longer on the list: the first one
    third, page = _window(qtbot, session, crisis)
    assert page.quick.source_box.currentText() == "Politie"


def test_late_threshold_setting_shows_at_once(qtbot, session, ctx, crisis, clock):
    add_entry(ctx, crisis.id, "Achteraf gemeld", "burger",
              occurred_at=clock.now() - timedelta(minutes=20))
    window, page = _window(qtbot, session, crisis)
    assert "laat" not in page.model.data(page.model.index(0, COL_TIME))
    set_values(ctx, {LATE_ENTRY_MINUTES: 10})  # as the settings dialog does (an aide)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, COL_TIME)).endswith("· laat"),
                    timeout=2000)
    set_values(ctx, {LATE_ENTRY_MINUTES: 45})
    qtbot.waitUntil(lambda: "laat" not in page.model.data(page.model.index(0, COL_TIME)),
                    timeout=2000)


def test_filtered_view_shows_first_page_and_counts_in_background(qtmodeltester, qtbot, ctx,
                                                                 crisis, clock):
    _fill(ctx, crisis, clock, PAGE * 2 + 37)  # half of them politie
    model = LogTableModel(ctx.store)
    model.set_crisis(crisis.id)
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.count_ready, timeout=5000):
        model.set_filter(LogFilter(source=("politie",)))
        assert model.counting and model.rowCount() == PAGE  # the first page, at once
        assert model.entry_at(0).source == "politie"
    assert not model.counting and model.rowCount() == (PAGE * 2 + 37) // 2
    last = model.entry_at(model.rowCount() - 1)
    everything = list_entries(ctx.store, crisis.id, LogFilter(source=("politie",)), limit=9999)
    assert last.id == everything[-1].id
    model.set_filter(LogFilter(source=("burger",), query="melding 3"))  # small: no count job
    assert not model.counting and model.rowCount() == len(list_entries(
        ctx.store, crisis.id, LogFilter(source=("burger",), query="melding 3")))
    stale = []
    model.count_ready.connect(lambda: stale.append(model.rowCount()))
    model.set_filter(LogFilter(reliability=("hearsay",)))
    model.set_filter(LogFilter(source=("politie",)))  # the first count is stale now
    model.wait_for_count()
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)
    assert stale == [(PAGE * 2 + 37) // 2]
