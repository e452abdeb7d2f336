import shutil

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.storage import schema, vault
from app.storage.errors import MigrationFailed
from app.storage.journal_fts import include_name
from app.storage.models import Base
from app.ui import messages
from tests.conftest import PASSPHRASE


def test_migrations_produce_exactly_the_models_schema(open_vault):
    with open_vault.engine.connect() as connection:
        # The journal's FTS5 indexes are virtual tables no model describes (as env.py filters).
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
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
    backups = list(folder.backups.glob("*-before-9000_test_next"))
    assert len(backups) == 1
    database = (backups[0] / "porchlight.db").read_bytes()
    assert b"Maya" not in database
    assert not database.startswith(b"SQLite format 3")
    assert (backups[0] / "porchlight.key").read_bytes() == folder.key_file.read_bytes()


REBUILD_CHILDREN = '''
"""Test-only: rebuild the children table, as a batch alter_column does on SQLite.

Revision ID: 9001_test_rebuild_children
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001_test_rebuild_children"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("children", recreate="always") as batch:
        batch.alter_column("name", type_=sa.String(80), existing_nullable=False)


def downgrade():
    pass
'''

BREAK_A_LINK = '''
"""Test-only: a migration that leaves a link row pointing at a child that is gone.

Revision ID: 9002_test_orphan
Revises: {head}
"""
from alembic import op

revision = "9002_test_orphan"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM children")


def downgrade():
    pass
'''


def _with_extra_migration(tmp_path, monkeypatch, source: str, name: str) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / f"{name}.py").write_text(source.format(head=schema.head_revision()))
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)


LINK_COUNTS = {
    "checkin_schedule_children": "SELECT count(*) FROM checkin_schedule_children",
    "checkin_occurrence_children": "SELECT count(*) FROM checkin_occurrence_children",
    "talk_children": "SELECT count(*) FROM talk_children",
    "linked evidence": "SELECT count(*) FROM evidence_entries WHERE child_id IS NOT NULL",
}


def _seed_links(open_vault) -> None:
    with open_vault.sessions.begin() as session:
        for statement in (
            "INSERT INTO children VALUES (1, 'Ada', 2015, 3, NULL, '2026-01-01', '2026-01-01')",
            "INSERT INTO children VALUES (2, 'Ben', 2017, 9, NULL, '2026-01-01', '2026-01-01')",
            "INSERT INTO checkin_schedules VALUES (1, 6, 1080, 'UTC', 1, '2026-01-04', '', '', 0,"
            " '2026-01-01', '2026-01-01', '2026-01-01')",
            "INSERT INTO checkin_schedule_children VALUES (1, 1), (1, 2)",
            "INSERT INTO checkin_occurrences VALUES (1, 1, '2026-01-04 18:00', '2026-01-04 18:00',"
            " 'UTC', 'done', 0, NULL, '', '', 0, NULL)",
            "INSERT INTO checkin_occurrence_children VALUES (1, 1), (1, 2)",
            "INSERT INTO talks VALUES (1, 1, '9-11', '2026-01-04', NULL, NULL, '', '', '', '', 0,"
            " '')",
            "INSERT INTO talk_children VALUES (1, 2)",
            "INSERT INTO evidence_entries (id, child_id, platform, username, profile_link,"
            " happened_at, demanded, payment_handles, notes, created_at, updated_at)"
            " VALUES (1, 1, 'x', '', '', '', '', '', '', '2026-01-01', '2026-01-01')",
        ):
            session.execute(text(statement))


def _link_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {name: connection.execute(text(sql)).scalar_one()
                for name, sql in LINK_COUNTS.items()}


def test_rebuilding_children_keeps_every_link_row(open_vault, folder, clock, tmp_path,
                                                  monkeypatch):
    _seed_links(open_vault)
    before = _link_counts(open_vault.engine)
    assert all(before.values())
    open_vault.close()
    _with_extra_migration(tmp_path, monkeypatch, REBUILD_CHILDREN, "9001_test_rebuild_children")

    upgraded = vault.unlock(folder, PASSPHRASE, clock)
    try:
        assert schema.current_revision(upgraded.engine) == "9001_test_rebuild_children"
        assert _link_counts(upgraded.engine) == before
        with upgraded.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    finally:
        upgraded.close()


def test_a_migration_that_breaks_a_link_is_rolled_back(open_vault, folder, clock, tmp_path,
                                                       monkeypatch):
    _seed_links(open_vault)
    head = schema.head_revision()
    before = _link_counts(open_vault.engine)
    open_vault.close()
    _with_extra_migration(tmp_path, monkeypatch, BREAK_A_LINK, "9002_test_orphan")

    with pytest.raises(MigrationFailed) as raised:
        vault.unlock(folder, PASSPHRASE, clock)
    broke = raised.value.__cause__
    assert isinstance(broke, schema.MigrationBrokeLinks)
    assert "Ada" not in str(raised.value) and "Ada" not in str(broke)
    assert messages.for_vault_error(raised.value) == messages.UPDATE_ROLLED_BACK
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", schema.Path(schema.__file__).with_name(
        "migrations"))
    reopened = vault.unlock(folder, PASSPHRASE, clock)
    try:
        assert schema.current_revision(reopened.engine) == head
        assert _link_counts(reopened.engine) == before
    finally:
        reopened.close()
