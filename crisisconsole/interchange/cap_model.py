"""CAP 1.1/1.2 alerts as plain values (DOMAIN.md §5).

Only the parts the console uses are kept; everything else in a CAP file (resources,
signatures) is ignored on purpose, so the model stays small and the parser stays fast. An
info block's parameters are kept (our own export carries source, grade, discipline and entry
id in them), and so are the alert's violations of the OASIS schema, for the import report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

CAP11_NS = "urn:oasis:names:tc:emergency:cap:1.1"
CAP12_NS = "urn:oasis:names:tc:emergency:cap:1.2"
CAP10_NS = "http://www.incident.com/cap/1.0"
EDXLDE_NS = "urn:oasis:names:tc:emergency:EDXL:DE:1.0"
CAP_VERSIONS = {CAP11_NS: "1.1", CAP12_NS: "1.2"}

# The parameters (valueName) our export writes and our import reads back: a partner's system
# shows them as they are, another crisisconsole takes them over (source, grade, discipline).
PARAM_SOURCE = "bron"
PARAM_RELIABILITY = "betrouwbaarheid"
PARAM_GRADE = "beoordeling"
PARAM_DISCIPLINE = "discipline"
PARAM_ENTRY = "crisisconsole-melding"

MSG_TYPES = frozenset({"Alert", "Update", "Cancel", "Ack", "Error"})
STATUSES = frozenset({"Actual", "Exercise", "System", "Test", "Draft"})
SCOPES = frozenset({"Public", "Restricted", "Private"})
CATEGORIES = frozenset(
    {"Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport",
     "Infra", "CBRNE", "Other"}
)
URGENCIES = frozenset({"Immediate", "Expected", "Future", "Past", "Unknown"})
SEVERITIES = frozenset({"Extreme", "Severe", "Moderate", "Minor", "Unknown"})
# "Very Likely" is the CAP 1.0/1.1 spelling that 1.2 folded into "Likely".
CERTAINTIES = frozenset({"Observed", "Likely", "Possible", "Unlikely", "Unknown", "Very Likely"})


def cap_time_key(value: datetime) -> str:
    """One text form of a CAP time, so "-00:00", "+00:00" and "Z" spellings compare equal:
    ``%Y-%m-%dT%H:%M:%S+00:00`` in UTC, always a four-digit year (formatted directly: an
    import makes this key for every alert)."""
    v = value.astimezone(UTC)
    return (f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:"
            f"{v.second:02d}+00:00")


@dataclass(frozen=True)
class CapReference:
    """One "sender,identifier,sent" triple from <references>."""

    sender: str
    identifier: str
    sent_text: str

    @property
    def key(self) -> str:
        """Same form as ``alert_key`` of the referenced alert (sent time normalised to UTC)."""
        try:
            sent = datetime.fromisoformat(self.sent_text.replace("Z", "+00:00"))
        except ValueError:
            return f"{self.sender},{self.identifier},{self.sent_text}"
        if sent.tzinfo is None:
            return f"{self.sender},{self.identifier},{self.sent_text}"
        return f"{self.sender},{self.identifier},{cap_time_key(sent)}"


@dataclass(frozen=True)
class CapCircle:
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True)
class CapArea:
    area_desc: str
    polygons: tuple[tuple[tuple[float, float], ...], ...] = ()
    circles: tuple[CapCircle, ...] = ()
    geocodes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CapInfo:
    language: str = "en-US"
    categories: tuple[str, ...] = ()
    event: str | None = None
    urgency: str | None = None
    severity: str | None = None
    certainty: str | None = None
    headline: str | None = None
    description: str | None = None
    instruction: str | None = None
    effective: datetime | None = None
    onset: datetime | None = None
    expires: datetime | None = None
    sender_name: str | None = None
    areas: tuple[CapArea, ...] = ()
    parameters: tuple[tuple[str, str], ...] = ()

    def parameter(self, name: str) -> str | None:
        """The first value of the parameter ``name`` (valueName), stripped, or None."""
        for value_name, value in self.parameters:
            if value_name == name and value.strip():
                return value.strip()
        return None


@dataclass(frozen=True)
class CapAlert:
    identifier: str
    sender: str
    sent: datetime
    sent_text: str
    status: str
    msg_type: str
    scope: str
    references: tuple[CapReference, ...] = ()
    incidents: tuple[str, ...] = ()
    infos: tuple[CapInfo, ...] = ()
    namespace: str = CAP12_NS
    violations: tuple[str, ...] = ()  # of the OASIS schema and CAP's rules (cap_schema)

    @property
    def version(self) -> str:
        return CAP_VERSIONS[self.namespace]

    @property
    def is_exercise(self) -> bool:
        """Exercise, Test, System and Draft messages must never look like real events."""
        return self.status != "Actual"
