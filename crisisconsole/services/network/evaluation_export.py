"""`evaluate --crisis ID --out FILE.pdf|.json`: the evaluation written through safe_files, the
PDF with the audit chain's head it was made from in every footer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.audit import audit_export
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.network.evaluation import evaluate
from crisisconsole.store.audit_chain import chain_head


def export_evaluation(ctx: ServiceContext, crisis_id: str,
                      out: Path) -> tuple[Path, dict[str, Any]]:
    """The evaluation as JSON or PDF, never over a file, audited ("evaluation.export.<fmt>")."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise ValidationError(tr("kies een .pdf- of .json-bestand", "choose a .pdf or .json file"))
    safe_files.refuse_existing(out)
    with ctx.store.read() as conn:
        chain = chain_head(conn)
    data = evaluate(ctx.store, crisis_id)
    data["chain"] = chain
    if suffix == ".json":
        content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    else:
        from crisisconsole.interchange.network_pdf import evaluation_pdf

        content = evaluation_pdf(data, chain)
    audit_export(ctx, f"evaluation.export.{suffix[1:]}", "crisis", crisis_id)
    return safe_files.write_bytes(out, content, overwrite=False), data
