"""What every service call needs: the store, who acts, and where changes are announced.

A context of an aide or mayor who signed in with their secret also holds the unwrapped cards
key, in memory only (services/sign_in.py); a team or viewer context never has one, and the
card services refuse to read or write card content without it."""

from __future__ import annotations

from dataclasses import dataclass, field

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.services.foundation.changes import ChangeBus, ChangeNote
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.engine import Store


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    role: ProfileRole


@dataclass
class ServiceContext:
    store: Store
    actor: Actor
    bus: ChangeBus = field(default_factory=ChangeBus)
    cards_key: CardsKey | None = field(default=None, repr=False)

    def now(self):  # noqa: ANN201 - datetime, kept short for the many callers
        return self.store.clock.now()

    def announce(self, note: ChangeNote) -> ChangeNote:
        self.bus.publish(note)
        return note
