"""Every export leaves an audit record of who wrote what about which crisis, for every role
(a viewer may export what it may read, and the record says so): the timeline, the evaluation,
the map render and the partner directory, like the log export and the handover."""

import pytest

from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.services.foundation.audit import list_records
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.map.render import render_crisis
from crisisconsole.services.network import partners
from crisisconsole.services.network.evaluation_export import export_evaluation
from crisisconsole.services.network.timeline import export_timeline


def _exports(store, object_id):
    return [(r["action"], r["actor_name"]) for r in list_records(store, object_id=object_id)
            if ".export" in r["action"] or r["action"].startswith("map.")]


@pytest.mark.parametrize("role", ["aide", "viewer"])
def test_timeline_and_evaluation_exports_are_audited(ctx, crisis, as_role, tmp_path, role):
    add_entry(ctx, crisis.id, "Ruit ingegooid", "politie")
    who = ctx if role == "aide" else as_role("viewer", "kijker")
    export_timeline(who, crisis.id, tmp_path / "t.json")
    export_timeline(who, crisis.id, tmp_path / "t.pdf")
    export_evaluation(who, crisis.id, tmp_path / "e.pdf")
    assert _exports(ctx.store, crisis.id) == [
        ("timeline.export.json", who.actor.name), ("timeline.export.pdf", who.actor.name),
        ("evaluation.export.pdf", who.actor.name)]


def test_refused_export_records_nothing(ctx, crisis, tmp_path):
    (tmp_path / "t.json").write_text("er staat al iets", encoding="utf-8")
    with pytest.raises(Exception, match="t.json"):
        export_timeline(ctx, crisis.id, tmp_path / "t.json")
    with pytest.raises(Exception, match=".pdf"):
        export_evaluation(ctx, crisis.id, tmp_path / "e.txt")
    assert _exports(ctx.store, crisis.id) == []
    assert (tmp_path / "t.json").read_text(encoding="utf-8") == "er staat al iets"


def test_map_render_is_audited(ctx, crisis, tmp_path):
    add_entry(ctx, crisis.id, "Ruit ingegooid", "politie")
    render_crisis(ctx, crisis.id, tmp_path / "kaart.png", width=320, height=200)
    assert _exports(ctx.store, crisis.id) == [("map.render", "aide")]


def test_partner_export_is_audited(ctx, tmp_path):
    partners.add_partner(ctx, PartnerFields("GGD", discipline="ghor"))
    partners.export_partners(ctx, "csv", tmp_path / "p.csv")
    records = [(r["action"], r["object_type"]) for r in list_records(ctx.store)
               if r["action"].startswith("partner.export")]
    assert records == [("partner.export.csv", "partner")]
