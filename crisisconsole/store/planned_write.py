"""Audit records planned outside the write transaction, for a bulk importer that prepares the
next file while the writer commits the one before.

``AuditPlanner`` continues the chain from a known head: it gives every prepared row its audit
record (sequence number, previous hash, own hash) ahead of time. ``WriteTx.apply_planned`` then
only checks, inside the transaction, that the chain's head is still the one planned from, and
runs the inserts. If anything else wrote in between, nothing is written and ``PlanStale`` tells
the importer to do that file the ordinary way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crisisconsole.clock import format_utc
from crisisconsole.ids import new_id
from crisisconsole.store import audit_chain
from crisisconsole.store.bulk import PreparedRows


class PlanStale(Exception):
    """The chain or the rows moved on since the write was planned; nothing was written."""


@dataclass(frozen=True)
class PlannedWrite:
    after: tuple[int, str]  # the head the records continue
    head: tuple[int, str]  # the head once written
    parts: tuple[PreparedRows, ...]
    audit_params: list[tuple[Any, ...]]

    @property
    def rows(self) -> int:
        return sum(len(part) for part in self.parts)


AUDIT_COLUMNS = ("seq", "id", "at", "actor", "origin", "kind", "action", "object_type",
                 "object_id", "result", "content_hash", "prev_hash", "hash")


class AuditPlanner:
    def __init__(self, head: tuple[int, str], actor: str, origin: str) -> None:
        self.head = head
        self.actor = actor
        self.origin = origin

    def plan(self, parts: Sequence[tuple[PreparedRows, str]], at: datetime) -> PlannedWrite:
        """The rows of ``parts`` (each with its audit action), continuing the chain.

        The records are built as bound values straight away (the time formatted once), and
        hashed as ``audit_chain.record_hash`` would hash them."""
        after = self.head
        seq, prev = after
        at_text, kind, result = format_utc(at), audit_chain.WRITE, "ok"
        audit_params = []
        for rows, action in parts:
            name = str(rows.table.name)  # a plain str (SQLAlchemy hands out a subclass)
            template = audit_chain.RecordTemplate(at=at_text, actor=self.actor,
                                                  origin=self.origin, kind=kind, action=action,
                                                  object_type=name, result=result)
            for row_id, content in zip(rows.ids, rows.hashes, strict=True):
                seq += 1
                record_id = new_id()
                record_hash = template.hash(seq, record_id, row_id, content, prev)
                audit_params.append((seq, record_id, at_text, self.actor, self.origin, kind,
                                     action, name, row_id, result, content, prev, record_hash))
                prev = record_hash
        self.head = (seq, prev)
        return PlannedWrite(after, self.head, tuple(rows for rows, _ in parts), audit_params)
