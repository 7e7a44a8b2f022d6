"""Attachment names as they may be shown or offered as a file name (issue 11).

A name comes from outside (a sender's file, a CAP resource, a mail): it can carry control
characters, bidirectional overrides that make ``invoice\u202egpj.exe`` read as
``invoiceexe.jpg``, path separators, names Windows reserves for devices (CON, NUL, COM1…,
also with an extension) or trailing dots and spaces that Windows drops. ``safe_file_name`` is
the one function every place that shows such a name or offers it as a default file name uses
(the log's detail panel, the quick-entry bar, the CLI, the exports). The name as received stays
in the log as the fact it is; ``as_received`` shows it with the invisible characters spelled
out, for an inquiry that needs to see exactly what came in.
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK = "bijlage"
MAX_BYTES = 255  # what common file systems allow for one name
# Bidirectional formatting: embeddings, overrides, isolates and marks, and invisible spaces.
_INVISIBLE = frozenset("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069\u2060\ufeff")
_FORBIDDEN = frozenset('/\\:*?"<>|')  # separators and what Windows refuses in a name
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)"
                       r"(\.|$)", re.IGNORECASE)


def _dropped(char: str) -> bool:
    return char in _INVISIBLE or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn")


def safe_file_name(name: str | None, fallback: str = FALLBACK) -> str:
    """A name that shows as what it is and can be used as a file name on any system."""
    text = unicodedata.normalize("NFC", name or "")
    text = "".join("_" if char in _FORBIDDEN else " " if char in "\t\n\r" else char
                   for char in text if char in "\t\n\r" or not _dropped(char))
    text = " ".join(text.split())  # no runs of spaces, none at either end
    text = text.rstrip(". ")  # Windows drops trailing dots and spaces
    text = text.lstrip(". ")  # no hidden file, no ".." left from a path
    if _RESERVED.match(text):
        text = "_" + text
    if not text.strip("._ "):
        text = fallback
    return _shorten(text)


def _shorten(text: str) -> str:
    """At most MAX_BYTES bytes in UTF-8, keeping the extension."""
    if len(text.encode("utf-8")) <= MAX_BYTES:
        return text
    stem, dot, extension = text.rpartition(".")
    if not dot or len(extension) > 16:
        stem, extension = text, ""
    suffix = f".{extension}" if extension else ""
    budget = MAX_BYTES - len(suffix.encode("utf-8"))
    while len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    return stem.rstrip(". ") + suffix


def as_received(name: str) -> str:
    """The name with every dropped character spelled out (``<U+202E>``), nothing hidden."""
    return "".join(f"<U+{ord(char):04X}>" if _dropped(char) or char in "\t\n\r" else char
                   for char in name)
