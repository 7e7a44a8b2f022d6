"""Exporting or printing what the log page shows (issue 14, item 4): the page's filter, the
same role gate and audit record for the CLI and the app."""

from __future__ import annotations

import pytest

from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.interchange.log_pdf import filter_text
from crisisconsole.services.foundation import audit
from crisisconsole.services.log.entries import add_entry, assess_entry
from crisisconsole.services.log.export_data import gather_log
from crisisconsole.services.log.queries import LogFilter


def test_the_filter_decides_the_entries_and_is_recorded(ctx, crisis, clock):
    a = add_entry(ctx, crisis.id, "Brand in loods Industrieweg", "burger")
    clock.advance(minutes=5)
    b = add_entry(ctx, crisis.id, "ME rukt uit naar het station", "politie")
    assess_entry(ctx, b.id, "confirmed", by="politie OvD")
    whole = gather_log(ctx, crisis.id)
    assert [e["id"] for e in whole["entries"]] == [a.id, b.id] and whole["filter"] is None
    confirmed = gather_log(ctx, crisis.id, LogFilter(reliability=("confirmed",)))
    assert [e["id"] for e in confirmed["entries"]] == [b.id]
    assert confirmed["filter"]["reliability"] == ["confirmed"]
    searched = gather_log(ctx, crisis.id, LogFilter(query="loods"), action="log.print")
    assert [e["id"] for e in searched["entries"]] == [a.id]
    assert filter_text(searched["filter"]) == "zoekterm “loods”"
    records = [r for r in audit.list_records(ctx.store) if r["action"] in ("log.export",
                                                                           "log.print")]
    assert [r["action"] for r in records] == ["log.export", "log.export", "log.print"]
    assert records[0]["content_hash"] is None and records[1]["content_hash"]
    assert records[1]["content_hash"] != records[2]["content_hash"]
    assert audit.verify(ctx.store).ok


def test_a_viewer_may_not_take_the_log_out_and_the_refusal_is_audited(ctx, crisis, as_role):
    add_entry(ctx, crisis.id, "Brand in loods", "burger")
    viewer = as_role("viewer")
    with pytest.raises(AccessDeniedError):
        gather_log(viewer, crisis.id)
    with pytest.raises(AccessDeniedError):
        gather_log(viewer, crisis.id, action="log.print")
    refused = [r for r in audit.list_records(ctx.store) if r["result"] == "refused"]
    assert [r["action"] for r in refused] == ["log.export", "log.print"]
    assert len(gather_log(as_role("team"), crisis.id)["entries"]) == 1
    with pytest.raises(ValidationError):
        gather_log(ctx, crisis.id, action="log.delete")
