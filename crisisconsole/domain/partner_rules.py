"""The partner and escalation directory's rules: what a partner must have, how long its fields
may be, and phone numbers kept as typed and also normalised to E.164 for dialling links.

The directory holds names and numbers of officials, not persons of interest: no need-to-know
masking, but every change is an audited fact (services/network/partners.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import phonenumbers

from crisisconsole.domain.log_rules import DISCIPLINES
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

DEFAULT_REGION = "NL"  # a number typed without +31 is Dutch
KINDS = ("organisation", "person")
LIMITS = {"name": 200, "function": 200, "organisation": 200, "contributes": 600,
          "phone": 40, "escalation_phone": 40, "email": 254, "discipline": 40}
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
DISCIPLINE_IDS = tuple(d.id for d in DISCIPLINES) + ("overig",)


class PartnerRefused(ValidationError):
    """A partner the directory cannot take (exit 2, one line, nothing saved)."""


@dataclass(frozen=True)
class PartnerFields:
    """A partner as given (a form, a CLI call, one line of a CSV or one vCard)."""

    name: str
    kind: str = "organisation"
    function: str | None = None
    organisation: str | None = None
    contributes: str | None = None
    phone: str | None = None
    escalation_phone: str | None = None
    email: str | None = None
    discipline: str | None = None

    def content(self) -> tuple[str | None, ...]:
        """What a version records (to tell whether an import changes anything)."""
        return (self.name, self.function, self.organisation, self.contributes, self.phone,
                self.escalation_phone, self.email, self.discipline)


def _clean(value: str | None, field: str) -> str | None:
    cleaned = " ".join((value or "").split()) or None
    if cleaned is not None and len(cleaned) > LIMITS[field]:
        raise PartnerRefused(tr(f"{field} is te lang (max. {LIMITS[field]} tekens)",
                                f"{field} is too long (max. {LIMITS[field]} characters)"))
    return cleaned


def e164(number: str | None) -> str | None:
    """The number in E.164 (+31…), or None when it cannot be read as a possible number (it
    is then kept only as typed: an internal extension, a pager code)."""
    if not number:
        return None
    try:
        parsed = phonenumbers.parse(number, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _phone(value: str | None, field: str) -> str | None:
    cleaned = _clean(value, field)
    if cleaned is not None and not re.search(r"\d", cleaned):
        raise PartnerRefused(tr(f"{field}: geen cijfers in {cleaned!r}",
                                f"{field}: no digits in {cleaned!r}"))
    return cleaned


def check_partner(fields: PartnerFields) -> PartnerFields:
    """The cleaned partner, or one refusal naming the first broken rule."""
    name = _clean(fields.name, "name")
    if name is None:
        raise PartnerRefused(tr("de naam van de partner ontbreekt", "the partner's name is missing"))
    kind = (fields.kind or "organisation").strip().lower()
    if kind not in KINDS:
        raise PartnerRefused(tr(f"onbekende soort partner: {fields.kind!r}",
                                f"unknown kind of partner: {fields.kind!r}"))
    email = _clean(fields.email, "email")
    if email is not None and not _EMAIL.match(email):
        raise PartnerRefused(tr(f"geen geldig e-mailadres: {email!r}",
                                f"not a valid e-mail address: {email!r}"))
    discipline = _clean(fields.discipline, "discipline")
    if discipline is not None:
        discipline = discipline.lower()
        if discipline not in DISCIPLINE_IDS:
            raise PartnerRefused(tr(
                f"onbekende discipline {discipline!r} (kies {', '.join(DISCIPLINE_IDS)})",
                f"unknown discipline {discipline!r} (choose {', '.join(DISCIPLINE_IDS)})"))
    return replace(fields, name=name, kind=kind, function=_clean(fields.function, "function"),
                   organisation=_clean(fields.organisation, "organisation"),
                   contributes=_clean(fields.contributes, "contributes"),
                   phone=_phone(fields.phone, "phone"),
                   escalation_phone=_phone(fields.escalation_phone, "escalation_phone"),
                   email=email, discipline=discipline)


def source_for(discipline: str | None) -> str:
    """The log's source organisation for an answer from a partner of this discipline."""
    return {"politie": "politie", "brandweer": "brandweer", "ghor": "ghor", "om": "om",
            "gemeente": "gemeente"}.get(discipline or "", "other")
