"""Weekly check-ins: schedules, their occurrences, and the notices already given.

Revision ID: 0003_checkins
Revises: 0002_evidence_log
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_checkins"
down_revision = "0002_evidence_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin_schedules",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("at_minute", sa.Integer(), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("caregiver", sa.Text(), nullable=False),
        sa.Column("reminders", sa.Text(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("covered_until", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_checkin_schedules_weekday"),
        sa.CheckConstraint("at_minute BETWEEN 0 AND 1439", name="ck_checkin_schedules_at_minute"),
        sa.CheckConstraint("every_weeks IN (1, 2)", name="ck_checkin_schedules_every_weeks"),
    )
    op.create_table(
        "checkin_schedule_children",
        sa.Column("schedule_id", sa.Integer(),
                  sa.ForeignKey("checkin_schedules.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "checkin_occurrences",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("schedule_id", sa.Integer(),
                  sa.ForeignKey("checkin_schedules.id", ondelete="SET NULL"), nullable=True),
        sa.Column("slot_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("rescheduled", sa.Boolean(), nullable=False),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("missed_noticed", sa.Boolean(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("schedule_id", "slot_at", name="uq_checkin_occurrences_slot"),
        sa.CheckConstraint("status IN ('pending', 'done', 'skipped', 'missed')",
                           name="ck_checkin_occurrences_status"),
    )
    op.create_index("ix_checkin_occurrences_due_at", "checkin_occurrences", ["due_at"])
    op.create_table(
        "checkin_occurrence_children",
        sa.Column("occurrence_id", sa.Integer(),
                  sa.ForeignKey("checkin_occurrences.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "checkin_notices",
        sa.Column("occurrence_id", sa.Integer(),
                  sa.ForeignKey("checkin_occurrences.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(48), primary_key=True),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("checkin_notices")
    op.drop_table("checkin_occurrence_children")
    op.drop_index("ix_checkin_occurrences_due_at", "checkin_occurrences")
    op.drop_table("checkin_occurrences")
    op.drop_table("checkin_schedule_children")
    op.drop_table("checkin_schedules")
