"""Attachment names from outside are shown safe in the app: the detail panel's list, its
tooltip and the default name of "save as"; the quick-entry bar's chosen files too."""

from __future__ import annotations

import os

import pytest
from test_log_page import _window

from crisisconsole.services.log.attachments import Attachment
from crisisconsole.services.log.entries import add_entry

HOSTILE = "factuur\u202egpj.exe"


def test_the_detail_panel_shows_and_offers_safe_names(qtbot, session, ctx, crisis, shots):
    entry = add_entry(ctx, crisis.id, "Bestanden van een burger", "burger",
                      attachments=[Attachment(HOSTILE, b"MZ"), Attachment("NUL.txt", b"x"),
                                   Attachment("regel\x1b[31m.txt", b"y")])
    window, page = _window(qtbot, session, crisis)
    page.table.selectRow(page.model.row_of(entry.id))
    qtbot.waitUntil(lambda: page.detail.attachment_list.count() == 3, timeout=3000)
    shown = [page.detail.attachment_list.item(i).text().split("  ·  ")[0] for i in range(3)]
    assert shown == ["factuurgpj.exe", "_NUL.txt", "regel[31m.txt"]
    for i in range(3):
        item = page.detail.attachment_list.item(i)
        assert "\u202e" not in item.toolTip() and "\x1b" not in item.toolTip()
    chosen = []
    page.detail.save_attachment_requested.disconnect()
    page.detail.save_attachment_requested.connect(lambda *a: chosen.append(a))
    page.detail.attachment_list.setCurrentRow(0)
    page.detail.save_attachment_button.click()
    assert chosen[0][1] == "factuurgpj.exe"  # the default name in the save dialog
    window.resize(1280, 720)
    window.grab().save(str(shots / "attachment_names.png"))


@pytest.mark.skipif(os.name != "posix", reason="such names cannot even be made on Windows")
def test_the_quick_entry_bar_shows_chosen_files_safely(qtbot, session, crisis, tmp_path):
    window, page = _window(qtbot, session, crisis)
    odd = tmp_path / "foto\u202egnp.exe"
    odd.write_bytes(b"x")
    page.quick.add_attachment_files([str(odd)])
    assert page.quick.attach_label.text() == "Bijlagen: fotognp.exe"
    assert "\u202e" not in page.quick.attach_label.toolTip()
