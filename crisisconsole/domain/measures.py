"""Emergency powers the tracker knows (DOMAIN.md §2): kinds, issuers and the parties to inform.

The legal consequences differ per kind and per issuer, so every rule that depends on them is
answered here, in one place, instead of being re-decided by the lifecycle, the UI and the letters.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from crisisconsole.i18n import tr


class MeasureKind(StrEnum):
    NOODVERORDENING = "noodverordening"
    NOODBEVEL = "noodbevel"
    RISICOGEBIED_151B = "risicogebied-151b"
    RISICOGEBIED_174B = "risicogebied-174b"
    GEBIEDSVERBOD_172A = "gebiedsverbod-172a"
    OPHOUDING_176A = "ophouding-176a"

    @property
    def label_nl(self) -> str:
        return KIND_LABELS_NL[self]

    @property
    def label(self) -> str:
        """In the UI language; the Dutch legal names stay where English has no equivalent."""
        return tr(KIND_LABELS_NL[self], KIND_LABELS_EN[self])

    @property
    def legal_basis(self) -> str:
        return KIND_LEGAL_BASIS[self]

    @property
    def max_duration(self) -> timedelta | None:
        """The longest the law lets the measure last; None when the law sets no limit."""
        return KIND_MAX_DURATION.get(self)


class Issuer(StrEnum):
    BURGEMEESTER = "burgemeester"
    VOORZITTER_VR = "voorzitter-vr"

    @property
    def label_nl(self) -> str:
        return ISSUER_LABELS_NL[self]

    @property
    def label(self) -> str:
        return tr(ISSUER_LABELS_NL[self], ISSUER_LABELS_EN[self])


class Party(StrEnum):
    """The three parties of Gemeentewet art. 176 lid 3 (gedeputeerde staten are not on it)."""

    RAAD = "raad"
    CDK = "cdk"
    OVJ = "ovj"

    @property
    def label_nl(self) -> str:
        return PARTY_LABELS_NL[self]

    @property
    def label_en(self) -> str:
        return PARTY_LABELS_EN[self]

    @property
    def short_nl(self) -> str:
        return PARTY_SHORT_NL[self]

    @property
    def short(self) -> str:
        return tr(PARTY_SHORT_NL[self], PARTY_SHORT_EN[self])


KIND_LABELS_NL = {
    MeasureKind.NOODVERORDENING: "Noodverordening",
    MeasureKind.NOODBEVEL: "Noodbevel",
    MeasureKind.RISICOGEBIED_151B: "Aanwijzing veiligheidsrisicogebied",
    MeasureKind.RISICOGEBIED_174B: "Spoedaanwijzing veiligheidsrisicogebied",
    MeasureKind.GEBIEDSVERBOD_172A: "Gebiedsverbod / groepsverbod",
    MeasureKind.OPHOUDING_176A: "Bestuurlijke ophouding",
}

KIND_LABELS_EN = {
    MeasureKind.NOODVERORDENING: "Emergency ordinance (noodverordening)",
    MeasureKind.NOODBEVEL: "Emergency order (noodbevel)",
    MeasureKind.RISICOGEBIED_151B: "Designated security risk area",
    MeasureKind.RISICOGEBIED_174B: "Urgent security risk area",
    MeasureKind.GEBIEDSVERBOD_172A: "Area ban / group ban",
    MeasureKind.OPHOUDING_176A: "Administrative detention",
}

KIND_LEGAL_BASIS = {
    MeasureKind.NOODVERORDENING: "Gemeentewet art. 176",
    MeasureKind.NOODBEVEL: "Gemeentewet art. 175",
    MeasureKind.RISICOGEBIED_151B: "Gemeentewet art. 151b",
    MeasureKind.RISICOGEBIED_174B: "Gemeentewet art. 174b",
    MeasureKind.GEBIEDSVERBOD_172A: "Gemeentewet art. 172a",
    MeasureKind.OPHOUDING_176A: "Gemeentewet art. 176a",
}

KIND_MAX_DURATION = {
    MeasureKind.RISICOGEBIED_174B: timedelta(hours=12),
    MeasureKind.OPHOUDING_176A: timedelta(hours=12),
}

ISSUER_LABELS_NL = {
    Issuer.BURGEMEESTER: "Burgemeester",
    Issuer.VOORZITTER_VR: "Voorzitter veiligheidsregio (Wvr art. 39)",
}

ISSUER_LABELS_EN = {
    Issuer.BURGEMEESTER: "Mayor",
    Issuer.VOORZITTER_VR: "Chair of the veiligheidsregio (Wvr art. 39)",
}

PARTY_LABELS_NL = {
    Party.RAAD: "de gemeenteraad",
    Party.CDK: "de commissaris van de Koning",
    Party.OVJ: "de officier van justitie, hoofd van het arrondissementsparket",
}

PARTY_LABELS_EN = {
    Party.RAAD: "the municipal council",
    Party.CDK: "the King's Commissioner (CdK)",
    Party.OVJ: "the public prosecutor, head of the district office",
}

PARTY_SHORT_NL = {
    Party.RAAD: "gemeenteraad",
    Party.CDK: "CdK",
    Party.OVJ: "hoofdofficier van justitie",
}

PARTY_SHORT_EN = {
    Party.RAAD: "municipal council",
    Party.CDK: "CdK",
    Party.OVJ: "chief public prosecutor",
}

# Wvr art. 39 gives the chair of the veiligheidsregio the art. 175/176 powers only.
ISSUERS_ALLOWED = {
    MeasureKind.NOODVERORDENING: frozenset(Issuer),
    MeasureKind.NOODBEVEL: frozenset(Issuer),
}


def allowed_issuers(kind: MeasureKind) -> frozenset[Issuer]:
    return ISSUERS_ALLOWED.get(kind, frozenset({Issuer.BURGEMEESTER}))


def needs_notifications(kind: MeasureKind) -> bool:
    """Art. 176 lid 3: only the noodverordening must be told to raad, CdK and OvJ.

    Holds for both issuers: under Wvr art. 39 announcing and informing still apply.
    """
    return kind is MeasureKind.NOODVERORDENING


def needs_ratification(kind: MeasureKind, issuer: Issuer) -> bool:
    """Rules 3-5 (ratification, appeal, CdK suspension) only bind a mayor's noodverordening."""
    return kind is MeasureKind.NOODVERORDENING and issuer is Issuer.BURGEMEESTER


def can_appeal(kind: MeasureKind, issuer: Issuer) -> bool:
    return needs_ratification(kind, issuer)


def can_be_suspended(kind: MeasureKind, issuer: Issuer) -> bool:
    return needs_ratification(kind, issuer)
