"""The one error type for a domain rule that refuses input.

It is a ``ValueError`` (the domain's contract) and a ``ValidationError`` (so the CLI and the UI
already know to show its one line and exit with code 2, without a translation layer).
"""

from __future__ import annotations

from crisisconsole.errors import ValidationError


class RuleViolation(ValidationError, ValueError):
    """An event, outcome or measure that breaks a rule; nothing is recorded.

    The message is one line that names the rule, in the UI language (crisisconsole.i18n).
    """
