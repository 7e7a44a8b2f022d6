"""The log's PDF speaks the UI language and names people and entries as a reader knows them:
the profile's display name, the other entry's time and source; never a profile login name or
an entry id."""

import pytest

from crisisconsole import i18n
from crisisconsole.interchange.log_pdf import to_html
from crisisconsole.services.foundation.profiles import set_display
from crisisconsole.services.log.entries import add_entry, assess_entry, link_entries
from crisisconsole.services.log.export_data import gather_log


@pytest.fixture
def language():
    yield i18n.set_language
    i18n.set_language(None)


def _log(ctx, crisis_id, clock):
    set_display(ctx, "aide", "Sanne de Vries", "directe ondersteuner")
    a = add_entry(ctx, crisis_id, "Drie gewonden Marktplein", "social_media")
    clock.advance(minutes=2)
    b = add_entry(ctx, crisis_id, "Geen gewonden", "media")
    link_entries(ctx, b.id, a.id, "contradicts")
    assess_entry(ctx, a.id, "confirmed", by="GHOR CvD", grade="A2")
    return a, b


def test_english_pdf_text_has_no_dutch_and_no_raw_keys(ctx, crisis, clock, language):
    a, b = _log(ctx, crisis.id, clock)
    language("en")
    html = to_html(gather_log(ctx, crisis.id))
    for english in ("Time it happened", "Reliability", "Confirmed A2 by Sanne de Vries",
                    "Link:", "contradicts", "Sociale media"):
        assert english in html
    for dutch in ("Tijdstip gebeurd", "Betrouwbaarheid", " door ", "Koppeling", "geopend"):
        assert dutch not in html
    for raw in (a.id[-8:], b.id[-8:], "social_media", "(by aide"):
        assert raw not in html


def test_dutch_pdf_text_stays_dutch(ctx, crisis, clock, language):
    _log(ctx, crisis.id, clock)
    language("nl")
    html = to_html(gather_log(ctx, crisis.id))
    assert "Tijdstip gebeurd" in html and "Bevestigd A2 door Sanne de Vries" in html
    assert "Time it happened" not in html
