"""Alembic environment: always run on the connection the vault hands over (already keyed).

``schema.migrate`` opens that connection, switches foreign keys off *before* ``BEGIN`` and
begins one transaction; every migration runs inside it (Alembic sees an external transaction,
so ``transaction_per_migration`` adds none of its own), and ``PRAGMA foreign_key_check`` runs
before the single commit. Never run migrations any other way.

The journal's FTS5 search indexes (and the shadow tables SQLite keeps for them) are not models:
``include_name`` hides them from autogenerate, which would otherwise propose dropping them.
"""

from __future__ import annotations

from alembic import context

from app.storage.journal_fts import include_name
from app.storage.models import Base

connection = context.config.attributes["connection"]
if not connection.in_transaction():
    raise RuntimeError("migrations run only inside schema.migrate's transaction")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
