"""Write one log entry as a CAP 1.2 alert for partners (issue 7, DOMAIN.md §5).

The entry is a plain mapping so the exporter does not depend on how the store shapes a row.
Keys read (all optional except ``text``): ``text``, ``entry_id``, ``occurred_at`` (aware datetime),
``source``, ``reliability`` (Reliability or its value), ``certainty`` (original CAP value
kept on import), ``grade``, ``location``, ``lat``, ``lon``, ``exercise``, ``category`` (CAP
category), ``discipline``, ``event``, ``urgency``, ``severity``, ``headline``.

Certainty: confirmed -> Observed, hearsay -> Possible, refuted -> Unlikely. "Possible" rather
than "Likely" for hearsay because nothing in an unconfirmed report says it is probably true.
When the entry came in by CAP and its tag has not changed since, the original certainty is
written back, so a partner's "Likely" does not become our "Possible" on the way round.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from xml.etree.ElementTree import Element, SubElement, tostring

from crisisconsole.clock import AMSTERDAM, as_utc
from crisisconsole.domain.reliability import Reliability, reliability_from_cap_certainty
from crisisconsole.i18n import tr
from crisisconsole.interchange.cap_model import (
    CAP12_NS,
    CATEGORIES,
    PARAM_DISCIPLINE,
    PARAM_ENTRY,
    PARAM_GRADE,
    PARAM_RELIABILITY,
    PARAM_SOURCE,
    SCOPES,
    SEVERITIES,
    URGENCIES,
)

_CERTAINTY_FOR = {
    Reliability.CONFIRMED: "Observed",
    Reliability.HEARSAY: "Possible",
    Reliability.REFUTED: "Unlikely",
}
_CAP12_CERTAINTIES = frozenset({"Observed", "Likely", "Possible", "Unlikely", "Unknown"})
# Dutch disciplines as used in GRIP teams -> CAP category.
_DISCIPLINE_CATEGORY = {
    "brandweer": "Fire",
    "politie": "Security",
    "ghor": "Health",
    "geneeskundig": "Health",
    "gezondheid": "Health",
    "ambulance": "Rescue",
    "defensie": "Security",
    "waterschap": "Env",
    "rijkswaterstaat": "Transport",
    "milieu": "Env",
    "infrastructuur": "Infra",
}
# XML 1.0 cannot carry these characters at all; a pasted control character must not make the
# export unreadable for the partner.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BAD_ID = re.compile(r"[\s,<&]")
HEADLINE_CHARS = 160


def cap_time(value: datetime) -> str:
    """CAP form: YYYY-MM-DDThh:mm:ss+hh:mm, in Amsterdam time, no fractions, never "Z"."""
    return as_utc(value).astimezone(AMSTERDAM).isoformat(timespec="seconds")


def entry_to_cap(
    entry: Mapping[str, object],
    *,
    sender: str,
    sent: datetime,
    identifier: str,
    scope: str = "Restricted",
    restriction: str = "Alleen voor crisispartners",
    sender_name: str | None = None,
    references: Sequence[str] = (),
) -> bytes:
    """A CAP 1.2 alert (UTF-8 bytes with XML declaration) holding one info block.

    With ``references`` ("sender,identifier,sent" of earlier exports of the same entry) it is
    an Update of those alerts."""
    for name, value in (("sender", sender), ("identifier", identifier)):
        if not value or _BAD_ID.search(value):
            raise ValueError(
                tr(f"ongeldige CAP-{name}: geen spaties, komma's, '<' of '&'", f'invalid CAP {name}')
            )
    if scope not in SCOPES:
        raise ValueError(tr("scope moet Public, Restricted of Private zijn", "invalid scope"))
    text = _clean(str(entry.get("text") or "")).strip()
    if not text:
        raise ValueError(tr("een melding zonder tekst kan niet worden geëxporteerd", "empty text"))

    alert = Element(_ns("alert"))
    _add(alert, "identifier", identifier)
    _add(alert, "sender", sender)
    _add(alert, "sent", cap_time(sent))
    _add(alert, "status", "Exercise" if entry.get("exercise") else "Actual")
    _add(alert, "msgType", "Update" if references else "Alert")
    _add(alert, "scope", scope)
    if scope == "Restricted":
        _add(alert, "restriction", restriction)
    if references:
        _add(alert, "references", " ".join(references))

    info = SubElement(alert, _ns("info"))
    _add(info, "language", "nl-NL")
    _add(info, "category", _category(entry))
    _add(info, "event", str(entry.get("event") or "Melding"))
    _add(info, "urgency", _choice(entry.get("urgency"), URGENCIES))
    _add(info, "severity", _choice(entry.get("severity"), SEVERITIES))
    _add(info, "certainty", _certainty(entry))
    occurred_at = entry.get("occurred_at")
    if isinstance(occurred_at, datetime):
        _add(info, "onset", cap_time(occurred_at))
    if sender_name:
        _add(info, "senderName", sender_name)
    _add(info, "headline", _headline(entry, text))
    _add(info, "description", text)
    for value_name, value in (
        (PARAM_SOURCE, entry.get("source")),
        (PARAM_RELIABILITY, _reliability(entry).value),
        (PARAM_GRADE, entry.get("grade")),
        (PARAM_DISCIPLINE, entry.get("discipline")),
        (PARAM_ENTRY, entry.get("entry_id")),
    ):
        if value:
            parameter = SubElement(info, _ns("parameter"))
            _add(parameter, "valueName", value_name)
            _add(parameter, "value", str(value))
    _area(info, entry)
    return tostring(alert, encoding="UTF-8", xml_declaration=True, default_namespace=CAP12_NS)


def _ns(local: str) -> str:
    return f"{{{CAP12_NS}}}{local}"


def _add(parent: Element, local: str, value: str) -> Element:
    child = SubElement(parent, _ns(local))
    child.text = _clean(value)
    return child


def _area(info: Element, entry: Mapping[str, object]) -> None:
    location = str(entry.get("location") or "").strip()
    lat, lon = entry.get("lat"), entry.get("lon")
    has_point = (
        isinstance(lat, int | float)
        and isinstance(lon, int | float)
        and -90.0 <= lat <= 90.0
        and -180.0 <= lon <= 180.0
    )
    if not location and not has_point:
        return
    area = SubElement(info, _ns("area"))
    _add(area, "areaDesc", location or "Locatie volgens coördinaten")
    if has_point:
        _add(area, "circle", f"{float(lat):.6f},{float(lon):.6f} 0")


def _clean(value: str) -> str:
    return _NOT_XML.sub("", value)


def _choice(value: object, allowed: frozenset[str]) -> str:
    return value if isinstance(value, str) and value in allowed else "Unknown"


def _reliability(entry: Mapping[str, object]) -> Reliability:
    value = entry.get("reliability")
    try:
        return Reliability(value) if value else Reliability.HEARSAY
    except ValueError:
        return Reliability.HEARSAY


def _certainty(entry: Mapping[str, object]) -> str:
    reliability = _reliability(entry)
    original = entry.get("certainty")
    if original == "Very Likely":
        original = "Likely"
    if (
        isinstance(original, str)
        and original in _CAP12_CERTAINTIES
        and reliability_from_cap_certainty(original) is reliability
    ):
        return original
    return _CERTAINTY_FOR[reliability]


def _category(entry: Mapping[str, object]) -> str:
    category = entry.get("category")
    if isinstance(category, str) and category in CATEGORIES:
        return category
    discipline = str(entry.get("discipline") or "").strip().lower()
    return _DISCIPLINE_CATEGORY.get(discipline, "Other")


def _headline(entry: Mapping[str, object], text: str) -> str:
    headline = _clean(str(entry.get("headline") or "")).strip()
    if not headline:
        headline = text.splitlines()[0].strip()
    if len(headline) > HEADLINE_CHARS:
        headline = headline[: HEADLINE_CHARS - 1].rstrip() + "…"
    return headline
