"""The evaluation per source and per partner, on known facts; the timeline's lanes; both
drawn offscreen."""

from datetime import timedelta

from crisisconsole.domain.evaluation_rules import summarise
from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.services.foundation.crises import close_crisis, set_grip
from crisisconsole.services.log.entries import add_entry, assess_entry, link_entries
from crisisconsole.services.network import partners, requests
from crisisconsole.services.network.evaluation import evaluate
from crisisconsole.services.network.timeline import build_timeline


def test_summarise_buckets_and_median():
    found = summarise([0, 3, 10, 70, 2000])
    assert found.count == 5 and found.median_min == 10 and found.max_min == 2000
    assert found.buckets == (2, 1, 0, 1, 0, 1)


def _fill(ctx, crisis, clock):
    start = clock.now()
    police = add_entry(ctx, crisis.id, "Ruit ingegooid", "politie",
                       occurred_at=start - timedelta(hours=2))  # late: recorded 2 h after
    rumour = add_entry(ctx, crisis.id, "Brand in de hal", "social_media")
    denial = add_entry(ctx, crisis.id, "Geen brand", "brandweer", reliability="confirmed",
                       confirmed_by="OvD")
    link_entries(ctx, denial.id, rumour.id, "contradicts")
    clock.advance(timedelta(minutes=20))
    assess_entry(ctx, police.id, "confirmed", by="politie")
    clock.advance(timedelta(minutes=10))
    assess_entry(ctx, rumour.id, "refuted", by="brandweer")
    ggd = partners.add_partner(ctx, PartnerFields("GGD", discipline="ghor"))
    in_time = requests.add_request(ctx, crisis.id, "A", clock.now() + timedelta(minutes=30),
                                   to=ggd.id)
    late = requests.add_request(ctx, crisis.id, "B", clock.now() + timedelta(minutes=5),
                                to=ggd.id)
    requests.add_request(ctx, crisis.id, "C", clock.now() + timedelta(minutes=5), to=ggd.id)
    clock.advance(timedelta(minutes=10))
    requests.answer_request(ctx, in_time["id"], "antwoord A")
    requests.answer_request(ctx, late["id"], "antwoord B")
    return start


def test_evaluation_per_source_and_partner(ctx, crisis, clock):
    _fill(ctx, crisis, clock)
    data = evaluate(ctx.store, crisis.id)
    by = {s["source"]: s for s in data["sources"]}
    assert by["politie"]["late"] == 1 and by["politie"]["confirmed"] == 1
    assert by["politie"]["to_confirmation"]["median_min"] == 20
    assert by["brandweer"]["to_confirmation"]["median_min"] == 0  # confirmed when recorded
    assert by["social_media"]["refuted"] == 1 and by["social_media"]["refuted_share"] == 1
    assert by["social_media"]["contradictions"]["count"] == 1
    assert by["social_media"]["contradictions"]["still_open"] == 0
    assert by["social_media"]["contradictions"]["open_time"]["median_min"] == 30
    ggd = data["partners"][0]
    assert (ggd["requests"], ggd["in_time"], ggd["late"], ggd["never"]) == (3, 1, 1, 1)
    assert data["totals"]["requests_never"] == 1 and data["totals"]["contradictions"] == 1
    assert data["totals"]["entries"] == 5  # three reports and the two answers


def test_evaluation_of_a_closed_crisis_stops_at_the_close(ctx, crisis, clock):
    rumour = add_entry(ctx, crisis.id, "X", "burger")
    other = add_entry(ctx, crisis.id, "niet X", "burger")
    link_entries(ctx, rumour.id, other.id, "contradicts")
    clock.advance(timedelta(minutes=45))
    close_crisis(ctx, crisis.id)
    clock.advance(timedelta(days=3))
    data = evaluate(ctx.store, crisis.id)
    assert data["crisis"]["closed"] is True
    assert data["totals"]["contradiction_open_time"]["max_min"] == 45


def test_timeline_lanes_and_drawing_offscreen(ctx, crisis, clock, qapp):
    from crisisconsole.interchange.evaluation_charts import evaluation_image
    from crisisconsole.interchange.timeline_paint import timeline_image

    _fill(ctx, crisis, clock)
    set_grip(ctx, crisis.id, "2")
    timeline = build_timeline(ctx.store, crisis.id)
    assert [m.label for m in timeline.grip] == ["GRIP 1", "GRIP 2"]
    assert len(timeline.requests) == 3 and sum(b.overdue for b in timeline.requests) == 1
    assert [b.end is None for b in timeline.requests].count(True) == 1
    image = timeline_image(timeline, width=900)
    assert image.width() == 900 and image.height() > 150
    colours = {image.pixelColor(x, y).name() for x in range(0, 900, 3)
               for y in range(0, image.height(), 3)}
    assert "#c62828" in colours and "#2e7d32" in colours  # an overdue and an answered bar
    zoomed = timeline_image(timeline, width=900, window=(clock.now() - timedelta(minutes=5),
                                                         clock.now()))
    assert zoomed.height() == image.height()
    chart = evaluation_image(evaluate(ctx.store, crisis.id))
    assert chart.width() == 900 and not chart.isNull()


def test_the_timeline_draws_the_pinned_topics_by_title(ctx, crisis, clock):
    from crisisconsole.services.picture.topics import list_topics, record_topic_fact

    add_entry(ctx, crisis.id, "Rook boven de haven", "brandweer", location="Haven")
    clock.advance(timedelta(minutes=10))
    add_entry(ctx, crisis.id, "Ruit ingegooid station", "politie", location="Station")
    (first, *_rest) = list_topics(ctx.store, crisis.id)
    assert build_timeline(ctx.store, crisis.id).topics == ()  # nothing pinned, nothing served
    record_topic_fact(ctx, crisis.id, "pin", [first.id])
    assert [b.label for b in build_timeline(ctx.store, crisis.id).topics] == [first.title]
