"""`audit verify` in team mode: every other device's chain as this laptop holds it, and every
fact it wrote against the content hash of its last write record in that chain."""

from __future__ import annotations

import json
from typing import Any

from crisisconsole.i18n import tr
from crisisconsole.store.audit_chain import (
    GENESIS,
    WRITE,
    VerifyResult,
    column_names,
    content_hash,
    record_hash,
)
from crisisconsole.store.team_facts import synced_tables


def foreign_ids(raw: Any) -> dict[str, set[str]]:
    """table -> ids of the rows other devices wrote (the own device is team_sync.device)."""
    found: dict[str, set[str]] = {}
    own = raw.execute("SELECT device FROM team_sync WHERE id = 1").fetchone()
    for table_name, row_id in raw.execute(
            "SELECT table_name, id FROM team_origin WHERE device IS NOT ?", (own[0] if own else None,)):
        found.setdefault(table_name, set()).add(row_id)
    return found


def verify_device_chains(raw: Any) -> list[tuple[str, VerifyResult]]:
    """One result per other device: its chain walked, then its facts here."""
    devices = [row[0] for row in raw.execute("SELECT DISTINCT device FROM team_chain "
                                             "ORDER BY device")]
    return [(device, _verify_one(raw, device)) for device in devices]


def _verify_one(raw: Any, device: str) -> VerifyResult:
    expected: dict[tuple[str, str], tuple[int, str]] = {}
    previous_hash, previous_seq, count = GENESIS, 0, 0
    for seq, stored_hash, record_json in raw.execute(
            "SELECT seq, hash, record_json FROM team_chain WHERE device = ? ORDER BY seq",
            (device,)):
        count += 1
        rec = json.loads(record_json)
        if seq != previous_seq + 1 or rec.get("seq") != seq:
            return VerifyResult(False, count, previous_seq + 1, tr(
                f"{device}: record {previous_seq + 1} ontbreekt",
                f"{device}: record {previous_seq + 1} missing"))
        if rec["prev_hash"] != previous_hash:
            return VerifyResult(False, count, seq, tr(f"{device}: keten verbroken",
                                                      f"{device}: chain broken"))
        if record_hash(rec) != stored_hash or rec.get("hash") != stored_hash:
            return VerifyResult(False, count, seq, tr(f"{device}: record gewijzigd",
                                                      f"{device}: record altered"))
        if rec["kind"] == WRITE and rec["result"] == "ok":
            expected[(rec["object_type"], rec["object_id"])] = (seq, rec["content_hash"])
        previous_hash, previous_seq = stored_hash, seq
    tables = synced_tables()
    for table_name, row_id, device_seq in raw.execute(
            "SELECT table_name, id, device_seq FROM team_origin WHERE device = ?", (device,)):
        table = tables.get(table_name)
        wanted = expected.get((table_name, row_id))
        if table is None or wanted is None:
            return VerifyResult(False, count, device_seq, tr(
                f"{device}: {table_name} {row_id} zonder auditrecord",
                f"{device}: {table_name} {row_id} not in its chain"))
        names = column_names(table)
        values = raw.execute(f"SELECT {', '.join(names)} FROM {table_name} WHERE id = ?",
                             (row_id,)).fetchone()
        if values is None:
            return VerifyResult(False, count, wanted[0], tr(
                f"{device}: {table_name} {row_id} verwijderd",
                f"{device}: {table_name} {row_id} deleted"))
        if content_hash(table, dict(zip(names, values, strict=True))) != wanted[1]:
            return VerifyResult(False, count, wanted[0], tr(
                f"{device}: {table_name} {row_id} gewijzigd",
                f"{device}: {table_name} {row_id} content altered"))
    return VerifyResult(True, count)
