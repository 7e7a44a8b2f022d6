"""The demo: a fresh encrypted database with a realistic, fictitious scenario (unrest after a
football match escalating to GRIP 3): the foundation (profiles, crises), then each part of
``SCENARIO_PARTS`` in its order."""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisconsole.clock import Clock, SystemClock
from crisisconsole.demo import (
    scenario_cards,
    scenario_intake,
    scenario_log,
    scenario_map,
    scenario_measures,
    scenario_network,
    scenario_picture,
)
from crisisconsole.demo.world import DemoWorld
from crisisconsole.errors import StoreError
from crisisconsole.resources_access import resource_json
from crisisconsole.services.foundation import crises, profiles
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.store.keys import DatabaseKey
from crisisconsole.store.opening import create_database
from crisisconsole.store.secrets import KeyringSecretStore, MemorySecretStore

# The scenario's parts, in the order they run after the foundation (later parts build on the
# log and the crisis the earlier ones made).
SCENARIO_PARTS: tuple[Callable[[DemoWorld], None], ...] = (
    scenario_log.fill, scenario_intake.fill, scenario_cards.fill, scenario_measures.fill,
    scenario_network.fill, scenario_picture.fill, scenario_map.fill,
)


@dataclass(frozen=True)
class DemoInfo:
    path: Path
    key: DatabaseKey
    crisis_id: str
    profile: str
    profile_secrets: dict[str, tuple[str, str]]  # name -> (role, secret)
    cards_recovery_code: str | None = None
    passphrase: str | None = None  # made for the demo when there is no keyring

    @property
    def profile_secret(self) -> str:
        return self.profile_secrets[self.profile][1]

    def as_json(self) -> dict[str, Any]:
        return {"db": str(self.path), "crisis_id": self.crisis_id, "profile": self.profile,
                "profile_secret": self.profile_secret,
                "profiles": {name: {"role": role, "secret": secret}
                             for name, (role, secret) in self.profile_secrets.items()},
                "cards_recovery_code": self.cards_recovery_code,
                "passphrase": self.passphrase, "key_file": None}


def build_demo_database(path: Path | None = None, *, passphrase: str | None = None,
                        clock: Clock | None = None) -> DemoInfo:
    """Create and fill a demo database (marked as such in db_meta). Without a path: a fresh
    temporary folder. No key file is written: without a usable keyring the demo makes its own
    passphrase and reports it (``passphrase`` in the JSON)."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="crisisconsole-demo-")) / "demo.db"
    keyring = KeyringSecretStore()
    made_passphrase = None
    if passphrase is None and not keyring.usable():
        passphrase = made_passphrase = secrets.token_urlsafe(18)
    try:
        store = create_database(path, keyring, passphrase=passphrase,
                                clock=clock or SystemClock(), purpose="demo")
    except StoreError:
        if passphrase is not None:
            raise
        # A keyring that looks usable but refuses (locked, no session bus).
        passphrase = made_passphrase = secrets.token_urlsafe(18)
        store = create_database(path, MemorySecretStore(), passphrase=passphrase,
                                clock=clock or SystemClock(), purpose="demo")
    try:
        world = fill_foundation(store)
        for part in SCENARIO_PARTS:
            part(world)
    finally:
        store.close()
    return DemoInfo(path, store.key, world.crisis_id, "aide", world.extra["profile_secrets"],
                    world.extra.get("cards_recovery_code"), made_passphrase)


def demo_secret() -> str:
    return secrets.token_urlsafe(12)


def fill_foundation(store) -> DemoWorld:  # noqa: ANN001 - Store
    """The demo's profiles (each with its own secret; the aide first, granting the cards key
    to the mayor) and its crises."""
    data = resource_json("demo", "foundation.json")
    aide_ctx: ServiceContext | None = None
    made: dict[str, tuple[str, str]] = {}
    code = None
    for item in data["profiles"]:
        secret = demo_secret()
        made[item["name"]] = (item["role"], secret)
        profiles.add_profile(store, item["name"], item["role"],
                             aide_ctx.actor if aide_ctx else None, secret=secret,
                             display_name=item.get("display_name"),
                             function=item.get("function"),
                             cards_key=aide_ctx.cards_key if aide_ctx else None)
        if aide_ctx is None:
            signed = sign_in(store, item["name"], secret)
            aide_ctx, code = signed.ctx, signed.cards_recovery_code
    ctx = aide_ctx
    mayor = next(name for name, (role, _) in made.items() if role == "mayor")
    mayor_ctx = sign_in(store, mayor, made[mayor][1]).ctx
    now = store.clock.now()
    start = now - timedelta(hours=data["scenario_hours"])
    spec = data["crisis"]
    crisis = crises.open_crisis(ctx, spec["name"], data["municipality"], grip="0",
                                opened_at=start + timedelta(minutes=spec["opened_minutes"]))
    for step in spec["grip"]:
        crises.set_grip(mayor_ctx, crisis.id, step["level"], note=step["note"],
                        at=start + timedelta(minutes=step["minutes"]))
    ex_spec = data["exercise_crisis"]
    exercise = crises.open_crisis(ctx, ex_spec["name"], data["municipality"], exercise=True,
                                  opened_at=now - timedelta(hours=2))
    for step in ex_spec["grip"]:
        crises.set_grip(ctx, exercise.id, step["level"], note=step["note"],
                        at=now - timedelta(hours=2) + timedelta(minutes=step["minutes"]))
    return DemoWorld(ctx, mayor_ctx, crisis.id, exercise.id, start, now,
                     {"profile_secrets": made, "cards_recovery_code": code})
