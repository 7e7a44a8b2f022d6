"""Attachment names are shown and offered as file names without tricks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisconsole.domain.file_names import MAX_BYTES, as_received, safe_file_name


@pytest.mark.parametrize("raw,shown", [
    ("foto.jpg", "foto.jpg"),
    ("factuur\u202egpj.exe", "factuurgpj.exe"),  # no right-to-left override: reads as it is
    ("a\u2066b\u2069c\u200e.pdf", "abc.pdf"),
    ("regel\neen\ttwee\x00\x07.txt", "regel een twee.txt"),
    ("../../etc/passwd", "_.._etc_passwd"),
    ("C:\\Windows\\system32\\cmd.exe", "C__Windows_system32_cmd.exe"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("Com1.log", "_Com1.log"), ("LPT9", "_LPT9"),
    ("console.txt", "console.txt"),
    ("verslag.pdf. . ", "verslag.pdf"),
    ("...", "bijlage"), ("", "bijlage"), (None, "bijlage"), ("\u202e", "bijlage"),
    ('wat?<>|*".txt', "wat______.txt"),
])
def test_names_are_made_safe(raw, shown):
    assert safe_file_name(raw) == shown


def test_long_names_keep_their_extension():
    name = safe_file_name("é" * 400 + ".jpeg")
    assert name.endswith(".jpeg") and len(name.encode("utf-8")) <= MAX_BYTES


def test_the_name_as_received_spells_out_what_was_hidden():
    assert as_received("factuur\u202egpj.exe") == "factuur<U+202E>gpj.exe"


@given(st.text())
def test_any_name_becomes_one_plain_file_name(raw):
    name = safe_file_name(raw)
    assert name and name == safe_file_name(name)  # stable
    assert not any(c in name for c in '/\\:*?"<>|\n\r\t\x00\u202e\u2066')
    assert not name.endswith((".", " ")) and len(name.encode("utf-8")) <= MAX_BYTES
