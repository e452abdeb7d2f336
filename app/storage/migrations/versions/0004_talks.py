"""Guided talks: the coach's record of starters, practice, and how it went.

Revision ID: 0004_talks
Revises: 0003_checkins
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_talks"
down_revision = "0003_checkins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "talks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("occurrence_id", sa.Integer(),
                  sa.ForeignKey("checkin_occurrences.id", ondelete="SET NULL"), nullable=True),
        sa.Column("band", sa.String(8), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("mood", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("come_back_to", sa.Text(), nullable=False),
        sa.Column("refusal_id", sa.String(120), nullable=False),
        sa.Column("practised", sa.Boolean(), nullable=False),
        sa.Column("reassurance_id", sa.String(120), nullable=False),
        sa.CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="ck_talks_rating"),
    )
    op.create_table(
        "talk_children",
        sa.Column("talk_id", sa.Integer(), sa.ForeignKey("talks.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("child_id", sa.Integer(), sa.ForeignKey("children.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_table(
        "talk_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("talk_id", sa.Integer(), sa.ForeignKey("talks.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("starter_id", sa.String(120), nullable=False),
        sa.Column("topic_id", sa.String(60), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("outcome IN ('talked', 'not-today', 'swapped')",
                           name="ck_talk_items_outcome"),
    )
    op.create_index("ix_talk_items_talk_id", "talk_items", ["talk_id"])


def downgrade() -> None:
    op.drop_index("ix_talk_items_talk_id", "talk_items")
    op.drop_table("talk_items")
    op.drop_table("talk_children")
    op.drop_table("talks")
