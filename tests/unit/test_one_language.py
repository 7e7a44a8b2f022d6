"""No "Dutch / English" message is left in the core: every text a user reads comes through
crisisconsole.i18n.tr in one language. The scan reads the source (docstrings aside)."""

from __future__ import annotations

import ast
from pathlib import Path

import crisisconsole

# Texts where " / " is meant: a name, a pair of column names, two statements side by side.
ALLOWED = {
    "DPG / GHOR-piket",
    "Gebiedsverbod / groepsverbod",
    "Area ban / group ban",
    "geen kolom met de naam (naam / name)",
    "no column with the name (naam / name)",
    "{} {} ({}) / {} ({})",  # the sheet's contradiction: one statement against the other
    "record #{} from the anchor is missing: the chain was cut / rolled back (or a -wal was lost)",
}


def _texts(tree: ast.AST):
    docs = set()
    inner = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            docs.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            inner.update(id(v) for v in ast.walk(node) if v is not node)
    for node in ast.walk(tree):
        if id(node) in docs or id(node) in inner:
            continue
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}"
                                       for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_bilingual_text_in_the_core() -> None:
    root = Path(crisisconsole.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for line, text in _texts(ast.parse(path.read_text(encoding="utf-8"))):
            if (" / " in text or text.startswith("/ ")) and text not in ALLOWED \
                    and not text.startswith("/alert/"):
                found.append(f"{path.relative_to(root)}:{line}: {text[:80]}")
    assert found == []
