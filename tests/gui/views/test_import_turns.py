"""In the app, a line saved during a big import is written between two of its files, not after
all of them (imports run beside the writer and take turns on the store's fair lock)."""

from __future__ import annotations

from pathlib import Path

from crisisconsole.bench import intake as bench
from crisisconsole.services.intake.cap import import_cap_paths
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.queries import count_entries


def test_a_quick_entry_during_an_import_is_saved_before_the_import_ends(qtbot, session, crisis,
                                                                         clock, tmp_path):
    folder = tmp_path / "caps"
    bench.generate(folder, 400, 1, clock.now())
    done: dict[str, object] = {}
    session.run_import(lambda: import_cap_paths(session.ctx, crisis.id, [Path(folder)]),
                       lambda report: done.setdefault("import", report),
                       lambda error: done.setdefault("import", error))
    qtbot.waitUntil(lambda: count_entries(session.store, crisis.id) > 0, timeout=30_000)
    session.run(lambda: add_entry(session.ctx, crisis.id, "Tijdens de import", "politie"),
                lambda entry: done.setdefault("entry", (entry, "import" in done)),
                lambda error: done.setdefault("entry", error))
    qtbot.waitUntil(lambda: "entry" in done, timeout=30_000)
    entry, import_finished = done["entry"]
    assert entry.text == "Tijdens de import"
    assert not import_finished, "the line waited for the whole import"
    qtbot.waitUntil(lambda: "import" in done, timeout=120_000)
    report = done["import"]
    assert not isinstance(report, BaseException), report
    assert report.count("imported") == 400
    assert count_entries(session.store, crisis.id) == 1 + sum(i.added for i in report.items)
