import shutil

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.storage import schema, vault
from app.storage.models import Base
from tests.conftest import PASSPHRASE


def test_migrations_produce_exactly_the_models_schema(open_vault):
    with open_vault.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_database_is_at_head(open_vault):
    assert schema.current_revision(open_vault.engine) == schema.head_revision()


def test_a_newer_database_is_refused_and_left_alone(open_vault, folder, clock):
    with open_vault.sessions.begin() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    open_vault.close()
    before = folder.database.read_bytes()
    with pytest.raises(vault.NewerVault):
        vault.unlock(folder, PASSPHRASE, clock)
    assert folder.database.read_bytes() == before


NEXT_MIGRATION = '''
"""Test-only: a second revision.

Revision ID: 9000_test_next
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9000_test_next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("test_next", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("test_next")
'''


def test_an_encrypted_backup_is_taken_before_migrating(open_vault, folder, clock, tmp_path,
                                                       monkeypatch):
    from app.storage.services import Services

    Services.for_vault(open_vault).family.add("Maya", 2017, 4)
    open_vault.close()
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9000_test_next.py").write_text(
        NEXT_MIGRATION.format(head=schema.head_revision()))
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)

    upgraded = vault.unlock(folder, PASSPHRASE, clock)
    assert schema.current_revision(upgraded.engine) == "9000_test_next"
    upgraded.close()
    backups = list(folder.backups.glob("porchlight-*-before-9000_test_next.db"))
    assert len(backups) == 1
    assert b"Maya" not in backups[0].read_bytes()
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
