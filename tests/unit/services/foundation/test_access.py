"""The role gate audits a refusal before raising it."""

from __future__ import annotations

import pytest

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import AccessDeniedError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.access import require_aide, require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profiles import add_profile


def test_allowed_role_passes_without_a_record(ctx) -> None:  # noqa: ANN001
    before = audit.last_seq(ctx.store)
    require_aide(ctx, "key.export")
    assert audit.last_seq(ctx.store) == before


def test_refusal_is_audited_then_raised(ctx) -> None:  # noqa: ANN001
    viewer = add_profile(ctx.store, "meelezer", "viewer", ctx.actor)
    vctx = ServiceContext(ctx.store, viewer.as_actor())
    with pytest.raises(AccessDeniedError) as caught:
        require_role(vctx, {ProfileRole.AIDE, ProfileRole.MAYOR}, "backup.make", "backup")
    assert caught.value.exit_code == 3
    last = audit.list_records(ctx.store, limit=1)[0]
    assert (last["action"], last["result"], last["actor"]) == ("backup.make", "refused", viewer.id)
    assert audit.verify(ctx.store).ok
