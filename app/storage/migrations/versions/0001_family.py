"""Family: settings and children.

Revision ID: 0001_family
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_family"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "children",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("birth_month", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("birth_month BETWEEN 1 AND 12", name="ck_children_birth_month"),
        sa.CheckConstraint("length(name) > 0", name="ck_children_name"),
    )


def downgrade() -> None:
    op.drop_table("children")
    op.drop_table("settings")
