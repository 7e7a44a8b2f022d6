"""The role gate every guarded door goes through: a refused attempt is written to the audit
chain (result "refused") before the refusal is raised, so need-to-know is accountable."""

from __future__ import annotations

from collections.abc import Iterable

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import AccessDeniedError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext

AIDE_ONLY = frozenset({ProfileRole.AIDE})
# Who may settle concurrent facts from two laptops (team mode): corrections, re-grades and
# council outcomes made at once.
SETTLER_ROLES = frozenset({ProfileRole.AIDE, ProfileRole.MAYOR})


def require_role(ctx: ServiceContext, allowed: Iterable[ProfileRole], action: str,
                 object_type: str = "access", object_id: str | None = None,
                 message: str | None = None) -> None:
    """Pass when the acting profile's role is in ``allowed``; otherwise audit and refuse
    (exit 3 in the CLI)."""
    if ctx.actor.role in frozenset(allowed):
        return
    with ctx.store.write(ctx.actor.id) as tx:
        tx.audit(action, object_type, object_id, result="refused")
    raise AccessDeniedError(message or tr(
        f"geweigerd: de rol {ctx.actor.role.value} mag dit niet ({action})",
        f"refused: the role {ctx.actor.role.value} may not do this ({action})"))


def require_aide(ctx: ServiceContext, action: str, object_type: str = "access",
                 object_id: str | None = None) -> None:
    require_role(ctx, AIDE_ONLY, action, object_type, object_id)
