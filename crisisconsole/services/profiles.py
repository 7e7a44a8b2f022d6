"""Local profiles: name and role, chosen at unlock."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select

from crisisconsole.clock import format_utc
from crisisconsole.domain.roles import ProfileRole, parse_role
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.ids import new_id
from crisisconsole.services.context import Actor
from crisisconsole.store import tables
from crisisconsole.store.engine import Store


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    role: str
    created_at: datetime

    def as_json(self) -> dict:
        data = asdict(self)
        data["created_at"] = format_utc(self.created_at)
        return data

    def as_actor(self) -> Actor:
        return Actor(self.id, self.name, ProfileRole(self.role))


def _row_to_profile(row) -> Profile:  # noqa: ANN001
    return Profile(row.id, row.name, row.role, row.created_at)


def list_profiles(store: Store) -> list[Profile]:
    with store.read() as conn:
        rows = conn.execute(select(tables.profile).order_by(tables.profile.c.created_at))
        return [_row_to_profile(r) for r in rows]


def add_profile(store: Store, name: str, role: str, actor: Actor | None) -> Profile:
    """Add a profile; the first profile of a new database acts for itself."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("profielnaam is leeg / profile name is empty")
    if len(name) > 100:
        raise ValidationError("profielnaam te lang (max. 100) / profile name too long")
    try:
        parsed = parse_role(role)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    if any(p.name.lower() == name.lower() for p in list_profiles(store)):
        raise ValidationError(f"profiel {name!r} bestaat al / profile already exists")
    profile_id = new_id()
    actor_id = actor.id if actor else profile_id
    with store.write(actor_id) as tx:
        row = {"id": profile_id, "name": name, "role": parsed.value, "created_at": tx.now,
               "actor": actor_id}
        tx.insert(tables.profile, row, "profile.add")
    return Profile(profile_id, name, parsed.value, tx.now)


def find_profile(store: Store, name: str | None) -> Profile:
    """The named profile, or (no name) the first aide."""
    profiles = list_profiles(store)
    if not profiles:
        raise NotFoundError("geen profielen in deze database / no profiles in this database")
    if name:
        for profile in profiles:
            if profile.name.lower() == name.lower():
                return profile
        raise NotFoundError(f"profiel {name!r} niet gevonden / profile not found")
    for profile in profiles:
        if profile.role == ProfileRole.AIDE:
            return profile
    return profiles[0]
