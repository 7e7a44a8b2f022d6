"""The tables, one module per aggregate; the foundation's tables and the lists of all,
audited and purgeable tables are handed on here."""

from crisisconsole.store.tables.foundation import (  # noqa: F401
    all_tables,
    audit,
    audited_tables,
    crisis,
    crisis_event,
    db_meta,
    metadata,
    profile,
    purgeable_tables,
)
