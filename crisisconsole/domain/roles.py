"""Local profiles' roles. Need to know: only some roles may see person-level data."""

from __future__ import annotations

from enum import StrEnum


class ProfileRole(StrEnum):
    AIDE = "aide"
    TEAM = "team"
    MAYOR = "mayor"
    VIEWER = "viewer"


ROLE_LABELS_NL = {
    ProfileRole.AIDE: "Directe ondersteuner",
    ProfileRole.TEAM: "Crisisteam",
    ProfileRole.MAYOR: "Burgemeester",
    ProfileRole.VIEWER: "Meelezer",
}


def parse_role(text: str) -> ProfileRole:
    try:
        return ProfileRole(text.strip().lower())
    except ValueError:
        raise ValueError(f"onbekende rol {text!r}: kies aide, team, mayor of viewer") from None
