"""`evaluate --crisis ID --out FILE.pdf|.json`: the evaluation written through safe_files, the
PDF with the audit chain's head it was made from in every footer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.network.evaluation import evaluate
from crisisconsole.store.audit_chain import chain_head
from crisisconsole.store.engine import Store


def export_evaluation(store: Store, crisis_id: str, out: Path) -> tuple[Path, dict[str, Any]]:
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise ValidationError(tr("kies een .pdf- of .json-bestand", "choose a .pdf or .json file"))
    with store.read() as conn:
        chain = chain_head(conn)
    data = evaluate(store, crisis_id)
    data["chain"] = chain
    if suffix == ".json":
        return safe_files.write_text(out, json.dumps(data, ensure_ascii=False, indent=2),
                                     overwrite=False), data
    from crisisconsole.interchange.network_pdf import evaluation_pdf

    return safe_files.write_bytes(out, evaluation_pdf(data, chain), overwrite=False), data
