"""The benchmark database's aide, signed in as a user would be."""

from __future__ import annotations


def aide_context(store):  # noqa: ANN001, ANN201 - Store -> ServiceContext
    """The benchmark database's aide, signed in (with the cards key), as a user would be."""
    import secrets

    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    secret = secrets.token_urlsafe(12)
    add_profile(store, "aide", "aide", None, secret=secret)
    return sign_in(store, "aide", secret).ctx
