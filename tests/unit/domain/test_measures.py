"""Kinds, issuers and parties: the legal facts every other rule reads."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crisisconsole.domain.measures import (
    Issuer,
    MeasureKind,
    Party,
    allowed_issuers,
    can_appeal,
    can_be_suspended,
    needs_notifications,
    needs_ratification,
)


def test_exact_values() -> None:
    assert [k.value for k in MeasureKind] == [
        "noodverordening", "noodbevel", "risicogebied-151b", "risicogebied-174b",
        "gebiedsverbod-172a", "ophouding-176a",
    ]
    assert [i.value for i in Issuer] == ["burgemeester", "voorzitter-vr"]
    assert [p.value for p in Party] == ["raad", "cdk", "ovj"]


@pytest.mark.parametrize(
    ("kind", "basis", "limit"),
    [
        (MeasureKind.NOODVERORDENING, "Gemeentewet art. 176", None),
        (MeasureKind.NOODBEVEL, "Gemeentewet art. 175", None),
        (MeasureKind.RISICOGEBIED_151B, "Gemeentewet art. 151b", None),
        (MeasureKind.RISICOGEBIED_174B, "Gemeentewet art. 174b", timedelta(hours=12)),
        (MeasureKind.GEBIEDSVERBOD_172A, "Gemeentewet art. 172a", None),
        (MeasureKind.OPHOUDING_176A, "Gemeentewet art. 176a", timedelta(hours=12)),
    ],
)
def test_legal_basis_and_limit(kind: MeasureKind, basis: str, limit: timedelta | None) -> None:
    assert kind.legal_basis == basis and kind.max_duration == limit and kind.label_nl


@pytest.mark.parametrize("kind", list(MeasureKind))
@pytest.mark.parametrize("issuer", list(Issuer))
def test_who_must_do_what(kind: MeasureKind, issuer: Issuer) -> None:
    nv = kind is MeasureKind.NOODVERORDENING
    assert needs_notifications(kind) is nv  # also under Wvr art. 39
    mayors = nv and issuer is Issuer.BURGEMEESTER
    assert needs_ratification(kind, issuer) is mayors
    assert can_appeal(kind, issuer) is mayors and can_be_suspended(kind, issuer) is mayors


def test_chair_holds_only_art_175_and_176() -> None:
    chair = {k for k in MeasureKind if Issuer.VOORZITTER_VR in allowed_issuers(k)}
    assert chair == {MeasureKind.NOODVERORDENING, MeasureKind.NOODBEVEL}
    assert all(Issuer.BURGEMEESTER in allowed_issuers(k) for k in MeasureKind)


def test_party_names() -> None:
    assert Party.OVJ.label_nl == "de officier van justitie, hoofd van het arrondissementsparket"
    assert Party.CDK.label_nl == "de commissaris van de Koning"
    assert Party.RAAD.label_nl == "de gemeenteraad"
    assert Issuer.VOORZITTER_VR.label_nl.endswith("(Wvr art. 39)")
