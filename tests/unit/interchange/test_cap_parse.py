from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisconsole.interchange.cap_model import CAP11_NS, CAP12_NS, CapCircle
from crisisconsole.interchange.cap_parse import CapRefused, parse_cap, parse_cap_container

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cap"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def refused(data: bytes) -> str:
    with pytest.raises(CapRefused) as info:
        parse_cap_container(data)
    reason = info.value.reason
    assert reason and "\n" not in reason
    return reason


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging forever (SIGALRM; where it is missing, just run)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _timeout(signum: int, frame: object) -> None:
        raise TimeoutError("parsing took too long")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_valid_cap12_alert_with_two_infos() -> None:
    alert = parse_cap(fixture("valid_12.cap"))
    assert alert.namespace == CAP12_NS and alert.version == "1.2"
    assert alert.identifier == "VRU-2026-0001"
    assert alert.sender == "meldkamer@vru.example.nl"
    assert alert.sent == datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
    assert alert.sent.tzinfo is UTC
    assert alert.sent_text == "2026-11-29T10:00:00+01:00"
    assert (alert.status, alert.msg_type, alert.scope) == ("Actual", "Alert", "Public")
    assert alert.incidents == ("INC-7", "INC-8")
    assert alert.references == ()
    assert not alert.is_exercise
    first, second = alert.infos
    assert first.language == "nl-NL"
    assert first.categories == ("Fire", "Safety")
    assert (first.event, first.urgency, first.severity, first.certainty) == (
        "Grote brand", "Immediate", "Severe", "Observed"
    )
    assert first.onset == datetime(2026, 11, 29, 8, 45, tzinfo=UTC)
    assert first.expires == datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
    assert first.sender_name == "Veiligheidsregio Utrecht"
    assert first.instruction == "Houd ramen en deuren gesloten."
    (area,) = first.areas
    assert area.area_desc == "Industrieterrein De Hoek"
    assert area.circles == (CapCircle(52.09, 5.12, 1.5),)
    assert area.geocodes == (("CBS", "GM0344"),)
    assert second.certainty == "Likely"
    assert second.areas[0].polygons[0][0] == (52.0, 5.0)
    assert len(second.areas[0].polygons[0]) == 5
    assert second.areas[1].polygons == ()


def test_valid_cap11_prefixed_exercise() -> None:
    alert = parse_cap(fixture("valid_11.cap"))
    assert alert.namespace == CAP11_NS and alert.version == "1.1"
    assert alert.status == "Exercise" and alert.is_exercise
    assert alert.scope == "Restricted"
    assert alert.sent == datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    (info,) = alert.infos
    assert info.language == "en-US"  # CAP default when <language> is absent
    assert info.certainty == "Very Likely"
    assert info.headline is None and info.sender_name is None


def test_iso_8859_1_declared_file() -> None:
    alert = parse_cap(fixture("latin1.cap"))
    (info,) = alert.infos
    assert "café" in info.headline
    assert info.areas[0].area_desc == "Ruïnepark, Utrecht"


def test_update_and_cancel_references() -> None:
    update = parse_cap(fixture("update.cap"))
    assert update.msg_type == "Update"
    (reference,) = update.references
    assert reference.sender == "meldkamer@vru.example.nl"
    assert reference.identifier == "VRU-2026-0001"
    assert reference.sent_text == "2026-11-29T09:00:00-00:00"
    cancel = parse_cap(fixture("cancel.cap"))
    assert cancel.msg_type == "Cancel"
    assert [r.identifier for r in cancel.references] == ["VRU-2026-0001", "VRU-2026-0002"]
    assert cancel.infos == ()


def test_reference_key_normalises_the_time_spelling() -> None:
    original = parse_cap(fixture("valid_12.cap"))
    update = parse_cap(fixture("update.cap"))
    cancel = parse_cap(fixture("cancel.cap"))
    expected = "meldkamer@vru.example.nl,VRU-2026-0001,2026-11-29T09:00:00+00:00"
    assert update.references[0].key == expected
    assert cancel.references[0].key == expected
    assert original.sent_text != update.references[0].sent_text


def test_edxl_de_envelope_gives_every_alert() -> None:
    alerts = parse_cap_container(fixture("edxlde.xml"))
    assert [a.identifier for a in alerts] == ["E-1", "E-2"]
    assert [a.version for a in alerts] == ["1.2", "1.1"]


def test_parse_cap_refuses_an_envelope_with_a_pointer_to_the_container() -> None:
    with pytest.raises(CapRefused, match="EDXL-DE"):
        parse_cap(fixture("edxlde.xml"))


def test_bare_alert_through_container() -> None:
    (alert,) = parse_cap_container(fixture("valid_12.cap"))
    assert alert.identifier == "VRU-2026-0001"


def test_xxe_refused_without_fetching() -> None:
    assert "DTD" in refused(fixture("xxe.cap"))


def test_billion_laughs_refused_fast() -> None:
    with deadline(5):
        assert "entiteiten" in refused(fixture("billion_laughs.cap"))


def test_not_xml() -> None:
    assert "geen geldige XML" in refused(fixture("not_xml.cap"))


def test_empty_file() -> None:
    assert "leeg" in refused(b"  \n")


def test_missing_required_element_is_named() -> None:
    assert "<scope>" in refused(fixture("missing_scope.cap"))


@pytest.mark.parametrize("name", ["identifier", "sender", "sent", "status", "msgType", "scope"])
def test_each_required_element(name: str) -> None:
    data = fixture("valid_12.cap")
    start = data.index(f"<{name}>".encode())
    end = data.index(f"</{name}>".encode()) + len(name) + 3
    assert f"<{name}>" in refused(data[:start] + data[end:])


def test_bad_time() -> None:
    assert "ongeldige tijd in <sent>" in refused(fixture("bad_time.cap"))


def test_time_without_zone() -> None:
    data = fixture("valid_12.cap").replace(b"2026-11-29T09:45:00+01:00", b"2026-11-29T09:45:00")
    assert "tijdzone in <onset>" in refused(data)


def test_cap10_refused_with_reason() -> None:
    assert "CAP 1.0" in refused(fixture("cap10.cap"))


def test_alert_without_namespace_refused() -> None:
    data = fixture("valid_12.cap").replace(b' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', b"")
    assert "naamruimte" in refused(data)


def test_other_xml_refused() -> None:
    assert "geen CAP-bericht" in refused(b"<rss><channel/></rss>")


def test_huge_file_refused_before_parsing() -> None:
    data = fixture("valid_12.cap").replace(b"<info>", b"<!--" + b"x" * 1_100_000 + b"--><info>", 1)
    assert "te groot" in refused(data)


def test_size_limit_is_a_parameter() -> None:
    with pytest.raises(CapRefused, match="te groot"):
        parse_cap(fixture("valid_12.cap"), max_bytes=100)


def test_utf8_declared_but_latin1_bytes_is_an_encoding_reason() -> None:
    data = fixture("latin1.cap").replace(b'encoding="ISO-8859-1"', b'encoding="UTF-8"')
    assert "tekencodering" in refused(data)


def test_unknown_encoding() -> None:
    data = fixture("valid_12.cap").replace(b'encoding="UTF-8"', b'encoding="x-klingon"')
    assert "tekencodering" in refused(data)


def test_multibyte_encoding_is_refused_as_unsupported() -> None:
    text = fixture("valid_12.cap").decode("utf-8").replace("UTF-8", "Shift_JIS")
    data = text.replace("Grote brand in loods", "大火災").encode("shift_jis")
    assert "tekencodering" in refused(data)


def test_utf16_and_windows_1252_are_read() -> None:
    latin = fixture("latin1.cap")
    cp1252 = latin.replace(b"ISO-8859-1", b"windows-1252")
    utf16 = latin.decode("latin-1").replace("ISO-8859-1", "UTF-16").encode("utf-16")
    for data in (cp1252, utf16):
        assert "café" in parse_cap(data).infos[0].headline


def test_deep_nesting_is_refused_quickly() -> None:
    with deadline(5):
        assert "geen CAP-bericht" in refused(b"<a>" * 100_000 + b"</a>" * 100_000)


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (b"<msgType>Alert", b"<msgType>Alarm", "<msgType>"),
        (b"<urgency>Immediate", b"<urgency>Foobar", "<urgency>"),
        (b"<category>Safety", b"<category>Weer", "<category>"),
        (b"52.0900,5.1200 1.5", b"52.09;5.12 1.5", "coördinaten"),
        (b"52.0900,5.1200 1.5", b"95.0,5.12 1.5", "buiten bereik"),
        (b"52.0900,5.1200 1.5", b"52.09,5.12 nan", "straal"),
        (b"52.0,5.0 52.0,5.2 52.2,5.2 52.2,5.0 52.0,5.0", b"52.0,5.0 52.0,5.2", "polygoon"),
        (b"<incidents>", b"<references>a,b</references><incidents>", "<references>"),
    ],
)
def test_nonsense_values_refused(old: bytes, new: bytes, reason: str) -> None:
    data = fixture("valid_12.cap")
    assert old in data
    assert reason in refused(data.replace(old, new, 1))


def test_lenient_where_meaning_is_clear() -> None:
    data = (
        fixture("valid_12.cap")
        .replace(b"<certainty>Observed", b"<certainty>OBSERVED")
        .replace(b"<urgency>Immediate</urgency>", b"<urgency></urgency>", 1)
        .replace(b"52.2,5.2 52.2,5.0", b"52.2,5.2, 52.2,5.0,")
    )
    info = parse_cap(data).infos[0]
    assert info.certainty == "Observed"
    assert info.urgency is None


def test_corpus_every_file_parses_or_is_refused(cap_corpus: Path) -> None:
    files = sorted(p for p in cap_corpus.rglob("*") if p.suffix in (".cap", ".edxlde", ".xml"))
    assert len(files) >= 15
    outcome: dict[str, str] = {}
    with deadline(20):
        for path in files:
            try:
                alerts = parse_cap_container(path.read_bytes())
            except CapRefused as exc:
                assert exc.reason and "\n" not in exc.reason
                outcome[path.name] = "refused"
            else:
                assert alerts
                outcome[path.name] = "imported"
    assert outcome["xee.cap"] == "refused"
    assert outcome["invalid.cap"] == "refused"
    assert outcome["bushfire_invalid.edxlde"] == "refused"
    assert outcome["bushfire_valid.edxlde"] == "imported"
    assert outcome["earthquake-iso8859-1.cap"] == "imported"
    assert outcome["canada.cap"] == "imported"


def test_corpus_xee_reason(cap_corpus: Path) -> None:
    reason = refused((cap_corpus / "testdata" / "xee.cap").read_bytes())
    assert "DTD" in reason and "entiteiten" in reason


def test_corpus_details(cap_corpus: Path) -> None:
    canada = parse_cap((cap_corpus / "testdata" / "canada.cap").read_bytes())
    assert canada.msg_type == "Update" and len(canada.references) >= 1
    envelope = parse_cap_container((cap_corpus / "testdata" / "bushfire_valid.edxlde").read_bytes())
    assert len(envelope) == 7
    quake = parse_cap((cap_corpus / "testdata" / "earthquake-iso8859-1.cap").read_bytes())
    assert quake.infos[0].certainty


_TAGS = ["alert", "info", "identifier", "sent", "area", "polygon", "circle", "references"]
_fragments = st.one_of(
    st.sampled_from(
        [
            b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="ISO-8859-1"?>',
            b'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">', b"</alert>",
            b"<!DOCTYPE a [<!ENTITY x 'y'>]>", b"&x;", b"&amp;", b"<![CDATA[", b"]]>",
            b"2026-11-29T10:00:00+01:00", b"1,2 3,4", b"\xff\xfe", b"\xc3", b"\x00", b"<", b">",
        ]
    ),
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>".encode()),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>".encode()),
    st.binary(max_size=20),
    st.text(max_size=20).map(lambda s: s.encode("utf-8", "surrogatepass")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_fragments, max_size=30).map(b"".join))
def test_generated_malformed_bytes_only_ever_refused(data: bytes) -> None:
    try:
        alerts = parse_cap_container(data)
    except CapRefused as exc:
        assert exc.reason
    else:
        assert all(a.identifier and a.sent.tzinfo is UTC for a in alerts)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_valid_alert_only_ever_refused(data: st.DataObject) -> None:
    original = fixture("valid_12.cap")
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    insert = data.draw(st.binary(max_size=12) | st.sampled_from([b"<", b"&", b"</info>", b""]))
    try:
        parse_cap_container(original[:start] + insert + original[end:])
    except CapRefused:
        pass


@pytest.mark.parametrize("stamp", [b"0850-03-01T10:00:00+00:00", b"2500-01-01T00:00:00Z",
                                   b"1899-12-31T23:00:00Z"])
def test_times_outside_the_one_time_rule_are_refused(stamp: bytes) -> None:
    """Such a time used to be stored as '850-…', which could not be read back."""
    data = fixture("valid_12.cap")
    for element in (b"sent", b"onset"):
        start = data.index(b"<" + element + b">") + len(element) + 2
        end = data.index(b"</" + element + b">")
        reason = refused(data[:start] + stamp + data[end:])
        assert f"<{element.decode()}>" in reason and "1900-01-01" in reason
