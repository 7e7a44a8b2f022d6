"""What every service call needs: the store and who acts. What a call changes reaches the
store's change feed by itself (services.foundation.changes: ``ctx.feed``).

A context of an aide or mayor who signed in with their secret also holds the unwrapped cards
key, in memory only (services/sign_in.py); a team or viewer context never has one, and the
card services refuse to read or write card content without it."""

from __future__ import annotations

from dataclasses import dataclass, field

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.services.foundation.changes import ChangeFeed, feed_of
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
    cards_key: CardsKey | None = field(default=None, repr=False)

    def now(self):  # noqa: ANN201 - datetime, kept short for the many callers
        return self.store.clock.now()

    @property
    def feed(self) -> ChangeFeed:
        """The change feed of this context's store (every write through it, once per act)."""
        return feed_of(self.store)
