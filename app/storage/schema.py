"""Bringing a database up to this version's schema, safely.

Migrations run when the vault opens. Before an existing database is migrated an encrypted
backup is taken; a database written by a newer Porchlight is refused rather than touched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.storage.backups import take_backup

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class NewerDatabase(Exception):
    """The database was written by a newer version of Porchlight."""


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


def upgrade(engine: Engine, backup_folder: Path, now: dt.datetime) -> Path | None:
    """Migrate to head; return the backup taken first, if there was anything to back up."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    known = {revision.revision for revision in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerDatabase(current)
    if current == script.get_current_head():
        return None
    backup = None
    if current is not None:
        backup = take_backup(engine, backup_folder, f"before-{script.get_current_head()}", now)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
