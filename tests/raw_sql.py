"""Statements run on a store's file behind the app's back (raw SQLCipher connection), as a
tamperer with the database key would: the tests that verify must catch it."""


def run_raw(store, *statements: str) -> None:  # noqa: ANN001 - a Store
    raw = store.raw_connection()
    try:
        for statement in statements:
            raw.execute(statement)
    finally:
        raw.close()
