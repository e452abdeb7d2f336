"""The database tables, as SQLAlchemy models.

Every change here comes with an Alembic migration in ``migrations/versions``; a test checks
that running the migrations produces exactly these tables.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """A small key/value store for family-wide choices (e.g. the country for help lines)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class ChildRow(Base):
    __tablename__ = "children"
    __table_args__ = (
        CheckConstraint("birth_month BETWEEN 1 AND 12", name="ck_children_birth_month"),
        CheckConstraint("length(name) > 0", name="ck_children_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    birth_year: Mapped[int] = mapped_column(Integer, nullable=False)
    birth_month: Mapped[int] = mapped_column(Integer, nullable=False)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class EvidenceEntry(Base):
    """One line of the "Help now" evidence log: text only, never images.

    What the police and the hotlines ask for: where it happened, who (username, profile link),
    when, what was demanded, and where money was to be sent.
    """

    __tablename__ = "evidence_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="SET NULL"), nullable=True)
    platform: Mapped[str] = mapped_column(Text, nullable=False, default="")
    username: Mapped[str] = mapped_column(Text, nullable=False, default="")
    profile_link: Mapped[str] = mapped_column(Text, nullable=False, default="")
    happened_at: Mapped[str] = mapped_column(Text, nullable=False, default="")
    demanded: Mapped[str] = mapped_column(Text, nullable=False, default="")
    payment_handles: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class CaregiverRow(Base):
    """Someone who leads check-ins (Mum, Dad, Grandma): the list Settings → Family keeps.

    A schedule names its caregiver in ``checkin_schedules.caregiver``; names are unique here, so
    that name is the link, and renaming or removing one updates the schedules in the same
    transaction (``CaregiverStore``).
    """

    __tablename__ = "caregivers"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_caregivers_name"),
        UniqueConstraint("name", name="uq_caregivers_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class CheckinScheduleRow(Base):
    """A weekly (or fortnightly) check-in: the rule only; its occurrences are rows of their own.

    ``at_minute`` is minutes after local midnight in ``zone`` (an IANA name), so the family's
    wall-clock time holds across DST and a change of the computer's zone.
    """

    __tablename__ = "checkin_schedules"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_checkin_schedules_weekday"),
        CheckConstraint("at_minute BETWEEN 0 AND 1439", name="ck_checkin_schedules_at_minute"),
        CheckConstraint("every_weeks IN (1, 2)", name="ck_checkin_schedules_every_weeks"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, nullable=False)
    at_minute: Mapped[int] = mapped_column(Integer, nullable=False)
    zone: Mapped[str] = mapped_column(String(64), nullable=False)
    every_weeks: Mapped[int] = mapped_column(Integer, nullable=False)
    first_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    caregiver: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reminders: Mapped[str] = mapped_column(Text, nullable=False, default="")
    paused: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Occurrences up to this moment (UTC) exist as rows; later ones are computed when needed.
    covered_until: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class CheckinScheduleChild(Base):
    __tablename__ = "checkin_schedule_children"

    schedule_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("checkin_schedules.id", ondelete="CASCADE"), primary_key=True)
    child_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="CASCADE"), primary_key=True)


class CheckinOccurrenceRow(Base):
    """One check-in that came due: pending until it is done, skipped or missed.

    ``slot_at`` is the regular time it belonged to (unique per schedule, so a catch-up pass can
    never create it twice); ``due_at`` differs when the parent rescheduled it. Deleting a schedule
    keeps its history.
    """

    __tablename__ = "checkin_occurrences"
    __table_args__ = (
        UniqueConstraint("schedule_id", "slot_at", name="uq_checkin_occurrences_slot"),
        CheckConstraint("status IN ('pending', 'done', 'skipped', 'missed')",
                        name="ck_checkin_occurrences_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    schedule_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("checkin_schedules.id", ondelete="SET NULL"), nullable=True)
    slot_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    due_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, index=True)
    zone: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    rescheduled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    missed_noticed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class CheckinOccurrenceChild(Base):
    __tablename__ = "checkin_occurrence_children"

    occurrence_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("checkin_occurrences.id", ondelete="CASCADE"), primary_key=True)
    child_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="CASCADE"), primary_key=True)


class CheckinNoticeRow(Base):
    """A notification already given for an occurrence, so none is given twice or lost."""

    __tablename__ = "checkin_notices"

    occurrence_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("checkin_occurrences.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(48), primary_key=True)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class TalkRow(Base):
    """One guided talk: what was prepared, practised and felt, and how it went.

    ``occurrence_id`` links it to the check-in it fulfilled (none for a talk "any time").
    """

    __tablename__ = "talks"
    __table_args__ = (
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="ck_talks_rating"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurrence_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("checkin_occurrences.id", ondelete="SET NULL"), nullable=True)
    band: Mapped[str] = mapped_column(String(8), nullable=False)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    mood: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    come_back_to: Mapped[str] = mapped_column(Text, nullable=False, default="")
    refusal_id: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    practised: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reassurance_id: Mapped[str] = mapped_column(String(120), nullable=False, default="")


class TalkChild(Base):
    __tablename__ = "talk_children"

    talk_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("talks.id", ondelete="CASCADE"), primary_key=True)
    child_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="CASCADE"), primary_key=True)


class TalkItemRow(Base):
    """A starter offered in a talk and what became of it: talked, not today, or swapped."""

    __tablename__ = "talk_items"
    __table_args__ = (
        CheckConstraint("outcome IN ('talked', 'not-today', 'swapped')",
                        name="ck_talk_items_outcome"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    talk_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("talks.id", ondelete="CASCADE"), nullable=False, index=True)
    starter_id: Mapped[str] = mapped_column(String(120), nullable=False)
    topic_id: Mapped[str] = mapped_column(String(60), nullable=False)
    outcome: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DraftRow(Base):
    """Words the parent was typing when Porchlight locked, crashed or closed a window.

    The payload is JSON (an open evidence entry, a talk in progress, later a journal entry),
    encrypted with the rest of the database. A draft is removed once its window saves or the
    parent throws it away; until then it is offered back after every unlock.
    """

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


# The journal's and the plans' tables live in their own modules (import their classes from
# there); importing the modules here registers them with ``Base.metadata``, which the
# migrations and the schema test compare against.

from app.storage import journal_models as journal_models  # noqa: E402
from app.storage import plan_models as plan_models  # noqa: E402
