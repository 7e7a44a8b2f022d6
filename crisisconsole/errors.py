"""Expected failures: each carries one line a user understands.

The CLI prints the message and exits with ``exit_code``; the UI shows it in a message bar.
Messages never contain personal data (card statements, names on cards).
"""

from __future__ import annotations


class CrisisConsoleError(Exception):
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreError(CrisisConsoleError):
    """The database cannot be opened or written."""


class WrongKeyError(StoreError):
    pass


class NotADatabaseError(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class DatabaseLockedError(StoreError):
    pass


class NotWritableError(StoreError):
    pass


class ValidationError(CrisisConsoleError):
    """Input that breaks a rule; nothing was recorded."""


class NotFoundError(CrisisConsoleError):
    pass


class AccessDeniedError(CrisisConsoleError):
    """The role of the current profile may not do this (need to know)."""

    exit_code = 3


class AuditBrokenError(CrisisConsoleError):
    exit_code = 1


class AnchorError(CrisisConsoleError):
    """An anchor that cannot be made or read: no usable keyring, not an anchor file, another
    database. (An anchor the database fails is AuditBrokenError.)"""


class CancelledError(CrisisConsoleError):
    """The user stopped a long act (an export) before it finished; nothing was written."""
