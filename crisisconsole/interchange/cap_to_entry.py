"""Turn each CAP ``info`` block into a draft log entry (issue 7, DOMAIN.md §1 and §5).

Drafts are plain values; the import service decides what to store. Each draft carries the key
of its alert and its info index, so importing the same alert twice can be recognised, and the
reference keys of an Update/Cancel, so the entries it corrects or withdraws can be found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisconsole.domain.log_rules import MAX_TEXT
from crisisconsole.domain.reliability import Reliability, reliability_from_cap_certainty
from crisisconsole.interchange.cap_model import (
    PARAM_DISCIPLINE,
    PARAM_ENTRY,
    PARAM_GRADE,
    PARAM_SOURCE,
    CapAlert,
    CapInfo,
    cap_time_key,
)

MAX_TEXT_CHARS = MAX_TEXT  # the log's own limit


@dataclass(frozen=True)
class CapEntryDraft:
    source: str
    channel: str
    occurred_at: datetime
    reliability: Reliability
    certainty: str | None
    location: str | None
    lat: float | None
    lon: float | None
    text: str
    severity: str | None
    urgency: str | None
    event: str | None
    categories: tuple[str, ...]
    language: str
    alert_key: str
    info_index: int
    msg_type: str
    status: str
    references: tuple[str, ...]
    expires: datetime | None = None
    grade: str | None = None
    discipline: str | None = None
    partner_entry: str | None = None  # the sending crisisconsole's entry id

    @property
    def external_key(self) -> str:
        """Unique per info block of one alert: the idempotency key for re-imports."""
        return f"{self.alert_key}#{self.info_index}"

    @property
    def is_exercise(self) -> bool:
        return self.status != "Actual"


def alert_key(alert: CapAlert) -> str:
    """"sender,identifier,sent" as in CAP <references>, with sent normalised to UTC.

    Normalising the time means a reference written as "-00:00" still finds an alert that said
    "+00:00" or "Z"; ``CapReference.key`` uses the same form.
    """
    return f"{alert.sender},{alert.identifier},{cap_time_key(alert.sent)}"


def alert_to_drafts(alert: CapAlert) -> list[CapEntryDraft]:
    """One draft per info block; an alert without info blocks gives none."""
    key = alert_key(alert)
    references = tuple(reference.key for reference in alert.references)
    return [
        _draft(alert, info, index, key, references) for index, info in enumerate(alert.infos)
    ]


def _draft(
    alert: CapAlert, info: CapInfo, index: int, key: str, references: tuple[str, ...]
) -> CapEntryDraft:
    lat, lon = _centre(info)
    descriptions = [area.area_desc for area in info.areas if area.area_desc]
    parameters = _parameters(info)
    return CapEntryDraft(
        # Our own export names the log's source in a parameter; the municipality that sent
        # it is the channel, not the source.
        source=parameters.get(PARAM_SOURCE) or info.sender_name or alert.sender,
        channel=f"CAP {alert.sender}",
        occurred_at=info.onset or info.effective or alert.sent,
        reliability=reliability_from_cap_certainty(info.certainty),
        certainty=info.certainty,
        location="; ".join(descriptions) or None,
        lat=lat,
        lon=lon,
        text=_text(alert, info),
        severity=info.severity,
        urgency=info.urgency,
        event=info.event,
        categories=info.categories,
        language=info.language,
        alert_key=key,
        info_index=index,
        msg_type=alert.msg_type,
        status=alert.status,
        references=references,
        expires=info.expires,
        grade=parameters.get(PARAM_GRADE),
        discipline=parameters.get(PARAM_DISCIPLINE),
        partner_entry=parameters.get(PARAM_ENTRY),
    )


def _parameters(info: CapInfo) -> dict[str, str]:
    """``info.parameter(name)`` for every name at once: the first non-empty value, stripped."""
    found: dict[str, str] = {}
    for name, value in info.parameters:
        if name not in found and (value := value.strip()):
            found[name] = value
    return found


def _text(alert: CapAlert, info: CapInfo) -> str:
    headline = (info.headline or "").strip()
    description = (info.description or "").strip()
    if headline and _said_already(headline, description):
        headline = ""  # the headline is the description's beginning: say it once
    parts = [part.strip() for part in (headline, description, info.instruction) if part]
    text = "\n\n".join(part for part in parts if part)
    if "<br" in text:
        # Some senders put HTML line breaks (escaped) into the description.
        text = text.replace("<br />", "\n").replace("<br/>", "\n").replace("<br>", "\n")
    text = text.strip() or info.event or f"CAP-bericht ({alert.msg_type})"
    return text[:MAX_TEXT_CHARS]


def _said_already(headline: str, description: str) -> bool:
    """True when the description starts with the headline (a cut one ends in "…")."""
    head = " ".join(headline.split()).rstrip("…").rstrip()
    return bool(head) and " ".join(description.split()).startswith(head)


def _centre(info: CapInfo) -> tuple[float | None, float | None]:
    """Centroid of the first polygon's points, else the first circle's centre."""
    for area in info.areas:
        if area.polygons:
            points = area.polygons[0]
            if len(points) > 1 and points[0] == points[-1]:
                points = points[:-1]  # CAP polygons repeat the first point to close the ring
            lats, lons = zip(*points, strict=True)
            return sum(lats) / len(points), sum(lons) / len(points)
    for area in info.areas:
        if area.circles:
            circle = area.circles[0]
            return circle.lat, circle.lon
    return None, None
