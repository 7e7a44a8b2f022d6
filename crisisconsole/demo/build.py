"""The demo: a fresh encrypted database with a realistic, fictitious scenario (unrest after a
football match escalating to GRIP 3). Later parts of the scenario add themselves through
`SCENARIO_PARTS`."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.clock import Clock, SystemClock
from crisisconsole.errors import StoreError
from crisisconsole.resources_access import resource_json
from crisisconsole.services import crises, profiles
from crisisconsole.services.context import ServiceContext
from crisisconsole.store.keys import DatabaseKey
from crisisconsole.store.opening import create_database
from crisisconsole.store.secrets import KeyringSecretStore, MemorySecretStore


@dataclass
class DemoWorld:
    """What the scenario parts share: contexts per role, the crisis, the scenario start."""

    ctx: ServiceContext
    mayor_ctx: ServiceContext
    crisis_id: str
    exercise_crisis_id: str
    start: datetime
    now: datetime
    extra: dict[str, Any] = field(default_factory=dict)

    def at(self, minutes: float) -> datetime:
        return self.start + timedelta(minutes=minutes)


def scenario_parts() -> list[Callable[[DemoWorld], None]]:
    """Feature parts of the scenario: crisisconsole/demo/scenario_NN_<feature>.py with
    fill(world), run in name order after the foundation."""
    from crisisconsole.plugins import modules

    return [module.fill for module in modules("crisisconsole.demo", "scenario_")]


@dataclass(frozen=True)
class DemoInfo:
    path: Path
    key: DatabaseKey
    crisis_id: str
    profile: str
    key_file: Path | None

    def as_json(self) -> dict[str, Any]:
        return {"db": str(self.path), "crisis_id": self.crisis_id, "profile": self.profile,
                "key_file": str(self.key_file) if self.key_file else None}


def build_demo_database(path: Path | None = None, *, passphrase: str | None = None,
                        clock: Clock | None = None) -> DemoInfo:
    """Create and fill a demo database. Without a path: a fresh temporary folder."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="crisisconsole-demo-")) / "demo.db"
    keyring = KeyringSecretStore()
    use_memory = passphrase is None and not keyring.usable()
    secret_store = MemorySecretStore() if use_memory else keyring
    try:
        store = create_database(path, secret_store, passphrase=passphrase,
                                clock=clock or SystemClock())
    except StoreError:
        if use_memory or passphrase is not None:
            raise
        # A keyring that looks usable but refuses (locked, no session bus): keep the demo key
        # beside the demo file instead.
        use_memory = True
        store = create_database(path, MemorySecretStore(), clock=clock or SystemClock())
    key_file = None
    if use_memory:
        # No keyring and no passphrase: keep the key beside the demo file so it can be reopened.
        key_file = safe_files.write_text(path.with_name(path.name + ".key"),
                                         store.key.recovery_code() + "\n", mode=0o600)
    try:
        world = fill_foundation(store)
        for part in scenario_parts():
            part(world)
    finally:
        store.close()
    return DemoInfo(path, store.key, world.crisis_id, "aide", key_file)


def fill_foundation(store) -> DemoWorld:  # noqa: ANN001 - Store
    data = resource_json("demo", "foundation.json")
    first = None
    made = {}
    for item in data["profiles"]:
        made[item["role"]] = profiles.add_profile(store, item["name"], item["role"],
                                                  first.as_actor() if first else None)
        first = first or made[item["role"]]
    ctx = ServiceContext(store, made["aide"].as_actor())
    mayor_ctx = ServiceContext(store, made["mayor"].as_actor())
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
    return DemoWorld(ctx, mayor_ctx, crisis.id, exercise.id, start, now)
