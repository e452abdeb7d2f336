"""Bringing a database up to this version's schema, safely.

Migrations run when the vault opens. Before an existing database is migrated a verified backup
(database and key file together) is taken; a database written by a newer Porchlight is refused
rather than touched.

Foreign keys are switched off for the migration and checked before it commits. SQLite ignores
``PRAGMA foreign_keys`` inside a transaction, and Alembic's batch mode rebuilds a table by
copy, drop and rename: with foreign keys on, dropping ``children`` would fire ``ON DELETE
CASCADE`` and empty every link table that points at it. So the pragma is sent on the driver
connection *before* ``BEGIN``; after the migration ``PRAGMA foreign_key_check`` must find
nothing, otherwise the whole migration rolls back and nothing on disk has changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app.storage.data_folder import DataFolder

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class NewerDatabase(Exception):
    """The database was written by a newer version of Porchlight."""


class MigrationBrokeLinks(Exception):
    """A migration left rows pointing at rows that no longer exist; it was rolled back.

    Only table names and counts are given, never row values.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        tables = sorted({f"{table} → {parent}" for table, parent in problems})
        super().__init__(f"{len(problems)} broken link(s): " + ", ".join(tables))
        self.problems = problems


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def all_revisions() -> list[str]:
    """Every revision this version knows, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def upgrade(engine: Engine, folder: DataFolder | Path, now: dt.datetime) -> Path | None:
    """Migrate to head; return the backup taken first, if there was anything to back up.

    ``folder`` is the data folder (older callers pass its ``backups`` folder, whose parent is
    the data folder).
    """
    from app.storage.backups import create_backup

    data_folder = folder if isinstance(folder, DataFolder) else DataFolder(folder.parent)
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    known = {revision.revision for revision in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerDatabase(current)
    head = script.get_current_head()
    if current == head:
        return None
    backup = None
    if current is not None:
        backup = create_backup(engine, data_folder, f"before-{head}", now)
    migrate(engine, "head")
    return backup


def migrate(engine: Engine, target: str) -> None:
    """Run Alembic to ``target`` with foreign keys off, and commit only if every link holds."""
    with engine.connect() as connection:
        # Before any BEGIN: connection.connection does not start a transaction.
        driver = connection.connection.dbapi_connection
        assert driver is not None
        _pragma(driver, "PRAGMA foreign_keys = OFF")
        try:
            if _pragma(driver, "PRAGMA foreign_keys") != 0:
                raise RuntimeError("foreign keys could not be switched off for the migration")
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                _check_links(connection)
        finally:
            try:
                _pragma(driver, "PRAGMA foreign_keys = ON")
            except Exception:
                connection.invalidate()  # never hand a connection without foreign keys back
                raise
            if _pragma(driver, "PRAGMA foreign_keys") != 1:
                connection.invalidate()


def _pragma(driver: Any, statement: str) -> Any:
    cursor = driver.cursor()
    try:
        cursor.execute(statement)
        row = cursor.fetchone()
        return None if row is None else row[0]
    finally:
        cursor.close()


def _check_links(connection: Connection) -> None:
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if rows:
        raise MigrationBrokeLinks([(str(row[0]), str(row[2])) for row in rows])
