"""The partner directory in and out: CSV (one partner a line, a header naming the columns) and
vCard 3.0 (the ``vobject`` package), the formats an address book or a spreadsheet of the
municipality's own crisis plan gives.

Both are untrusted input. A file past ``MAX_BYTES``, with more than ``MAX_PARTNERS`` partners
or a line past ``MAX_LINE`` characters is refused before it is parsed; a broken line (a CSV
row with the wrong number of cells, a vCard that does not parse, a partner without a name) is
refused with its line number. A file is taken as a whole or not at all: the caller saves
nothing unless every partner in it is readable (services/network/partners.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import vobject

from crisisconsole.domain.partner_rules import PartnerFields, PartnerRefused, check_partner
from crisisconsole.i18n import tr
from crisisconsole.interchange.cell_safety import safe_cell

MAX_BYTES = 2_000_000
MAX_PARTNERS = 5_000
MAX_LINE = 10_000
COLUMNS = ("name", "kind", "function", "organisation", "contributes", "phone",
           "escalation_phone", "email", "discipline")
# Dutch column names a hand-made sheet may use.
ALIASES = {"naam": "name", "soort": "kind", "functie": "function", "organisatie": "organisation",
           "bijdrage": "contributes", "telefoon": "phone", "24/7": "phone",
           "escalatie": "escalation_phone", "escalatienummer": "escalation_phone",
           "e-mail": "email", "mail": "email"}
ESCALATION_TYPE = "x-escalation"


def _refuse(line: int | None, nl: str, en: str) -> PartnerRefused:
    where_nl, where_en = (f"regel {line}: ", f"line {line}: ") if line else ("", "")
    return PartnerRefused(tr(where_nl + nl, where_en + en))


def check_size(data: bytes) -> str:
    """The text of an import file within the limits for hostile input."""
    if len(data) > MAX_BYTES:
        raise _refuse(None, f"het bestand is te groot (max. {MAX_BYTES // 1_000_000} MB)",
                      f"the file is too large (max. {MAX_BYTES // 1_000_000} MB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _refuse(None, "het bestand is geen tekst (UTF-8 of Windows-1252)",
                          "the file is not text (UTF-8 or Windows-1252)") from None
    if "\x00" in text:
        raise _refuse(None, "het bestand bevat nul-tekens", "the file holds NUL characters")
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE:
            raise _refuse(number, f"de regel is langer dan {MAX_LINE} tekens",
                          f"the line is longer than {MAX_LINE} characters")
    return text


def looks_like_vcard(text: str) -> bool:
    return text.lstrip()[:11].upper() == "BEGIN:VCARD"


def read_partners(data: bytes) -> list[PartnerFields]:
    """Every partner of a CSV or vCard file, checked; one refusal for the first broken line."""
    text = check_size(data)
    found = _read_vcards(text) if looks_like_vcard(text) else _read_csv(text)
    if not found:
        raise _refuse(None, "het bestand bevat geen partners", "the file holds no partners")
    return found


def _column(name: str) -> str:
    key = " ".join(name.strip().lower().split())
    return ALIASES.get(key, key.replace(" ", "_"))


def _read_csv(text: str) -> list[PartnerFields]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [_column(h) for h in next(reader)]
    except (StopIteration, csv.Error):
        raise _refuse(1, "geen kopregel", "no header line") from None
    unknown = [h for h in header if h not in COLUMNS]
    if unknown or "name" not in header or len(set(header)) != len(header):
        raise _refuse(1, f"kopregel: verwacht de kolommen {', '.join(COLUMNS)} (naam verplicht)",
                      f"header: expected the columns {', '.join(COLUMNS)} (name required)")
    partners: list[PartnerFields] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise _refuse(line, f"{len(row)} cellen, de kopregel heeft er {len(header)}",
                              f"{len(row)} cells, the header has {len(header)}")
            if len(partners) >= MAX_PARTNERS:
                raise _refuse(line, f"meer dan {MAX_PARTNERS} partners",
                              f"more than {MAX_PARTNERS} partners")
            values = {h: (cell.strip() or None) for h, cell in zip(header, row, strict=True)}
            partners.append(_checked(PartnerFields(**{"name": "", **values}), line))
    except csv.Error as error:
        raise _refuse(reader.line_num, f"kapotte CSV-regel ({error})",
                      f"broken CSV line ({error})") from None
    return partners


def _checked(fields: PartnerFields, line: int | None) -> PartnerFields:
    try:
        return check_partner(fields)
    except PartnerRefused as error:
        raise _refuse(line, str(error), str(error)) from None


def _value(card: vobject.base.Component, name: str) -> str | None:
    item = card.contents.get(name)
    if not item:
        return None
    value = item[0].value
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    return str(value).strip() or None


def _read_vcards(text: str) -> list[PartnerFields]:
    if text.upper().count("BEGIN:VCARD") > MAX_PARTNERS:
        raise _refuse(None, f"meer dan {MAX_PARTNERS} partners", f"more than {MAX_PARTNERS} partners")
    partners: list[PartnerFields] = []
    try:
        for card in vobject.readComponents(text, validate=False):
            if card.name.upper() != "VCARD":
                raise _refuse(None, f"onverwacht onderdeel {card.name}",
                              f"unexpected component {card.name}")
            phone = escalation = None
            for tel in card.contents.get("tel", []):
                types = {t.lower() for t in tel.params.get("TYPE", [])}
                if ESCALATION_TYPE in types and escalation is None:
                    escalation = str(tel.value)
                elif phone is None:
                    phone = str(tel.value)
            kind = (_value(card, "x-cc-kind") or _value(card, "kind") or "").lower()
            name = _value(card, "fn")
            organisation = _value(card, "org")
            if kind not in ("organisation", "person"):
                kind = "organisation" if organisation in (None, name) else "person"
            partners.append(_checked(PartnerFields(
                name=name or "", kind=kind, function=_value(card, "title"),
                organisation=None if organisation == name else organisation,
                contributes=_value(card, "note"), phone=phone, escalation_phone=escalation,
                email=_value(card, "email"), discipline=_value(card, "x-cc-discipline")),
                None))
    except PartnerRefused:
        raise
    except Exception as error:  # vobject raises ParseError and assorted others on bad input
        line = getattr(error, "lineNumber", None)
        raise _refuse(line, f"kapotte vCard ({type(error).__name__})",
                      f"broken vCard ({type(error).__name__})") from None
    return partners


def partners_csv(rows: Iterable[dict[str, object]]) -> str:
    """The directory as CSV (cells a spreadsheet would run get a leading quote)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in COLUMNS])
    return out.getvalue()


def partners_vcf(rows: Sequence[dict[str, object]]) -> str:
    """The directory as vCard 3.0, one card per partner; the escalation number is a TEL of
    type X-ESCALATION, kind and discipline are X-CC- properties."""
    parts = []
    for row in rows:
        card = vobject.vCard()
        name = str(row["name"])
        card.add("fn").value = name
        if row.get("kind") == "person":
            family, _, given = name.rpartition(" ")
            card.add("n").value = vobject.vcard.Name(family=family or given,
                                                     given=given if family else "")
        else:
            card.add("n").value = vobject.vcard.Name(family=name)
        card.add("org").value = [str(row.get("organisation") or name)]
        for key, prop in (("function", "title"), ("contributes", "note"), ("email", "email")):
            if row.get(key):
                card.add(prop).value = str(row[key])
        if row.get("phone"):
            tel = card.add("tel")
            tel.value = str(row["phone"])
            tel.type_param = "WORK"
        if row.get("escalation_phone"):
            tel = card.add("tel")
            tel.value = str(row["escalation_phone"])
            tel.type_param = ESCALATION_TYPE.upper()
        card.add("x-cc-kind").value = str(row.get("kind") or "organisation")
        if row.get("discipline"):
            card.add("x-cc-discipline").value = str(row["discipline"])
        parts.append(card.serialize())
    return "".join(parts)
