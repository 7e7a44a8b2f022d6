"""The user's own settings (crisisconsole.settings: language, backup folder, lock time, the
quick-entry bar's last source and tag). They live in a file of this user, not in the database,
but saving them is a change like any other: it travels on the same feed (``Kind.PREFERENCES``),
so whatever follows a preference (the lock timer, the backup timer) hears of it there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crisisconsole import i18n, settings
from crisisconsole.services.foundation.changes import (
    Changes,
    Kind,
    current_origin,
    feed_of,
    one_act,
)
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.settings_facts import LATE_ENTRY_MINUTES, set_values
from crisisconsole.store.engine import Store


def save_preferences(store: Store, values: Mapping[str, Any], *,
                     origin: object | None = None) -> Changes:
    """Save ``values`` in the settings file and announce it on ``store``'s feed."""
    settings.save(dict(values))
    i18n.forget()  # the language may have changed: the next message reads the file again
    return feed_of(store).publish(Changes(frozenset({Kind.PREFERENCES}), tuple(values),
                                          origin=origin or current_origin()))


@one_act
def save_settings(ctx: ServiceContext, values: Mapping[str, Any], *,
                  late_minutes: int | None = None) -> Changes | None:
    """The settings dialog in one act: the user's own settings, and the late-entry threshold
    when it changed (an audited setting fact of the database: an aide's act)."""
    changes = save_preferences(ctx.store, values)
    if late_minutes is not None:
        set_values(ctx, {LATE_ENTRY_MINUTES: late_minutes}, action="log.late_threshold")
    return changes
