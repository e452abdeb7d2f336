"""The warning-signs journal: entries, their revisions, search, pattern rules and the inbox key.

Every save of an entry is an immutable row in ``journal_revisions``; ``journal_entries`` says
which one is current and copies what the timeline filters and sorts on (child, time, strength,
"come back"), with the current signs and tags in two small link tables. Two FTS5 indexes hold
the current revision's words (a word index and a trigram index for parts of words), both with
FTS5's ``secure-delete`` on so a purged entry leaves no words in the index segments. Only new
tables: nothing existing is rewritten.

Revision ID: 0008_journal
Revises: 0007_caregivers
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_journal"
down_revision = "0007_caregivers"
branch_labels = None
depends_on = None

_STRENGTH = "strength IS NULL OR strength BETWEEN 1 AND 3"
_INDEXES = {
    "journal_fts": "unicode61 remove_diacritics 2",
    "journal_fts_trigram": "trigram remove_diacritics 1",
}


def upgrade() -> None:
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="SET NULL"), nullable=True),
        sa.Column("noted_at", sa.DateTime(), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column("come_back", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("current_revision", sa.Integer(), nullable=False),
        sa.Column("locked_note_id", sa.String(64), nullable=True),
        sa.CheckConstraint(_STRENGTH, name="ck_journal_entries_strength"),
        sa.UniqueConstraint("locked_note_id", name="uq_journal_entries_locked_note_id"),
    )
    op.create_index("ix_journal_entries_child_noted", "journal_entries",
                    ["child_id", "noted_at"])
    op.create_index("ix_journal_entries_noted", "journal_entries", ["noted_at"])
    op.create_table(
        "journal_revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("entry_id", sa.Integer(),
                  sa.ForeignKey("journal_entries.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="SET NULL"), nullable=True),
        sa.Column("noted_at", sa.DateTime(), nullable=False),
        sa.Column("signs", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("saw", sa.Text(), nullable=False),
        sa.Column("think", sa.Text(), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("did", sa.Text(), nullable=False),
        sa.Column("come_back", sa.Boolean(), nullable=False),
        sa.CheckConstraint(_STRENGTH, name="ck_journal_revisions_strength"),
        sa.UniqueConstraint("entry_id", "number", name="uq_journal_revisions_number"),
    )
    op.create_table(
        "journal_entry_signs",
        sa.Column("entry_id", sa.Integer(),
                  sa.ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("sign_id", sa.String(120), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_journal_entry_signs_sign_entry", "journal_entry_signs",
                    ["sign_id", "entry_id"])
    op.create_table(
        "journal_entry_tags",
        sa.Column("entry_id", sa.Integer(),
                  sa.ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag", sa.Text(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_journal_entry_tags_tag", "journal_entry_tags", ["tag"])
    op.create_table(
        "journal_rule_settings",
        sa.Column("rule_id", sa.String(120), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
    )
    op.create_table(
        "journal_rule_firings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("rule_id", sa.String(120), nullable=False),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=True),
        sa.Column("fired_on", sa.Date(), nullable=False),
        sa.Column("entry_ids", sa.Text(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("rule_id", "child_id", "fired_on",
                            name="uq_journal_rule_firings_day"),
    )
    op.create_table(
        "journal_inbox_key",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_journal_inbox_key_single"),
    )
    for name, tokenizer in _INDEXES.items():
        op.execute(sa.text(
            f"CREATE VIRTUAL TABLE {name} USING fts5("
            f"saw, think, place, did, tags, tokenize = '{tokenizer}')"))
        op.execute(sa.text(f"INSERT INTO {name}({name}, rank) VALUES ('secure-delete', 1)"))


def downgrade() -> None:
    for name in _INDEXES:
        op.execute(sa.text(f"DROP TABLE IF EXISTS {name}"))
    for table in ("journal_inbox_key", "journal_rule_firings", "journal_rule_settings",
                  "journal_entry_tags", "journal_entry_signs", "journal_revisions",
                  "journal_entries"):
        op.drop_table(table)
