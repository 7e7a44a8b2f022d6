"""A power's next step that already names its time (a "... eindigt op 03-12-2026 23:42" step)
says it once, in the picture and on the briefing sheet: "23:42 23:42" was printed before."""

from __future__ import annotations

from crisisconsole.interchange.picture_html import section_powers
from crisisconsole.interchange.picture_sheet import sheet_html
from crisisconsole.services.picture.snapshots import live_picture


def _power(text: str) -> dict:
    return {"kind_label": "Spoedaanwijzing", "title": "Centrum", "state_label": "van kracht",
            "next_due": {"kind": "end", "text": text, "due": "2026-12-03T22:42:00+00:00",
                         "overdue": False}}


def _picture(ctx, crisis, text: str) -> dict:  # noqa: ANN001
    picture = live_picture(ctx, crisis.id)
    picture["header"]["as_of"] = "2026-12-03T20:00:00+00:00"
    picture["powers"] = [_power(text)]
    return picture


def test_a_step_naming_its_time_prints_it_once(ctx, crisis):
    picture = _picture(ctx, crisis, "Spoedaanwijzing eindigt op 03-12-2026 23:42")
    for html in (section_powers(picture), sheet_html(picture)):
        assert html.count("23:42") == 1, html


def test_a_step_without_its_time_gets_it(ctx, crisis):
    picture = _picture(ctx, crisis, "Raad informeren")
    assert "Raad informeren uiterlijk 23:42" in section_powers(picture)
    assert "Raad informeren 23:42" in sheet_html(picture)
