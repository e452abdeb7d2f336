"""Evidence log for "Help now".

Revision ID: 0002_evidence_log
Revises: 0001_family
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_evidence_log"
down_revision = "0001_family"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="SET NULL"), nullable=True),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("profile_link", sa.Text(), nullable=False),
        sa.Column("happened_at", sa.Text(), nullable=False),
        sa.Column("demanded", sa.Text(), nullable=False),
        sa.Column("payment_handles", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("evidence_entries")
