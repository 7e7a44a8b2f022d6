"""The topics kept on disk (store/derived_topics.py) as the tests read them: the state, the
stored rows and the rows a recompute from the facts gives."""

from crisisconsole.store import derived_topics


def state(store, crisis_id):  # noqa: ANN001, ANN201
    with store.read() as conn:
        return derived_topics.state(conn.connection.dbapi_connection, crisis_id)


def stored_rows(store, crisis_id):  # noqa: ANN001, ANN201
    with store.read() as conn:
        return derived_topics.stored(conn.connection.dbapi_connection, crisis_id)


def recomputed_rows(store, crisis_id):  # noqa: ANN001, ANN201
    with store.read() as conn:
        book = derived_topics.build_book(conn.connection.dbapi_connection, crisis_id)
    return dict(book.state.label_of), derived_topics.rows_of(book)
