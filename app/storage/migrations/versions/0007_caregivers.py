"""Caregivers: a named list (Mum, Dad, Grandma) each check-in picks its leader from.

Up to 0006 a schedule's caregiver was free text typed into the check-in dialog. This revision
adds the ``caregivers`` table and fills it with one row per distinct non-empty name the
schedules hold, oldest schedule first, so the list a parent sees in Settings starts with the
people they already named. The schedules keep their ``caregiver`` column unchanged: the name is
the link (names are unique in the list), so no schedule row is rewritten and nothing typed is
lost or merged by guesswork ("Mum" and "mum" stay two entries the parent can tidy up).

Revision ID: 0007_caregivers
Revises: 0006_mood_keys
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_caregivers"
down_revision = "0006_mood_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "caregivers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_caregivers_name"),
        sa.UniqueConstraint("name", name="uq_caregivers_name"),
    )
    # One row per distinct name, in the order the schedules first used it; the schedule's own
    # created_at says since when that person has been leading check-ins.
    op.execute(sa.text(
        "INSERT INTO caregivers (name, created_at) "
        "SELECT caregiver, MIN(created_at) FROM checkin_schedules "
        "WHERE length(trim(caregiver)) > 0 "
        "GROUP BY caregiver ORDER BY MIN(id)"))


def downgrade() -> None:
    op.drop_table("caregivers")
