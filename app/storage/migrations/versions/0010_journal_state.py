"""The journal's change count, kept by the database itself, and the patterns' last reading.

Running every pattern rule over years of notes takes a third of a second; at unlock it was
the slowest part of showing the home page. The rules read only entries, their signs and their
tags, so triggers on those three tables count every change (``journal_state.version``), whoever
makes it: the app, a merge of notes written while locked, a child deleted (``SET NULL`` is an
update too). ``patterns_memo`` says which count, zone, rules and settings the last reading was
made for; when all still match, the recorded firings are still the answer.

A later migration that rebuilds one of these tables (Alembic's batch mode) drops its triggers
and must create them again; ``tests/storage/test_journal_state.py`` fails if one is missing.
Also an index of the hidden entries alone, for the purge each unlock runs (it read every entry).
Only a new table, triggers and an index: nothing existing is rewritten.

Revision ID: 0010_journal_state
Revises: 0009_plans
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_journal_state"
down_revision = "0009_plans"
branch_labels = None
depends_on = None

WATCHED = ("journal_entries", "journal_entry_signs", "journal_entry_tags")
EVENTS = ("INSERT", "UPDATE", "DELETE")
# An upsert: the row exists from the first change on, so nothing needs making in advance.
_COUNT = ("INSERT INTO journal_state (id, version) VALUES (1, 1) "
          "ON CONFLICT(id) DO UPDATE SET version = version + 1")


def trigger_name(table: str, event: str) -> str:
    return f"tr_{table}_{event.lower()}_counts"


def upgrade() -> None:
    op.create_table(
        "journal_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("patterns_memo", sa.Text(), nullable=True),
        sa.CheckConstraint("id = 1", name="ck_journal_state_single"),
    )
    op.create_index("ix_journal_entries_deleted", "journal_entries", ["deleted_at"],
                    sqlite_where=sa.text("deleted_at IS NOT NULL"))
    for table in WATCHED:
        for event in EVENTS:
            op.execute(f"CREATE TRIGGER {trigger_name(table, event)} AFTER {event} ON {table} "
                       f"BEGIN {_COUNT}; END")


def downgrade() -> None:
    for table in WATCHED:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, event)}")
    op.drop_index("ix_journal_entries_deleted", table_name="journal_entries")
    op.drop_table("journal_state")
