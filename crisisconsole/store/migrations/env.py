"""Alembic environment: always run on the connection the store hands over (never a URL),
because only the store knows the key."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
