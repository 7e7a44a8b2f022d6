"""The partner directory: versions, audited changes, CSV and vCard in and out, hostile files
refused whole, phone numbers kept as typed and in E.164."""

import pytest

from crisisconsole.domain.partner_rules import PartnerFields, e164
from crisisconsole.errors import AccessDeniedError, NotFoundError, ValidationError
from crisisconsole.interchange import partners_files
from crisisconsole.services.network import partners


def _count(store, table):
    with store.read() as conn:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def test_phone_numbers_are_kept_as_typed_and_normalised():
    assert e164("088 144 7111") == "+31881447111"
    assert e164("06-12345678") == "+31612345678"
    assert e164("+32 2 555 12 12") == "+3225551212"
    assert e164("toestel 4411") is None


def test_add_update_keeps_versions_and_audits(ctx):
    made = partners.add_partner(ctx, PartnerFields(
        "Woningcorporatie Waalwonen", phone="0487 55 11 00", contributes="Huisvesting."),
        municipality="Waalbergen")
    assert made.phone == "0487 55 11 00" and made.phone_e164 == "+31487551100"
    assert made.as_json()["tel_links"] == {"phone": "tel:+31487551100"}
    changed = partners.update_partner(ctx, made.id, escalation_phone="06 11 22 33 44")
    assert changed.escalation_e164 == "+31611223344" and changed.phone == made.phone
    assert _count(ctx.store, "partner_version") == 2
    with ctx.store.read() as conn:
        actions = [r[0] for r in conn.exec_driver_sql(
            "SELECT action FROM audit WHERE object_type LIKE 'partner%' ORDER BY seq")]
    assert actions == ["partner.add", "partner.version", "partner.version"]
    partners.update_partner(ctx, made.id, retired=True)
    assert partners.list_partners(ctx.store) == []


def test_only_an_aide_changes_the_directory(ctx, as_role):
    team = as_role("team")
    with pytest.raises(AccessDeniedError):
        partners.add_partner(team, PartnerFields("X"))


def test_bad_fields_are_refused(ctx):
    with pytest.raises(ValidationError, match="e-mail"):
        partners.add_partner(ctx, PartnerFields("X", email="geen adres"))
    with pytest.raises(ValidationError, match="discipline"):
        partners.add_partner(ctx, PartnerFields("X", discipline="marine"))
    with pytest.raises(ValidationError, match="naam"):
        partners.add_partner(ctx, PartnerFields("  "))
    assert _count(ctx.store, "partner") == 0


def test_csv_round_trip_and_second_import_changes_only_what_differs(ctx, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("naam;functie;telefoon;escalatie;discipline;bijdrage\n"
                      "GGD;DPG;088 144 7111;06 12345678;ghor;Medische info.\n"
                      "Politie Oost;Teamchef;0900-8844;;politie;=HYPERLINK(\"x\")\n",
                      encoding="utf-8")
    assert partners.import_partners(ctx, source).as_json() == {
        "added": 2, "updated": 0, "unchanged": 0}
    out = partners.export_partners(ctx, "csv", tmp_path / "out.csv")
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "088 144 7111" in text
    again = partners.import_partners(ctx, out)
    assert again.as_json() == {"added": 0, "updated": 1, "unchanged": 1}  # the quoted cell


def test_vcard_round_trip(ctx, tmp_path):
    partners.add_partner(ctx, PartnerFields(
        "J. de Vries", kind="person", organisation="Gemeente Waalbergen",
        function="Afdelingshoofd Vergunningen", phone="0487 123456",
        escalation_phone="06 98765432", email="j.devries@waalbergen.example",
        discipline="gemeente"))
    out = partners.export_partners(ctx, "vcf", tmp_path / "d.vcf")
    read = partners_files.read_partners(out.read_bytes())
    assert read == [PartnerFields(
        "J. de Vries", "person", "Afdelingshoofd Vergunningen", "Gemeente Waalbergen", None,
        "0487 123456", "06 98765432", "j.devries@waalbergen.example", "gemeente")]
    assert partners.import_partners(ctx, out).as_json()["unchanged"] == 1


@pytest.mark.parametrize("content, message", [
    (b"naam;telefoon\nGGD;088\nPolitie;0900;extra\n", "regel 3"),
    (b"wie;wat\nGGD;088\n", "kopregel"),
    (b"BEGIN:VCARD\nVERSION:3.0\nFN:GGD\nTEL;;;\x01:::\nEND:VCARD\nBEGIN:VCARD\nFN\n", "vCard"),
    (b"naam\n" + b"x" * 20_000 + b"\n", "langer dan"),
    (b"naam\n" + b"GGD\n" * 600_000, "te groot"),
    (b"naam\n" + b"".join(b"P%d\n" % i for i in range(5_001)), "meer dan 5000"),
    (b"naam;telefoon\nGGD;088\nGGD;089\n", "twee keer"),
    (b"\xff\xfe\x00n\x00a", "nul-tekens"),
])
def test_broken_or_hostile_files_are_refused_whole(ctx, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        partners.import_partners(ctx, path)
    assert _count(ctx.store, "partner") == 0


def test_resolve_by_id_or_exact_name(ctx):
    own = partners.add_partner(ctx, PartnerFields("GGD"), municipality="Waalbergen")
    general = partners.add_partner(ctx, PartnerFields("GGD"), municipality="")
    with ctx.store.read() as conn:
        assert partners.resolve_partner(conn, "GGD", "Waalbergen").id == own.id
        assert partners.resolve_partner(conn, "GGD", "Elders").id == general.id
    partners.add_partner(ctx, PartnerFields("GGD"), municipality="")
    with ctx.store.read() as conn:
        with pytest.raises(ValidationError, match="meer partners"):
            partners.resolve_partner(conn, "GGD", "Elders")
        with pytest.raises(NotFoundError):
            partners.resolve_partner(conn, "ggd", "Waalbergen")
