"""The picture a reader sees names people by display name and sources by label, in the UI
language: no profile login name ("aide"), no source id ("social_media"), no entry id."""

from datetime import timedelta

import pytest

from crisisconsole import i18n
from crisisconsole.interchange.handover_render import handover_html
from crisisconsole.interchange.picture_html import picture_html
from crisisconsole.services.foundation.profiles import set_display
from crisisconsole.services.log import entries as log
from crisisconsole.services.picture.decisions import add_decision, list_decisions
from crisisconsole.services.picture.handover import build_handover
from crisisconsole.services.picture.notes import add_note
from crisisconsole.services.picture.snapshots import live_picture


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language(None)


def test_people_and_sources_as_a_reader_knows_them(ctx, crisis, clock, english):
    set_display(ctx, "aide", "Sanne de Vries", "directe ondersteuner")
    first = log.add_entry(ctx, crisis.id, "Oproep op sociale media om te verzamelen", "social_media")
    log.add_entry(ctx, crisis.id, "Groep bij het station", "politie")
    add_note(ctx, crisis.id, "bottleneck", "ME-capaciteit onzeker")
    add_decision(ctx, crisis.id, "Noodverordening", "Vrees voor wanordelijkheden",
                 entry_ids=[first.id])
    decision = list_decisions(ctx.store, crisis.id)[0]
    assert decision.decided_by == "Sanne de Vries" and first.id not in decision.entry_labels[0]
    html = picture_html(live_picture(ctx, crisis.id))
    assert "Sanne de Vries" in html and "Sociale media" in html
    assert "social_media" not in html and ">aide<" not in html and "(aide," not in html
    clock.advance(minutes=5)
    handover = handover_html(build_handover(ctx, crisis.id, clock.now() - timedelta(hours=1)))
    assert "prepared by Sanne de Vries" in handover and "social_media" not in handover
