"""Counsellor homework: imported plans with their task records and answers, and the
counsellor's templates, built plans and reports received.

Plans and reports are kept as the model's JSON (``app.core.plans.codec``); only what the
pages look up goes in columns of its own (the child, the plan's id and version, whether it has
ended). At most one plan per child is active: a partial unique index holds it. An imported
plan goes with its child (deleting a child deletes everything noted about them). The
workspace kind lives in the existing ``settings`` table, so nothing else is needed. Only new
tables: nothing existing is rewritten.

Revision ID: 0009_plans
Revises: 0008_journal
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_plans"
down_revision = "0008_journal"
branch_labels = None
depends_on = None

_RATING = "{column} IS NULL OR {column} BETWEEN 1 AND 5"


def _plan_row() -> sa.Column:
    return sa.Column("plan_row_id", sa.Integer(),
                     sa.ForeignKey("plans_imported.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "plans_imported",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("child_id", sa.Integer(),
                  sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
        sa.Column("plan_uid", sa.String(64), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
    )
    op.create_index("uq_plans_imported_active_child", "plans_imported", ["child_id"],
                    unique=True, sqlite_where=sa.text("ended_at IS NULL"))
    op.create_table(
        "plan_task_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_row(),
        sa.Column("task_id", sa.String(64), nullable=False),
        sa.Column("times_done", sa.Integer(), nullable=False),
        sa.Column("how_it_went", sa.Integer(), nullable=True),
        sa.Column("how_hard", sa.Integer(), nullable=True),
        sa.Column("got_in_the_way", sa.Text(), nullable=False),
        sa.Column("helped", sa.Text(), nullable=False),
        sa.Column("question_for_next", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("plan_row_id", "task_id", name="uq_plan_task_records_task"),
        sa.CheckConstraint("times_done >= 0", name="ck_plan_task_records_times_done"),
        sa.CheckConstraint(_RATING.format(column="how_it_went"),
                           name="ck_plan_task_records_how_it_went"),
        sa.CheckConstraint(_RATING.format(column="how_hard"),
                           name="ck_plan_task_records_how_hard"),
    )
    op.create_table(
        "plan_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_row(),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("plan_row_id", "question_id", name="uq_plan_answers_question"),
    )
    op.create_table(
        "plan_templates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("name", name="uq_plan_templates_name"),
    )
    op.create_table(
        "plans_built",
        sa.Column("plan_uid", sa.String(64), primary_key=True),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "reports_received",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("report_json", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("reports_received", "plans_built", "plan_templates", "plan_answers",
                  "plan_task_records"):
        op.drop_table(table)
    op.drop_index("uq_plans_imported_active_child", table_name="plans_imported")
    op.drop_table("plans_imported")
