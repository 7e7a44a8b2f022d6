"""Folder imports through the pipeline: the same report, log and audit chain as file by file,
also when something else writes meanwhile or the writer fails."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest

from crisisconsole.errors import StoreError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import set_grip
from crisisconsole.services.intake import cap as intake_cap
from crisisconsole.services.intake.cap import import_cap_bytes, import_cap_paths
from crisisconsole.services.intake.cap_pipeline import CapPipeline
from crisisconsole.services.log.queries import list_entries
from crisisconsole.store.engine import WriteTx

FIXTURE = (Path(__file__).resolve().parents[3] / "fixtures" / "cap" / "valid_12.cap").read_text()
INFOS = FIXTURE.count("<info>")  # entries per alert


def alert(number: int) -> bytes:
    return FIXTURE.replace("VRU-2026-0001", f"VRU-PIPE-{number:03d}").encode()


def folder_of(tmp_path: Path, numbers: list[int]) -> Path:
    folder = tmp_path / "alerts"
    folder.mkdir()
    for position, number in enumerate(numbers):
        (folder / f"{position:03d}.cap").write_bytes(alert(number))
    return folder


def statuses(report) -> list[str]:
    return [item.status for item in report.items]


def test_many_files_land_in_file_order_with_a_chain_that_verifies(ctx, crisis, tmp_path):
    report = import_cap_paths(ctx, crisis.id, [folder_of(tmp_path, list(range(12)))])
    assert statuses(report) == ["imported"] * 12
    assert [Path(item.file).name for item in report.items] == [f"{n:03d}.cap" for n in range(12)]
    entries = list_entries(ctx.store, crisis.id)
    assert len(entries) == 12 * INFOS
    assert {e.id for e in entries} == {e for item in report.items for e in item.entries}
    result = audit.verify(ctx.store)
    assert result.ok, result


def test_duplicates_within_the_folder_and_from_before(ctx, crisis, tmp_path):
    import_cap_bytes(ctx, crisis.id, alert(5), "eerder.cap")
    report = import_cap_paths(ctx, crisis.id, [folder_of(tmp_path, [1, 2, 1, 5, 3])])
    assert statuses(report) == ["imported", "imported", "duplicate", "duplicate", "imported"]
    assert len(list_entries(ctx.store, crisis.id)) == 4 * INFOS
    assert audit.verify(ctx.store).ok


def test_a_write_meanwhile_sends_the_rest_the_ordinary_way(ctx, crisis, tmp_path, monkeypatch):
    planned = []
    plan = CapPipeline._plan

    def plan_then_someone_writes(self, alerts):
        result = plan(self, alerts)
        planned.append(alerts)
        if len(planned) == 3:  # the aide raises GRIP while the import runs
            set_grip(ctx, crisis.id, "2")
        return result

    ordinary = []
    write = intake_cap._write

    def counted(*args):
        ordinary.append(args[2])
        return write(*args)

    monkeypatch.setattr(CapPipeline, "_plan", plan_then_someone_writes)
    monkeypatch.setattr(intake_cap, "_write", counted)
    report = import_cap_paths(ctx, crisis.id, [folder_of(tmp_path, [1, 2, 3, 4, 5, 6, 4])])
    assert len(planned) >= 3  # planned ahead until the chain moved, then file by file
    assert "alerts/002.cap" in ordinary and ordinary == sorted(ordinary)
    assert statuses(report) == ["imported"] * 6 + ["duplicate"]
    assert len(list_entries(ctx.store, crisis.id)) == 6 * INFOS
    result = audit.verify(ctx.store)
    assert result.ok, result


def test_a_store_error_in_the_writer_stops_the_import_and_restores_the_process(
        ctx, crisis, tmp_path, monkeypatch):
    interval = sys.getswitchinterval()
    calls = []
    apply_planned = WriteTx.apply_planned

    def fail_the_third(self, planned):
        calls.append(planned)
        if len(calls) == 3:
            raise StoreError("schijf vol / disk full")
        apply_planned(self, planned)

    monkeypatch.setattr(WriteTx, "apply_planned", fail_the_third)
    with pytest.raises(StoreError, match="disk full"):
        import_cap_paths(ctx, crisis.id, [folder_of(tmp_path, list(range(10)))])
    assert len(list_entries(ctx.store, crisis.id)) == 2 * INFOS  # the files before it
    assert audit.verify(ctx.store).ok
    assert sys.getswitchinterval() == interval and gc.get_freeze_count() == 0
    assert not [t for t in threading.enumerate() if t.name.startswith("crisisconsole-import")]


def test_the_process_settings_come_back_after_an_import(ctx, crisis, tmp_path):
    interval = sys.getswitchinterval()
    import_cap_paths(ctx, crisis.id, [folder_of(tmp_path, [1, 2, 3])])
    assert sys.getswitchinterval() == interval and gc.get_freeze_count() == 0
