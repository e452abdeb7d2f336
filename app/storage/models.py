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
    Index,
    Integer,
    LargeBinary,
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


# ---------------------------------------------------------------- the warning-signs journal


class JournalEntryRow(Base):
    """One journal entry as it stands now: which revision is current, and what lists need.

    Child, time, strength and "come back" are copied from the current revision so that the
    timeline's pages and counts read this table alone, even at 50,000 entries. ``deleted_at``
    hides an entry (restorable); a purge removes the row and, by cascade, every revision.
    ``locked_note_id`` is the sealed inbox note it came from, so a note is never merged twice.
    """

    __tablename__ = "journal_entries"
    __table_args__ = (
        CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 3",
                        name="ck_journal_entries_strength"),
        UniqueConstraint("locked_note_id", name="uq_journal_entries_locked_note_id"),
        Index("ix_journal_entries_child_noted", "child_id", "noted_at"),
        Index("ix_journal_entries_noted", "noted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="SET NULL"), nullable=True)
    noted_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    come_back: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    current_revision: Mapped[int] = mapped_column(Integer, nullable=False)
    locked_note_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class JournalRevisionRow(Base):
    """One saved version of an entry, never changed afterwards (only a purge removes it).

    ``signs`` and ``tags`` are JSON lists in the order the caregiver picked them.
    """

    __tablename__ = "journal_revisions"
    __table_args__ = (
        UniqueConstraint("entry_id", "number", name="uq_journal_revisions_number"),
        CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 3",
                        name="ck_journal_revisions_strength"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    restored_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="SET NULL"), nullable=True)
    noted_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    signs: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    tags: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    saw: Mapped[str] = mapped_column(Text, nullable=False, default="")
    think: Mapped[str] = mapped_column(Text, nullable=False, default="")
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    did: Mapped[str] = mapped_column(Text, nullable=False, default="")
    come_back: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class JournalEntrySign(Base):
    """A sign of an entry's current revision: what filters, counts and rules look up."""

    __tablename__ = "journal_entry_signs"
    # Covering: "which entries have these signs" is answered from the index alone.
    __table_args__ = (Index("ix_journal_entry_signs_sign_entry", "sign_id", "entry_id"),)

    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True)
    sign_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class JournalEntryTag(Base):
    """A caregiver's own tag on an entry's current revision."""

    __tablename__ = "journal_entry_tags"

    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(Text, primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class JournalRuleSettingRow(Base):
    """The parent's choice for one pattern rule: on or off, and their own numbers (JSON)."""

    __tablename__ = "journal_rule_settings"

    rule_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    params: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class JournalRuleFiringRow(Base):
    """A rule that fired for a child (or the family) on a day, and the entries that made it."""

    __tablename__ = "journal_rule_firings"
    __table_args__ = (
        UniqueConstraint("rule_id", "child_id", "fired_on", name="uq_journal_rule_firings_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(120), nullable=False)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="CASCADE"), nullable=True)
    fired_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    entry_ids: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    dismissed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class JournalInboxKeyRow(Base):
    """The key pair notes written while locked are sealed to; the private half lives only here."""

    __tablename__ = "journal_inbox_key"
    __table_args__ = (CheckConstraint("id = 1", name="ck_journal_inbox_key_single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


# ---------------------------------------------------------------- counsellor homework plans


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
