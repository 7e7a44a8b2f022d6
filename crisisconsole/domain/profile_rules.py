"""Rules for profiles and their secrets (pure): who must have a secret, what counts as one,
how long to wait after wrong attempts, and a profile's current state from its facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

# Roles that see person cards hold the cards key, so they must prove who they are.
SECRET_REQUIRED = frozenset({ProfileRole.AIDE, ProfileRole.MAYOR})
MIN_PASSPHRASE = 8
MIN_PIN = 6
MAX_SECRET = 1024
FREE_ATTEMPTS = 5  # wrong secrets in a row before each further attempt waits
MAX_DELAY_SECONDS = 60.0
MAX_TEXT = 200


def needs_secret(role: ProfileRole | str) -> bool:
    return ProfileRole(role) in SECRET_REQUIRED


def check_secret(secret: str | None) -> str:
    """A passphrase of at least 8 characters, or a PIN of at least 6 digits."""
    value = secret or ""
    if not value.strip():
        raise ValidationError(tr("het profielgeheim is leeg", "the profile secret is empty"))
    if len(value) > MAX_SECRET:
        raise ValidationError(tr("het profielgeheim is te lang", "the profile secret is too long"))
    if value.isdigit():
        if len(value) < MIN_PIN:
            raise ValidationError(tr(f"een pincode heeft minstens {MIN_PIN} cijfers",
                                     f"a PIN has at least {MIN_PIN} digits"))
    elif len(value) < MIN_PASSPHRASE:
        raise ValidationError(tr(
            f"een wachtzin heeft minstens {MIN_PASSPHRASE} tekens (of kies een pincode van "
            f"{MIN_PIN} of meer cijfers)",
            f"a passphrase has at least {MIN_PASSPHRASE} characters (or use a PIN of "
            f"{MIN_PIN} or more digits)"))
    return value


def unlock_delay(consecutive_refusals: int) -> float:
    """Seconds to wait before checking the next attempt: none for the first five wrong
    secrets in a row, then 1, 2, 4, … seconds, at most a minute."""
    extra = consecutive_refusals - FREE_ATTEMPTS
    if extra < 0:
        return 0.0
    return min(MAX_DELAY_SECONDS, float(2 ** min(extra, 16)))


def consecutive_refusals(results_newest_first: Iterable[str]) -> int:
    """Refused attempts since the last accepted one."""
    count = 0
    for result in results_newest_first:
        if result != "refused":
            break
        count += 1
    return count


def clean_text(value: str | None, what: str) -> str | None:
    text = (value or "").strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(tr(f"{what} te lang (max. {MAX_TEXT})",
                                 f"{what} too long (max. {MAX_TEXT})"))
    return text or None


@dataclass(frozen=True)
class ProfileState:
    """A profile as its facts say it is now."""

    id: str
    name: str
    role: ProfileRole
    display_name: str | None = None
    function: str | None = None


@dataclass(frozen=True)
class ProfileChange:
    kind: str  # 'role' or 'display'
    role: str | None = None
    display_name: str | None = None
    function: str | None = None


def fold(state: ProfileState, changes: Iterable[ProfileChange]) -> ProfileState:
    """Apply changes in the order they were recorded."""
    for change in changes:
        if change.kind == "role" and change.role:
            state = replace(state, role=ProfileRole(change.role))
        elif change.kind == "display":
            state = replace(state, display_name=change.display_name, function=change.function)
    return state
