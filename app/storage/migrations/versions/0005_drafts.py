"""Drafts: what the parent was typing when Porchlight locked, kept encrypted until used.

Revision ID: 0005_drafts
Revises: 0004_talks
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_drafts"
down_revision = "0004_talks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("drafts")
