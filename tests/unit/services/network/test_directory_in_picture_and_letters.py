"""The directory feeds the picture's contacts and the letters' addressees; the roster names
who is on duty in the picture's header."""

import io

import pypdf

from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.services.foundation import settings_facts as sf
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures.letters import letter_data, write_letter
from crisisconsole.services.network import partners, roster
from crisisconsole.services.picture.snapshots import live_picture


def test_letters_name_the_addressee_from_the_directory(qapp, ctx, crisis, tmp_path):
    nv = measures.issue_measure(ctx, crisis.id, "noodverordening", "Noodverordening centrum")
    sf.set_values(ctx, {sf.PROVINCE: "Gelderland"})  # the CdK's letter names the province
    assert letter_data(ctx, nv.id, "cdk").addressee is None
    partners.add_partner(ctx, PartnerFields("drs. E. Meijer", "person",
                                            "Commissaris van de Koning"),
                         municipality=crisis.municipality)
    partners.add_partner(ctx, PartnerFields("mr. A. Bos", "person", "Griffier"),
                         municipality="Elders")  # another municipality's griffier
    assert letter_data(ctx, nv.id, "cdk").addressee == "drs. E. Meijer (Commissaris van de Koning)"
    assert letter_data(ctx, nv.id, "raad").addressee is None
    out = tmp_path / "cdk.pdf"
    write_letter(ctx, nv.id, "cdk", out)
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "t.a.v. drs. E. Meijer" in " ".join(text.split())


def test_picture_contacts_and_on_duty(ctx, crisis):
    partners.add_partner(ctx, PartnerFields("GGD", contributes="Medische info.",
                                            phone="088 144 7111", escalation_phone="06 1"),
                         municipality=crisis.municipality)
    roster.assign(ctx, crisis.id, "burgemeester", "H. van Dam")
    picture = live_picture(ctx, crisis.id)
    assert [c["text"] for c in picture["contacts"]] == [
        "GGD — Medische info. — 24/7 088 144 7111; escalatie 06 1"]
    assert picture["header"]["on_duty"] == "burgemeester: H. van Dam"


def test_handover_names_who_is_on_duty(ctx, crisis, clock):
    from datetime import timedelta

    from crisisconsole.interchange.handover_render import handover_markdown
    from crisisconsole.services.picture.handover import build_handover

    roster.assign(ctx, crisis.id, "burgemeester", "H. van Dam")
    roster.assign(ctx, crisis.id, "OvD-Bz", "F. Jansen")
    data = build_handover(ctx, crisis.id, clock.now() - timedelta(hours=4))
    assert data["on_duty"] == "burgemeester: H. van Dam · OvD-Bz: F. Jansen"
    assert "Dienst: burgemeester: H. van Dam · OvD-Bz: F. Jansen" in handover_markdown(data)
