"""An import from the app reports its progress and can be cancelled between files: the files
already taken in stay committed, the rest are reported as cancelled, nothing is half-written."""

from __future__ import annotations

from pathlib import Path

from test_intake_cap import _alert

from crisisconsole.services.foundation import audit
from crisisconsole.services.intake.acts import take_in_cap, take_in_table
from crisisconsole.services.intake.cap import import_cap_paths
from crisisconsole.services.intake.progress import ImportProgress
from crisisconsole.services.log.queries import list_entries


def _folder(tmp_path: Path, n: int, *, updates: int = 0) -> Path:
    folder = tmp_path / "cap"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03}.cap").write_bytes(
            _alert(f"A{i}", f"2026-11-29T10:{i:02}:00+01:00", headline=f"Melding {i}"))
    for i in range(updates):  # Updates are taken in after every plain alert
        (folder / f"u{i:02}.cap").write_bytes(_alert(
            f"U{i}", f"2026-11-29T11:{i:02}:00+01:00", "Update",
            references=f"knmi@example.nl,A{i},2026-11-29T10:{i:02}:00+01:00",
            headline=f"Melding {i} bijgewerkt"))
    return folder


def test_progress_counts_every_file(ctx, crisis, tmp_path):
    steps: list[tuple[int, int]] = []
    report = import_cap_paths(ctx, crisis.id, [_folder(tmp_path, 4)],
                              progress=ImportProgress(lambda d, t: steps.append((d, t))))
    assert steps == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert report.count("imported") == 4 and report.count("cancelled") == 0


def test_cancel_keeps_the_files_already_committed(ctx, crisis, tmp_path):
    folder = _folder(tmp_path, 8, updates=2)
    progress = ImportProgress()
    progress._on_step = lambda done, _total: done == 3 and progress.cancel()
    report = import_cap_paths(ctx, crisis.id, [folder], progress=progress)
    statuses = [(item.file, item.status) for item in report.items]
    assert len(statuses) == 10  # every file has its line, in file order
    assert [s for _f, s in statuses[:3]] == ["imported"] * 3
    assert all(s == "cancelled" for _f, s in statuses[3:])
    assert report.items[5].reason == "afgebroken: niet ingelezen"
    texts = sorted(e.text for e in list_entries(ctx.store, crisis.id))
    assert texts == ["Melding 0", "Melding 1", "Melding 2"]
    assert audit.verify(ctx.store).ok
    again = import_cap_paths(ctx, crisis.id, [folder])  # the rest comes in later, once
    assert again.count("duplicate") == 3 and again.count("imported") == 7


def test_cancel_before_the_updates_leaves_them_out(ctx, crisis, tmp_path):
    folder = _folder(tmp_path, 2, updates=2)
    progress = ImportProgress()
    progress._on_step = lambda done, total: done == total - 1 and progress.cancel()
    report = take_in_cap(ctx, crisis.id, [folder], progress=progress).report
    assert [i.status for i in report.items] == ["imported", "imported", "cancelled",
                                                "cancelled"]
    assert all("bijgewerkt" not in e.text for e in list_entries(ctx.store, crisis.id))


def test_a_cancelled_spreadsheet_stores_nothing(ctx, crisis, tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Tijd,Afzender,Tekst\n2026-11-29 10:00,Politie,Rook\n", encoding="utf-8")
    mapping = {"Tijd": "occurred_at", "Afzender": "source", "Tekst": "text"}
    progress = ImportProgress()
    progress.cancel()
    intake = take_in_table(ctx, crisis.id, sheet, mapping, "refuse", None, progress=progress)
    assert intake.report.items[0].status == "cancelled"
    assert "niets geïmporteerd" in intake.report.items[0].reason
    assert list_entries(ctx.store, crisis.id) == []
    done = take_in_table(ctx, crisis.id, sheet, mapping, "refuse", None,
                         progress=ImportProgress())
    assert done.report.items[0].status == "imported"
