"""The file's own integrity, for `audit verify`: SQLCipher's HMAC over every page and SQLite's
b-tree check. Both read every page, also those no query of the app touches (an index, the search
index, a free page), so bytes changed anywhere in the file are found, not only in the rows the
audit chain covers. One line each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crisisconsole.i18n import tr


@dataclass(frozen=True)
class IntegrityReport:
    cipher: tuple[str, ...]  # SQLCipher: one finding per failing page; empty when intact
    sqlite: tuple[str, ...]  # SQLite: its findings; empty when it says "ok"

    @property
    def ok(self) -> bool:
        return not self.cipher and not self.sqlite

    def cipher_line(self) -> str:
        return "SQLCipher cipher_integrity_check: " + _summary(self.cipher)

    def sqlite_line(self) -> str:
        return "SQLite integrity_check: " + _summary(self.sqlite)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "cipher": self.cipher_line(), "sqlite": self.sqlite_line(),
                "cipher_findings": list(self.cipher[:20]),
                "sqlite_findings": list(self.sqlite[:20])}


def _summary(findings: tuple[str, ...]) -> str:
    if not findings:
        return "ok"
    more = len(findings) - 1
    first = findings[0].splitlines()[0]
    return first + (tr(f" (en nog {more})", f" (and {more} more)") if more else "")


def check_integrity(raw: Any) -> IntegrityReport:
    return IntegrityReport(_run(raw, "PRAGMA cipher_integrity_check", ()),
                           _run(raw, "PRAGMA integrity_check", ("ok",)))


def _run(raw: Any, pragma: str, fine: tuple[str, ...]) -> tuple[str, ...]:
    try:
        rows = [str(row[0]) for row in raw.execute(pragma)]
    except Exception as error:  # noqa: BLE001 - a page it cannot even read is a finding too
        return (tr(f"kon niet controleren: {error}", f"could not check: {error}"),)
    findings: list[str] = []
    for row in rows:
        if row == "*** in database main ***":
            continue
        findings.extend(line for line in row.splitlines()
                        if line and line != "*** in database main ***")
    return () if tuple(findings) == fine or not findings else tuple(findings)
