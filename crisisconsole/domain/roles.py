"""Local profiles' roles. Need to know: only some roles may see person-level data."""

from __future__ import annotations

from enum import StrEnum

from crisisconsole.i18n import tr


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


ROLE_LABELS_EN = {
    ProfileRole.AIDE: "Mayor's aide",
    ProfileRole.TEAM: "Crisis team",
    ProfileRole.MAYOR: "Mayor",
    ProfileRole.VIEWER: "Reader",
}


def role_label(role: ProfileRole) -> str:
    """The role as the UI shows it, in the UI language."""
    return tr(ROLE_LABELS_NL[role], ROLE_LABELS_EN[role])


def parse_role(text: str) -> ProfileRole:
    try:
        return ProfileRole(text.strip().lower())
    except ValueError:
        raise ValueError(tr(f"onbekende rol {text!r}: kies aide, team, mayor of viewer",
                            f"unknown role {text!r}: choose aide, team, mayor or viewer")) from None
