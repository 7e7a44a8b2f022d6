"""The one change feed, seen from the log page: a write refreshes the page exactly once, whether
it was made in this app or by another process on the same database file (the audit poll must
not announce again what the feed already did); and the quick-entry bar and ``crisisconsole log
add`` are one use case: the same rows for the same entry (source, entry, attachment, audit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from sqlalchemy import text

from crisisconsole.services.foundation import audit
from crisisconsole.services.log.entries import add_entry
from crisisconsole.ui.change_feed import Watch
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import make_page
from tests.conftest import AIDE_SECRET


def _page(qtbot, session, crisis):
    crisis_now = CurrentCrisis()
    crisis_now.choose(crisis.id, announce=False)
    errors: list = []
    page = make_page(PageContext(session, crisis_now, errors.append, lambda _t, _ms: None))
    page.crisis_now = crisis_now  # kept alive with the page
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.crisis_id == crisis.id)
    refreshes: list[int] = []
    real = page.refresh

    def counted(*args, **kwargs):
        refreshes.append(1)
        return real(*args, **kwargs)

    page.refresh = counted
    return page, refreshes, errors


def _settled(qtbot, session, page) -> None:
    """The poll has looked at the chain again and nothing waits to refresh the page."""
    session.poll()
    qtbot.wait(0)
    watches = [w for w in page.findChildren(Watch) if w.page is page]
    assert watches and all(w.pending is None and not w._timer.isActive() for w in watches)


def test_a_write_in_the_app_refreshes_the_log_page_once(qtbot, session, ctx, crisis):
    page, refreshes, errors = _page(qtbot, session, crisis)
    add_entry(ctx, crisis.id, "Rookwolk boven de haven", "brandweer")  # not the page's own act
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    _settled(qtbot, session, page)
    assert len(refreshes) == 1
    page.quick.source_box.setEditText("Politie")  # the page's own act: it refreshes itself
    page.quick.text_edit.setText("Plunderingen Marktplein")
    page.quick.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    _settled(qtbot, session, page)
    assert len(refreshes) == 2 and errors == []


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path

    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.services.log.entries import add_entry

    ctx = unlock(Path(sys.argv[1]), key_file=Path(sys.argv[2])).sign_in("aide", sys.argv[3]).ctx
    add_entry(ctx, sys.argv[4], "Melding uit een ander proces", "politie")
    ctx.store.close()
""")


def test_a_write_by_another_process_refreshes_the_log_page_once(qtbot, session, store, crisis,
                                                                 tmp_path):
    page, refreshes, errors = _page(qtbot, session, crisis)
    key_file = tmp_path / "key.txt"
    key_file.write_text(store.key.recovery_code())
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-c", WRITER, str(store.path), str(key_file),
                           AIDE_SECRET, crisis.id], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)  # the poll saw it
    _settled(qtbot, session, page)
    assert len(refreshes) == 1 and errors == []


# -- the same rows through both doors ----------------------------------------------------------

def _volatile(column: str) -> bool:
    return column in ("id", "source", "hash", "prev_hash") or column.endswith(("_id", "_at"))


def _rows_between(store, first: int, last: int) -> list[tuple]:
    """The audit records of seq first..last and each row they wrote, without ids and times."""
    with store.read() as conn:
        records = conn.execute(text("SELECT kind, action, object_type, object_id, result"
                                    " FROM audit WHERE seq BETWEEN :a AND :b ORDER BY seq"),
                               {"a": first, "b": last}).mappings().all()
        written = []
        for record in records:
            row = None
            if record["kind"] == "write":
                found = conn.execute(text(f"SELECT * FROM {record['object_type']}"  # noqa: S608
                                          " WHERE id = :id"), {"id": record["object_id"]})
                row = {k: v for k, v in found.mappings().one().items() if not _volatile(k)}
            written.append((record["kind"], record["action"], record["object_type"],
                            record["result"], row))
    return written


def test_the_bar_and_the_cli_create_the_same_rows(qtbot, session, ctx, store, crisis, tmp_path,
                                                   monkeypatch, capsys):
    from crisisconsole.cli import main

    photo = tmp_path / "plein.jpg"
    photo.write_bytes(b"\xff\xd8foto")
    page, _refreshes, errors = _page(qtbot, session, crisis)
    before = audit.last_seq(store)
    page.quick.source_box.setEditText("Buurtapp Noord")  # not on the list: it joins it
    page.quick.text_edit.setText("Foto's van het Marktplein")
    page.quick.add_attachment_files([str(photo)])
    page.quick.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    session.worker.wait()
    by_bar = _rows_between(store, before + 1, audit.last_seq(store))

    key_file = tmp_path / "key.txt"
    key_file.write_text(store.key.recovery_code())
    monkeypatch.setenv("CRISISCONSOLE_PROFILE_SECRET", AIDE_SECRET)
    before = audit.last_seq(store)
    capsys.readouterr()
    assert main(["--db", str(store.path), "--key-file", str(key_file), "log", "add",
                 "--crisis", crisis.id, "--text", "Foto's van het Marktplein",
                 "--source", "Buurtapp Zuid", "--attach", str(photo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["attachments"][0]["filename"] == "plein.jpg"
    by_cli = _rows_between(store, before + 1, audit.last_seq(store))
    names = [row["label"] for *_r, row in by_bar + by_cli if row and "label" in row]
    assert names == ["Buurtapp Noord", "Buurtapp Zuid"]  # a new source each, through both doors
    for *_r, row in by_bar + by_cli:
        if row and "label" in row:
            row["label"] = "(de nieuwe bron)"
    assert [r[2] for r in by_bar if r[0] == "write"] == ["source_org", "log_entry",
                                                         "log_attachment"]
    assert by_cli == by_bar and errors == []
