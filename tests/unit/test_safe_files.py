"""The one safe file writer: no half-written file, no write through a planted link."""

from __future__ import annotations

import os
import resource
import signal
from pathlib import Path

import pytest

from crisisconsole import safe_files
from crisisconsole.errors import StoreError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    safe_files.write_text(target, "eerste")
    safe_files.write_text(target, "tweede")
    assert target.read_text() == "tweede"
    assert _leftovers(tmp_path) == []


def test_refuses_to_overwrite_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "key.txt"
    safe_files.write_text(target, "a", overwrite=False, mode=0o600)
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(safe_files.FileExistsRefusal):
        safe_files.write_text(target, "b", overwrite=False)
    assert target.read_text() == "a"
    assert _leftovers(tmp_path) == []


def test_planted_partial_symlink_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "OUT.pdf"
    for name in ("OUT.pdf.partial", ".OUT.pdf.partial", "OUT.pdf.tmp"):
        (tmp_path / name).symlink_to(victim)
    safe_files.write_bytes(target, b"%PDF")
    assert victim.read_text() == "keep me"
    assert target.read_bytes() == b"%PDF"


def test_target_symlink_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "OUT.csv"
    target.symlink_to(victim)
    safe_files.write_text(target, "new")
    assert victim.read_text() == "keep me"
    assert not target.is_symlink() and target.read_text() == "new"


def test_failing_producer_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"

    def produce(handle) -> None:  # noqa: ANN001
        handle.write(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        safe_files.write_stream(target, produce)
    assert not target.exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_full_disk_leaves_no_file_and_a_clear_message(tmp_path: Path) -> None:
    target = tmp_path / "key.txt"
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (10, old[1]))
    try:
        with pytest.raises(StoreError) as caught:
            safe_files.write_text(target, "x" * 1000, overwrite=False)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old)
        signal.signal(signal.SIGXFSZ, previous)
    assert "vol" in caught.value.message or "full" in caught.value.message
    assert not target.exists()
    assert _leftovers(tmp_path) == []
    safe_files.write_text(target, "x" * 1000, overwrite=False)  # the retry just works
    assert target.stat().st_size == 1000
