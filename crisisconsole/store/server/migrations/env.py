"""Alembic environment of the team server's own chain: run on the connection the admin command
hands over, with its own version table (the laptop chain's is ``alembic_version``)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transactional_ddl=True,
                  version_table="team_server_version")
with context.begin_transaction():
    context.run_migrations()
