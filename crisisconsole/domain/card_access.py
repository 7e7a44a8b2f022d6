"""Need to know for person cards: who may see them, and how a card looks when masked.

Services call ``may_see_cards`` before every read (the UI hiding a page is not enough), and
every surface that is not the card itself shows ``mask_name``: initials and the role in the
crisis, enough for a briefing, too little to identify someone by accident.
"""

from __future__ import annotations

import re

from crisisconsole.domain.cards import CardKind
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

# One role enum for the whole app: the profile roles of domain/roles.py, under the short name
# the card code and its callers use.
Role = ProfileRole

_CARD_ROLES = frozenset({Role.AIDE, Role.MAYOR})


def may_see_cards(role: str | Role | None) -> bool:
    """Fails closed: an unknown or missing role sees nothing."""
    try:
        return Role((role or "").strip().lower()) in _CARD_ROLES
    except ValueError:
        return False


class RevealInvalid(ValidationError, ValueError):
    pass


def check_reveal_purpose(purpose: str | None) -> str:
    """A reveal is audited with its purpose, so an empty purpose is refused."""
    cleaned = (purpose or "").strip()
    if not cleaned:
        raise RevealInvalid(
            tr("Geef het doel van het inzien", "Give the purpose of viewing")
        )
    if len(cleaned) > 500:
        raise RevealInvalid(tr("Doel is te lang (max 500 tekens)", "Purpose too long (max 500)"))
    return cleaned


# Dutch (and common Flemish/French/German/Spanish/Arabic) name particles. They give a lower-case
# initial after a first name ("Jan de Vries" -> "J.d.V."), but only when a surname follows.
TUSSENVOEGSELS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "bij",
        "uit", "onder", "over", "voor", "tot", "'s", "d'", "l'", "la", "le", "les", "du",
        "des", "da", "del", "della", "di", "do", "dos", "das", "von", "zu", "vom", "zum", "zur",
        "el", "al", "vd", "v/d", "v.d.",
    }
)
_TITLES = frozenset({"dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "ds"})
_SPLIT = re.compile(r"[\s\-]+")


def _initial(token: str) -> str:
    for ch in token:
        if ch.isalnum():
            return ch
    return ""


def _reorder(name: str) -> str:
    """'Vries, Jan de' (surname first, as in registers) -> 'Jan de Vries'."""
    if name.count(",") != 1:
        return name.replace(",", " ")
    surname, _, rest = name.partition(",")
    rest_tokens = rest.split()
    particles: list[str] = []
    while rest_tokens and rest_tokens[-1].lower() in TUSSENVOEGSELS:
        particles.insert(0, rest_tokens.pop())
    return " ".join([*rest_tokens, *particles, surname.strip()])


def name_initials(name: str, kind: CardKind | str = CardKind.PERSON) -> str:
    """'Jan van der Berg' -> 'J.v.d.B.'; 'Ahmed' -> 'A.'; 'FC Noord' (organisation) -> 'F.N.'."""
    if CardKind(kind) is CardKind.ORGANISATION:
        tokens = [t for t in _SPLIT.split(name.replace(",", " ")) if _initial(t)]
        return "".join(f"{_initial(t).upper()}." for t in tokens)
    tokens = [
        t
        for t in _SPLIT.split(_reorder(name))
        if _initial(t) and t.lower().rstrip(".") not in _TITLES
    ]
    last_core = max(
        (i for i, t in enumerate(tokens) if t.lower() not in TUSSENVOEGSELS), default=-1
    )
    parts: list[str] = []
    for i, token in enumerate(tokens):
        particle = token.lower() in TUSSENVOEGSELS and i < last_core
        initial = _initial(token)
        # Lower case only after a first name: "De Vries" alone keeps its capital.
        parts.append(initial.lower() if particle and i > 0 else initial.upper())
    return "".join(f"{p}." for p in parts)


def mask_name(
    name: str | None, role_in_crisis: str | None, kind: CardKind | str = CardKind.PERSON
) -> str:
    """'J.d.V. (organisator demonstratie)'; an empty name shows as 'Onbekend'."""
    initials = name_initials(name or "", kind) or "Onbekend"
    role = (role_in_crisis or "").strip()
    return f"{initials} ({role})" if role else initials
