"""How a document names the audit chain's head it was made from: "Auditketen #<seq> · <first
16 hex characters of the record's hash>". PDF exports, letters, card PDFs and snapshots print
it, so a paper copy can be matched to the chain (and to an anchor) later."""

from __future__ import annotations

PREFIX_HEX = 16


def chain_label(seq: int, digest: str) -> str:
    return f"Auditketen #{seq} · {digest[:PREFIX_HEX]}"
