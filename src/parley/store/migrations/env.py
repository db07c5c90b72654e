"""Alembic environment: runs on the connection that ``parley.store.db.migrate`` passes in."""

from __future__ import annotations

from alembic import context

from parley.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through parley.store.db.migrate()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
