"""Recording a report as a person gives it: the use case behind the quick-entry bar of the
log page and ``crisisconsole log add``, so both doors write the same rows.

What was typed in the source box may be a source on the list (by id or name, any case) or a
new name, which joins the list; files go with the entry. The text is checked first, then the
files are read and the whole entry is checked by the log's rules, and only then one
transaction writes the new source, the entry and its attachments, each with its audit record:
a refused entry leaves no new source behind.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.domain.log_rules import check_text
from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.preferences import save_preferences
from crisisconsole.services.log.attachments import Attachment
from crisisconsole.services.log.entries import prepare_entry, write_entry
from crisisconsole.services.log.sources import insert_source, typed_source
from crisisconsole.services.log.values import LogEntry


@dataclass(frozen=True)
class EntryDraft:
    """A report as typed: ``source`` is what the source box holds (an id or a name)."""

    text: str | None
    source: str | None
    person: str | None = None
    discipline: str | None = None
    location: str | None = None
    occurred_at: datetime | None = None
    reliability: str | None = None
    grade: str | None = None
    confirmed_by: str | None = None
    attachment_paths: Sequence[str | os.PathLike[str]] = ()


def record_entry(ctx: ServiceContext, crisis_id: str, draft: EntryDraft) -> LogEntry:
    check_text(draft.text)  # before a new source name is taken in or a file is read
    attachments = [Attachment.from_file(path) for path in draft.attachment_paths]
    source_id, new_org = typed_source(ctx.store, draft.source)
    prepared = prepare_entry(
        ctx, draft.text, source_id, person=draft.person, discipline=draft.discipline,
        location=draft.location, occurred_at=draft.occurred_at, reliability=draft.reliability,
        grade=draft.grade, confirmed_by=draft.confirmed_by, attachments=attachments)
    with ctx.store.write(ctx.actor.id) as tx:
        if new_org is not None and not tx.existing("source_org", "id", "id", [new_org.id]):
            insert_source(tx, new_org)
        return write_entry(tx, ctx, crisis_id, prepared)


@one_act
def record_and_remember(ctx: ServiceContext, crisis_id: str, draft: EntryDraft) -> LogEntry:
    """The quick-entry bar's act: ``record_entry``, then the bar remembers the source and tag
    for the next report (the user's settings file, not the database; the CLI does not)."""
    entry = record_entry(ctx, crisis_id, draft)
    save_preferences(ctx.store, {"last_source": entry.source,
                                 "last_reliability": entry.reliability})
    return entry
