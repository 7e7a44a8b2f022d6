"""`audit verify`: everything that can tell a database was changed behind the app's back, in one
read transaction (one consistent view), reported together.

1. The file: SQLCipher's HMAC of every page and SQLite's integrity check (store.integrity).
2. The audit chain and the content hash of every audited row (store.audit_chain).
3. Every derived or current-state table recomputed from the facts (store.derived_checks).
4. The schema against the migrations (store.schema_check): no dropped or planted trigger.
5. Optionally an anchor (store.anchor): the head it names must still be there, unchanged.

A check the damage keeps from finishing is a finding too, never a crash. Verification opens the
file read-only (the CLI does), so checking a backup leaves it byte for byte as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import exc

from crisisconsole.i18n import tr
from crisisconsole.services.foundation.anchors import AnchorCheck, check_loaded, load_anchor
from crisisconsole.store import tables
from crisisconsole.store.anchor_keys import AnchorKeys
from crisisconsole.store.audit_chain import VerifyResult, verify_chain
from crisisconsole.store.derived_checks import DERIVED_CHECKS, run_checks
from crisisconsole.store.differences import Difference
from crisisconsole.store.engine import DriverError, Store
from crisisconsole.store.integrity import IntegrityReport, check_integrity
from crisisconsole.store.schema_check import check_schema
from crisisconsole.store.team_chains import foreign_ids, verify_device_chains

T = TypeVar("T")


@dataclass(frozen=True)
class VerifyReport:
    chain: VerifyResult
    integrity: IntegrityReport
    derived: tuple[Difference, ...]
    derived_total: int
    schema: tuple[Difference, ...]
    anchor: AnchorCheck | None = None
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return (self.chain.ok and self.integrity.ok and not self.derived_total
                and not self.schema and (self.anchor is None or self.anchor.ok)
                and not self.errors)

    # The chain's own fields, as before (scripts read them).
    @property
    def records(self) -> int:
        return self.chain.records

    @property
    def bad_seq(self) -> int | None:
        if self.chain.bad_seq is None and self.anchor is not None and not self.anchor.ok:
            return self.anchor.anchor.seq
        return self.chain.bad_seq

    @property
    def reason(self) -> str:
        problems = self.problems()
        return problems[0] if problems else ""

    def problems(self) -> list[str]:
        """One line per finding, the weightiest first."""
        lines: list[str] = []
        if not self.integrity.ok:
            lines += [line for line, bad in ((self.integrity.cipher_line(), self.integrity.cipher),
                                             (self.integrity.sqlite_line(), self.integrity.sqlite))
                      if bad]
        if not self.chain.ok:
            lines.append(self.chain.reason)
        if self.anchor is not None and not self.anchor.ok:
            lines.append(self.anchor.problem or "")
        lines += [d.line() for d in self.derived]
        if self.derived_total > len(self.derived):
            more = self.derived_total - len(self.derived)
            lines.append(tr(f"… en nog {more} verschillen", f"… and {more} more differences"))
        lines += [d.line() for d in self.schema]
        return lines + list(self.errors)

    def summary(self) -> list[str]:
        """The report for people, one line per check."""
        checked = ", ".join(c.table for c in DERIVED_CHECKS)
        derived = ("ok" if not self.derived_total else
                   tr(f"{self.derived_total} verschil(len)", f"{self.derived_total} difference(s)"))
        lines = [self.integrity.cipher_line(), self.integrity.sqlite_line(),
                 tr("auditketen: ", "audit chain: ") + (
                     f"ok ({self.chain.records} records)" if self.chain.ok else self.chain.reason),
                 tr(f"afgeleide tabellen ({checked}): {derived}",
                    f"derived tables ({checked}): {derived}"),
                 tr("schema: ", "schema: ") + ("ok" if not self.schema else
                                               tr(f"{len(self.schema)} verschil(len)",
                                                  f"{len(self.schema)} difference(s)"))]
        if self.anchor is not None:
            lines.append(self.anchor.line())
        return lines + [tr("fout: ", "error: ") + e for e in self.errors]

    def as_dict(self) -> dict[str, Any]:
        return {**self.chain.as_dict(), "ok": self.ok, "bad_seq": self.bad_seq,
                "reason": self.reason, "chain_ok": self.chain.ok,
                "integrity": self.integrity.as_dict(),
                "derived": {"ok": not self.derived_total, "total": self.derived_total,
                            "checked": [c.table for c in DERIVED_CHECKS],
                            "differences": [d.as_dict() for d in self.derived]},
                "schema": {"ok": not self.schema,
                           "differences": [d.as_dict() for d in self.schema]},
                "anchor": self.anchor.as_dict() if self.anchor is not None else None,
                "errors": list(self.errors), "findings": self.problems(),
                "summary": self.summary()}


def _all_chains(conn: Any, raw: Any) -> VerifyResult:
    """The own chain, then (team mode) every other device's chain this laptop holds: the first
    broken one is the finding; the records counted are all of them."""
    own = verify_chain(conn, tables.audit, tables.audited_tables(), foreign_ids(raw))
    if not own.ok:
        return own
    total = own.records
    for _device, result in verify_device_chains(raw):
        if not result.ok:
            return VerifyResult(False, total + result.records, result.bad_seq, result.reason)
        total += result.records
    return VerifyResult(True, total)


def verify(store: Store, *, anchor: Path | None = None,
           anchor_keys: AnchorKeys | None = None) -> VerifyReport:
    """All checks; with ``anchor``, also that anchor (signature checked against the key in
    ``anchor_keys``, the keyring by default)."""
    loaded = None
    if anchor is not None:
        if anchor_keys is None:
            from crisisconsole.services.foundation.anchors import default_keys

            anchor_keys = default_keys()
        loaded = load_anchor(anchor, store.key.db_id, anchor_keys)
    errors: list[str] = []

    def guarded(what: str, run: Callable[[], T], fallback: T) -> T:
        try:
            return run()
        except (DriverError, exc.DBAPIError) as error:
            cause = str(getattr(error, "orig", None) or error).splitlines()[0]
            errors.append(tr(f"{what} kon niet afmaken: {cause}",
                             f"{what} could not finish: {cause}"))
            return fallback

    # The page checks on a connection of their own: SQLCipher keeps a failed page on the
    # connection, and the checks below may not need that page.
    raw_check = store.raw_connection()
    try:
        integrity = check_integrity(raw_check)
    finally:
        raw_check.close()
    with store.inspect() as conn:
        raw = conn.connection.dbapi_connection
        chain = guarded(tr("auditketen", "audit chain"), lambda: _all_chains(conn, raw),
                        VerifyResult(False, 0, None, "?"))
        derived, total = guarded(tr("afgeleide tabellen", "derived tables"),
                                 lambda: run_checks(raw, store.key.db_id), ([], 0))
        schema = guarded("schema", lambda: list(check_schema(raw)), [])
        checked = None
        if loaded is not None:
            checked = guarded(tr("anker", "anchor"), lambda: check_loaded(raw, anchor, *loaded), None)
    return VerifyReport(chain, integrity, tuple(derived), total, tuple(schema), checked,
                        tuple(errors))
