"""The fast schema check (libxml2) never passes an alert that the full check (xmlschema)
finds invalid, and agrees with it on the project's fixtures and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisconsole.interchange import cap_parse, cap_schema
from crisisconsole.interchange.cap_parse import CapRefused, parse_cap_container

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cap"


def _slow_and_fast(data: bytes) -> list[tuple[bool, tuple[str, ...]]]:
    """Per alert: libxml2's verdict and xmlschema's violations (fast path forced off). The
    fast check only ever sees bytes defusedxml accepted, so refused files stop first."""
    parse_cap_container(data)
    fast = cap_parse._validity(data)
    original = cap_parse._validity
    cap_parse._validity = lambda _data: []
    try:
        slow = parse_cap_container(data)
    finally:
        cap_parse._validity = original
    assert len(fast) == len(slow)
    return [(verdict, alert.violations) for verdict, alert in zip(fast, slow, strict=True)]


def _check(data: bytes) -> int:
    try:
        pairs = _slow_and_fast(data)
    except CapRefused:
        return 0
    for fast_valid, violations in pairs:
        if fast_valid:  # a libxml2-valid alert may only break the rules beyond the schema
            assert all("references" in line or "msgType" in line for line in violations), violations
    return len(pairs)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_fixtures_agree(name: str) -> None:
    _check((FIXTURES / name).read_bytes())


def test_invalid_fixture_is_found_by_both() -> None:
    data = (FIXTURES / "schema_invalid.cap").read_bytes()
    [(fast_valid, violations)] = _slow_and_fast(data)
    assert not fast_valid and violations
    [alert] = parse_cap_container(data)
    assert alert.violations == violations  # the words come from the full check


def test_valid_fixture_skips_the_slow_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(cap_schema, "_schema", lambda ns: calls.append(ns) or None)
    [alert] = parse_cap_container((FIXTURES / "valid_12.cap").read_bytes())
    assert alert.violations == () and calls == []


def test_shared_corpus_agrees(cap_corpus: Path) -> None:
    checked = sum(_check(path.read_bytes()) for path in sorted(cap_corpus.rglob("*"))
                  if path.is_file() and path.suffix in (".cap", ".xml"))
    assert checked >= 10
