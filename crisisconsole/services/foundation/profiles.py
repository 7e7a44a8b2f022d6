"""Local profiles: who exists, their current role, display name and function (derived from
the profile row and its later changes), and adding one.

Only an aide adds profiles or changes them (audited refusal otherwise); the first profile of a
new database acts for itself. Aide and mayor profiles must have a secret: ``add_profile`` takes
it and, when the adding aide holds the cards key, grants it to the new profile at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.clock import format_utc
from crisisconsole.domain.card_access import may_see_cards
from crisisconsole.domain.profile_rules import (
    ProfileChange,
    ProfileState,
    check_secret,
    clean_text,
    fold,
    needs_secret,
)
from crisisconsole.domain.roles import ProfileRole, parse_role
from crisisconsole.errors import AccessDeniedError, NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation import cards_key as cards_keys
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.context import Actor, ServiceContext
from crisisconsole.services.foundation.profile_secrets import (
    current_secret,
    profiles_with_secret,
    write_secret,
)
from crisisconsole.store import tables
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.engine import Store, WriteTx
from crisisconsole.store.tables.profiles import profile_change


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    role: str
    created_at: datetime
    display_name: str | None = None
    function: str | None = None
    has_secret: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role,
                "created_at": format_utc(self.created_at), "display_name": self.display_name,
                "function": self.function, "has_secret": self.has_secret}

    def as_actor(self) -> Actor:
        return Actor(self.id, self.name, ProfileRole(self.role))

    @property
    def label(self) -> str:
        """What the UI shows: the display name (and function) when given, else the name."""
        if self.display_name:
            return self.display_name + (f", {self.function}" if self.function else "")
        return self.name


def list_profiles(store: Store) -> list[Profile]:
    with store.read() as conn:
        return list_profiles_in(conn)


def list_profiles_in(conn: Connection) -> list[Profile]:
    """The profiles as ``conn`` sees them (inside a write: with its own changes)."""
    rows = conn.execute(select(tables.profile).order_by(tables.profile.c.created_at)).all()
    changes: dict[str, list[ProfileChange]] = {}
    for c in conn.execute(select(profile_change).order_by(profile_change.c.recorded_at,
                                                          profile_change.c.id)):
        changes.setdefault(c.profile_id, []).append(
            ProfileChange(c.kind, c.role, c.display_name, c.function))
    with_secret = profiles_with_secret(conn)
    result = []
    for row in rows:
        state = fold(ProfileState(row.id, row.name, ProfileRole(row.role)),
                     changes.get(row.id, ()))
        result.append(Profile(row.id, row.name, state.role.value, row.created_at,
                              state.display_name, state.function, row.id in with_secret))
    return result


def shown_names(conn: Connection) -> dict[str, str]:
    """Who did something, as a reader should see it: each profile's id and name mapped to its
    display name (the name itself when none is given), never the raw id or login name."""
    shown: dict[str, str] = {}
    for p in list_profiles_in(conn):
        shown[p.id] = shown[p.name] = p.display_name or p.name
    return shown


def _valid_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(tr("profielnaam is leeg", "profile name is empty"))
    if len(name) > 100:
        raise ValidationError(tr("profielnaam te lang (max. 100)", "profile name too long"))
    return name


def _valid_role(role: str) -> ProfileRole:
    try:
        return parse_role(role)
    except ValueError as error:
        raise ValidationError(str(error)) from None


def secret_required_message(role: str) -> str:
    return tr(f"een profiel met de rol {role} moet een geheim hebben (wachtzin of pincode)",
              f"a profile with the role {role} must have a secret (passphrase or PIN)")


def add_profile(store: Store, name: str, role: str, actor: Actor | None, *,
                secret: str | None = None, display_name: str | None = None,
                function: str | None = None, cards_key: CardsKey | None = None) -> Profile:
    """Add a profile (aide only; the first profile of a new database acts for itself)."""
    name = _valid_name(name)
    parsed = _valid_role(role)
    display = clean_text(display_name, tr("weergavenaam", "display name"))
    job = clean_text(function, tr("functie", "function"))
    if actor is not None:
        require_aide(ServiceContext(store, actor), "profile.add", "profile")
    existing = list_profiles(store)
    if actor is None and existing:
        raise ValidationError(tr("alleen het eerste profiel van een nieuwe database voegt zichzelf "
                                 "toe", "only a new database's first profile adds itself"))
    if any(p.name.lower() == name.lower() for p in existing):
        raise ValidationError(tr(f'profiel {name!r} bestaat al', f"profile {name!r} already exists"))
    if secret is not None:
        check_secret(secret)
    elif needs_secret(parsed):
        raise ValidationError(secret_required_message(parsed.value))
    profile_id = new_id()
    actor_id = actor.id if actor else profile_id
    with store.write(actor_id) as tx:
        tx.insert(tables.profile, {"id": profile_id, "name": name, "role": parsed.value,
                                   "created_at": tx.now, "actor": actor_id}, "profile.add")
        if display or job:
            _insert_change(tx, profile_id, "display", display_name=display, function=job)
        if secret is not None:
            stored, _ = write_secret(tx, profile_id, secret, "first")
            if cards_key is not None and may_see_cards(parsed):
                cards_keys.insert_sealed(tx, cards_key, profile_id, stored.record.public_key,
                                         "cards_key.grant")
    return Profile(profile_id, name, parsed.value, tx.now, display, job, secret is not None)


def _insert_change(tx: WriteTx, profile_id: str, kind: str, **values: str | None) -> None:
    tx.insert(profile_change, {"id": new_id(), "profile_id": profile_id, "kind": kind,
                               "recorded_at": tx.now, "actor": tx.actor, **values},
              f"profile.{kind}")


def find_profile(store: Store, name: str | None) -> Profile:
    """The named profile, or (no name) the first aide."""
    profiles = list_profiles(store)
    if not profiles:
        raise NotFoundError(tr("geen profielen in deze database", "no profiles in this database"))
    if name:
        for profile in profiles:
            if profile.name.lower() == name.lower():
                return profile
        raise NotFoundError(tr(f'profiel {name!r} niet gevonden', f"profile {name!r} not found"))
    for profile in profiles:
        if profile.role == ProfileRole.AIDE:
            return profile
    return profiles[0]


@dataclass(frozen=True)
class RoleChanged:
    profile: Profile
    cards_recovery_code: str | None = None  # set when the change made a new cards key


def change_role(ctx: ServiceContext, name: str, role: str) -> RoleChanged:
    """A new role for a profile (aide only). A profile that becomes aide or mayor must already
    have a secret; the acting aide grants it the cards key then. A profile that loses the
    right to see cards also loses the key: the cards key is rotated (cards_rotation), which
    needs the acting aide to hold it, and its new recovery code is returned (shown once)."""
    require_aide(ctx, "profile.role", "profile")
    target = find_profile(ctx.store, name)
    parsed = _valid_role(role)
    if needs_secret(parsed) and not target.has_secret:
        raise ValidationError(secret_required_message(parsed.value))
    if parsed.value == target.role:
        return RoleChanged(target)
    if target.role == ProfileRole.AIDE and not any(
            p.role == ProfileRole.AIDE for p in list_profiles(ctx.store) if p.id != target.id):
        raise ValidationError(tr("de laatste aide kan geen andere rol krijgen",
                                 "the last aide cannot get another role"))
    revoke = may_see_cards(target.role) and not may_see_cards(parsed)
    made = None
    with ctx.store.write(ctx.actor.id) as tx:
        rekey = revoke and cards_keys.current_key_id(tx.conn) is not None
        if rekey and ctx.cards_key is None:
            raise AccessDeniedError(tr(*cards_keys.NO_KEY))
        _insert_change(tx, target.id, "role", role=parsed.value)
        stored = current_secret(tx.conn, target.id)
        if ctx.cards_key is not None and stored is not None and may_see_cards(parsed):
            cards_keys.insert_sealed(tx, ctx.cards_key, target.id, stored.record.public_key,
                                     "cards_key.grant")
        if rekey:
            from crisisconsole.services.foundation.cards_key_rotation import rotate

            made = rotate(tx, ctx.cards_key, {p.id: p.role for p in list_profiles_in(tx.conn)})
    if made is not None:
        ctx.cards_key = made.key
    return RoleChanged(find_profile(ctx.store, target.name),
                       made.recovery_code if made else None)


def set_display(ctx: ServiceContext, name: str, display_name: str | None,
                function: str | None) -> Profile:
    """Display name and function as the UI shows them (a profile sets its own; an aide any)."""
    target = find_profile(ctx.store, name)
    if target.id != ctx.actor.id:
        require_aide(ctx, "profile.display", "profile", target.id)
    display = clean_text(display_name, tr("weergavenaam", "display name"))
    job = clean_text(function, tr("functie", "function"))
    with ctx.store.write(ctx.actor.id) as tx:
        _insert_change(tx, target.id, "display", display_name=display, function=job)
    return find_profile(ctx.store, target.name)
