import pytest

from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.services.foundation.profiles import add_profile, find_profile, list_profiles


def test_first_aide_is_default(store, ctx):
    add_profile(store, "burgemeester", "mayor", ctx.actor, secret="123456")
    assert find_profile(store, None).name == "aide"
    assert find_profile(store, "Burgemeester").role == "mayor"


def test_profile_rules(store, ctx):
    with pytest.raises(ValidationError, match="bestaat al"):
        add_profile(store, "AIDE", "aide", ctx.actor)
    with pytest.raises(ValidationError, match="rol"):
        add_profile(store, "x", "admin", ctx.actor)
    with pytest.raises(ValidationError):
        add_profile(store, " ", "aide", ctx.actor)
    with pytest.raises(NotFoundError):
        find_profile(store, "niemand")
    assert [p.name for p in list_profiles(store)] == ["aide"]
