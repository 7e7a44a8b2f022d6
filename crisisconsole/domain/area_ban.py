"""Gebiedsverbod / groepsverbod (Gemeentewet art. 172a): how long one decision may last.

The text of 2012 (Wet maatregelen bestrijding voetbalvandalisme en ernstige overlast): a
decision lasts at most three months and may be extended at most three times, each time by at
most three months. Later amendments are UNCONFIRMED here, so the three numbers are settings
of the municipality (services.settings_facts, aide only) with the 2012 values as defaults.
An extension is a new decision that names the one it extends; the chain's length counts the
extensions. Months are calendar months (12 March + 3 months = 12 June). Pure: no I/O.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.clock import AMSTERDAM, as_utc
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.i18n import tr


@dataclass(frozen=True)
class AreaBanLimits:
    max_months: int = 3  # one decision
    max_extensions: int = 3
    extension_months: int = 3  # each extension


def add_months(moment: datetime, months: int) -> datetime:
    """The same wall-clock time ``months`` calendar months later (Amsterdam), clamped to the
    month's last day (31 January + 1 month = 28/29 February)."""
    local = as_utc(moment).astimezone(AMSTERDAM)
    month_index = local.month - 1 + months
    year, month = local.year + month_index // 12, month_index % 12 + 1
    day = min(local.day, monthrange(year, month)[1])
    return as_utc(local.replace(year=year, month=month, day=day))


def check_area_ban(issued_at: datetime, planned_end: datetime | None, extensions: int,
                   limits: AreaBanLimits) -> None:
    """Refuse a decision that is too long, or an extension past the number allowed.

    ``extensions``: how many decisions this one extends (0 for a first decision)."""
    if planned_end is None:
        raise RuleViolation(tr(
            "een gebiedsverbod (art. 172a) noemt zijn einde: geef --planned-end",
            "an area ban (art. 172a) states its end: give --planned-end"))
    if extensions > limits.max_extensions:
        raise RuleViolation(tr(
            f"een gebiedsverbod mag ten hoogste {limits.max_extensions} keer worden verlengd "
            f"(art. 172a); dit zou verlenging {extensions} zijn",
            f"an area ban may be extended at most {limits.max_extensions} times (art. 172a); "
            f"this would be extension {extensions}"))
    months = limits.extension_months if extensions else limits.max_months
    if planned_end > add_months(issued_at, months):
        what = tr("een verlenging", "an extension") if extensions else tr(
            "een besluit", "a decision")
        raise RuleViolation(tr(
            f"{what} tot een gebiedsverbod duurt ten hoogste {months} maanden (art. 172a)",
            f"{what} of an area ban lasts at most {months} months (art. 172a)"))
