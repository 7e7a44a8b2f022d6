"""The demo shows every part of issue 16: a directory, a roster with a shift change, requests
in every state with some overdue, a timeline, and an evaluation that runs on it."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.context import ServiceContext
    from crisisconsole.services.foundation.profiles import find_profile
    from crisisconsole.store.opening import open_database

    info = build_demo_database(tmp_path_factory.mktemp("demo") / "demo.db",
                               passphrase="demo demo demo")
    store = open_database(info.path, None, key=info.key)
    yield ServiceContext(store, find_profile(store, "aide").as_actor()), info
    store.close()


def test_demo_network(demo):
    from crisisconsole.services.network import partners, request_queries, roster
    from crisisconsole.services.network.evaluation import evaluate
    from crisisconsole.services.network.timeline import build_timeline
    from crisisconsole.services.picture.snapshots import live_picture

    ctx, info = demo
    listed = request_queries.list_requests(ctx.store, info.crisis_id)
    states = {r.state for r in listed}
    assert states == {"open", "answered", "partly_answered", "declined", "withdrawn"}
    assert request_queries.overdue_count(ctx.store, info.crisis_id) >= 2
    from crisisconsole.services.foundation.crises import get_crisis

    municipality = get_crisis(ctx.store, info.crisis_id).municipality
    assert len(partners.list_partners(ctx.store, municipality)) == 8
    on_duty = {s["function"]: s["person"] for s in roster.show(ctx.store, info.crisis_id)[
        "functions"]}
    assert on_duty["OvD-Bz"] == "F. Jansen" and on_duty["burgemeester"] == "H. van Dam"
    timeline = build_timeline(ctx.store, info.crisis_id)
    assert timeline.grip and timeline.decisions and timeline.measures and timeline.requests
    assert timeline.topics
    from crisisconsole.services.picture.topics import list_topics

    # Nothing pinned in the demo: the lane holds the topics the requests serve, by title.
    served = {r.topic for r in request_queries.list_requests(ctx.store, info.crisis_id)
              if r.topic}
    titles = {t.title for t in list_topics(ctx.store, info.crisis_id, include_closed=True)
              if t.id in served}
    assert titles and {b.label for b in timeline.topics} == titles
    assert not any(b.label.startswith(("#", "t-")) for b in timeline.topics)
    data = evaluate(ctx.store, info.crisis_id)
    assert data["totals"]["requests_late"] >= 1 and data["totals"]["requests_in_time"] >= 1
    picture = live_picture(ctx, info.crisis_id)
    assert "F. Jansen" in picture["header"]["on_duty"]
    assert any("Waalwonen" in c["text"] for c in picture["contacts"])
    from crisisconsole.services.picture.topics import topic_entries

    served = [r for r in listed if r.topic]  # requests serve real topics of the demo
    assert len(served) == 3
    injured = next(r for r in served if r.answer_entry_ids)
    assert injured.answer_entry_ids[0] in {
        e.id for e in topic_entries(ctx.store, info.crisis_id, injured.topic)}
