"""Counsellor homework's tables (imported plans, task records, answers, templates, built plans,
reports received), kept apart from ``models`` so each module holds one part of the schema.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import Base


class PlanImportedRow(Base):
    """A plan a family imported for one child, kept as the model's JSON (``plans.codec``).

    ``plan_uid`` and ``plan_version`` repeat the plan's own id and version so a report or a
    newer file for the same plan is matched without reading the JSON. ``ended_at`` set means
    the plan is over; at most one plan per child is not (the partial index below). The plan
    goes with the child: it was written for them, and deleting a child deletes everything
    noted about them.
    """

    __tablename__ = "plans_imported"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="CASCADE"), nullable=False)
    plan_uid: Mapped[str] = mapped_column(String(64), nullable=False)
    plan_version: Mapped[int] = mapped_column(Integer, nullable=False)
    plan_json: Mapped[str] = mapped_column(Text, nullable=False)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


# One active plan per child, held by the database too (the store checks first and says so).
Index("uq_plans_imported_active_child", PlanImportedRow.child_id, unique=True,
      sqlite_where=PlanImportedRow.ended_at.is_(None))


class PlanTaskRecordRow(Base):
    """How one task of an imported plan went (after the Homework Rating Scale), one per task."""

    __tablename__ = "plan_task_records"
    __table_args__ = (
        UniqueConstraint("plan_row_id", "task_id", name="uq_plan_task_records_task"),
        CheckConstraint("times_done >= 0", name="ck_plan_task_records_times_done"),
        CheckConstraint("how_it_went IS NULL OR how_it_went BETWEEN 1 AND 5",
                        name="ck_plan_task_records_how_it_went"),
        CheckConstraint("how_hard IS NULL OR how_hard BETWEEN 1 AND 5",
                        name="ck_plan_task_records_how_hard"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_row_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plans_imported.id", ondelete="CASCADE"), nullable=False)
    task_id: Mapped[str] = mapped_column(String(64), nullable=False)
    times_done: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    how_it_went: Mapped[int | None] = mapped_column(Integer, nullable=True)
    how_hard: Mapped[int | None] = mapped_column(Integer, nullable=True)
    got_in_the_way: Mapped[str] = mapped_column(Text, nullable=False, default="")
    helped: Mapped[str] = mapped_column(Text, nullable=False, default="")
    question_for_next: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class PlanAnswerRow(Base):
    """The family's answer to one weekly question of an imported plan (the latest one kept)."""

    __tablename__ = "plan_answers"
    __table_args__ = (
        UniqueConstraint("plan_row_id", "question_id", name="uq_plan_answers_question"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_row_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plans_imported.id", ondelete="CASCADE"), nullable=False)
    question_id: Mapped[str] = mapped_column(String(64), nullable=False)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class PlanTemplateRow(Base):
    """A counsellor's plan saved under a name to start the next one from."""

    __tablename__ = "plan_templates"
    __table_args__ = (UniqueConstraint("name", name="uq_plan_templates_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    plan_json: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class PlanBuiltRow(Base):
    """A plan the counsellor built for a family, the latest save of each plan id."""

    __tablename__ = "plans_built"

    plan_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    plan_json: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class ReportReceivedRow(Base):
    """A family's progress report the counsellor opened and kept, as the model's JSON."""

    __tablename__ = "reports_received"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_json: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
