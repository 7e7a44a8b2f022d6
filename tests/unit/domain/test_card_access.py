from __future__ import annotations

import pytest

from crisisconsole.domain.card_access import (
    RevealInvalid,
    Role,
    check_reveal_purpose,
    mask_name,
    may_see_cards,
    name_initials,
)
from crisisconsole.domain.cards import CardKind
from crisisconsole.domain.roles import ProfileRole


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.AIDE, True), (Role.MAYOR, True), (Role.TEAM, False), (Role.VIEWER, False),
     ("aide", True), (" Mayor ", True), ("team", False), ("admin", False), ("", False),
     (None, False)],
)
def test_need_to_know_fails_closed(role, allowed):
    assert may_see_cards(role) is allowed


def test_roles_are_exactly_the_four_profile_roles():
    assert [r.value for r in Role] == ["aide", "team", "mayor", "viewer"]
    assert Role is ProfileRole


MASKS = [
    ("Jan de Vries", "J.d.V."),
    ("Jan van der Berg", "J.v.d.B."),
    ("Anna van den Heuvel-Smit", "A.v.d.H.S."),
    ("Pieter in 't Veld", "P.i.t.V."),
    ("Kees ter Horst", "K.t.H."),
    ("Mohammed el Amrani", "M.e.A."),
    ("Ahmed", "A."),
    ("De Vries", "D.V."),  # no first name: the particle keeps its capital
    ("van Dam", "V.D."),
    ("Anne-Marie Jansen", "A.M.J."),
    ("Vries, Jan de", "J.d.V."),  # register order
    ("Berg, Anna van den", "A.v.d.B."),
    ("dhr. J. Bakker", "J.B."),
    ("Anh Do", "A.D."),  # a surname that looks like a particle stays a surname
    ("Jan van", "J.V."),
    ("émile d'Ancona", "É.D."),
    ("  ", ""),
]


@pytest.mark.parametrize(("name", "initials"), MASKS)
def test_person_initials(name, initials):
    assert name_initials(name) == initials


def test_mask_adds_the_role_in_the_crisis():
    assert mask_name("Jan de Vries", "organisator demonstratie") == (
        "J.d.V. (organisator demonstratie)"
    )
    assert mask_name("Ahmed", " ") == "A."
    assert mask_name(None, "vermiste tiener") == "Onbekend (vermiste tiener)"
    assert mask_name("", None) == "Onbekend"


def test_organisations_get_plain_capital_initials():
    assert mask_name("Stichting De Harde Kern", "supportersgroep", CardKind.ORGANISATION) == (
        "S.D.H.K. (supportersgroep)"
    )
    assert name_initials("FC Noord", "organisation") == "F.N."


@pytest.mark.parametrize("name", [n for n, _ in MASKS if n.strip()])
def test_the_mask_never_contains_a_whole_name_part(name):
    masked = mask_name(name, "rol")
    for part in name.replace(",", " ").replace("-", " ").split():
        if len(part) > 2 and part.lower() not in {"van", "den", "der", "ter", "dhr."}:
            assert part not in masked


def test_reveal_needs_a_purpose():
    assert check_reveal_purpose("  briefing burgemeester ") == "briefing burgemeester"
    for bad in ("", "   ", None, "x" * 501):
        with pytest.raises(RevealInvalid):
            check_reveal_purpose(bad)
