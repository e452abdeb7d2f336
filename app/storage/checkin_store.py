"""Reading and changing check-ins: the only code that runs SQL about schedules and occurrences.

Rows go in and ``app.core.checkins`` values come out. Times are stored as naive UTC (SQLite has
no zones) and handed back aware; each schedule keeps its own IANA zone. What has been done,
skipped, missed and notified lives here — the scheduler in memory is rebuilt from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session, sessionmaker

from app.core.checkins import Occurrence, Schedule
from app.core.clock import Clock
from app.core.schedules import ScheduleProblem, ScheduleSpec, check_spec
from app.storage.models import (
    CheckinNoticeRow,
    CheckinOccurrenceChild,
    CheckinOccurrenceRow,
    CheckinScheduleChild,
    CheckinScheduleRow,
    ChildRow,
)
from app.storage.pending_checkins import (
    children_of,
    occurrence_value,
    reconcile_schedule_in,
    withdraw_child_in,
)
from app.storage.times import from_db, to_db
from app.storage.writes import writing


class CheckinNotFound(LookupError):
    pass


def _spec(row: CheckinScheduleRow) -> ScheduleSpec:
    return ScheduleSpec(row.weekday, dt.time(row.at_minute // 60, row.at_minute % 60), row.zone,
                        row.every_weeks, row.first_date,
                        tuple(r for r in row.reminders.split(",") if r))


class CheckinStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    # -- schedules ------------------------------------------------------------------------

    def schedules(self) -> list[Schedule]:
        with self._sessions() as session:
            rows = list(session.scalars(select(CheckinScheduleRow)
                                        .order_by(CheckinScheduleRow.id)))
            children = children_of(session, CheckinScheduleChild.schedule_id,
                                      CheckinScheduleChild.child_id, [r.id for r in rows])
            return [Schedule(r.id, _spec(r), children.get(r.id, ()), r.caregiver, r.paused)
                    for r in rows]

    def schedule(self, schedule_id: int) -> Schedule:
        with self._sessions() as session:
            return self._schedule(session, self._schedule_row(session, schedule_id))

    def covered_until(self) -> dict[int, dt.datetime]:
        """Per schedule, the moment up to which its occurrences exist as rows."""
        with self._sessions() as session:
            found = session.execute(select(CheckinScheduleRow.id,
                                           CheckinScheduleRow.covered_until))
            return {schedule_id: aware for schedule_id, mark in found
                    if (aware := from_db(mark)) is not None}

    def add_schedule(self, spec: ScheduleSpec, child_ids: Iterable[int],
                     caregiver: str = "") -> Schedule:
        spec, children = check_spec(spec), self._check_children(child_ids)
        now = to_db(self._clock.now())
        row = CheckinScheduleRow(covered_until=now, created_at=now, updated_at=now, paused=False)
        self._apply(row, spec, caregiver)
        with writing(self._sessions) as session:
            session.add(row)
            session.flush()
            session.add_all(CheckinScheduleChild(schedule_id=row.id, child_id=c) for c in children)
            session.flush()
            return self._schedule(session, row)

    def update_schedule(self, schedule_id: int, spec: ScheduleSpec, child_ids: Iterable[int],
                        caregiver: str = "") -> Schedule:
        """Change the rule; the untouched pending check-in follows it (see ``app.core.reconcile``).

        Moved from Sunday to Monday, Sunday's check-in moves to Monday; a child taken off is
        taken off the pending check-in too. One moved by hand or snoozed keeps its time.
        """
        spec, children = check_spec(spec), self._check_children(child_ids)
        with writing(self._sessions) as session:
            row = self._schedule_row(session, schedule_id)
            old = self._schedule(session, row)
            self._apply(row, spec, caregiver)
            row.updated_at = to_db(self._clock.now())
            session.execute(delete(CheckinScheduleChild)
                            .where(CheckinScheduleChild.schedule_id == schedule_id))
            session.add_all(CheckinScheduleChild(schedule_id=row.id, child_id=c) for c in children)
            session.flush()
            new = self._schedule(session, row)
            reconcile_schedule_in(session, row, old, new, self._clock.now())
            return new

    def set_paused(self, schedule_id: int, paused: bool) -> Schedule:
        """A paused schedule makes no check-ins and withdraws its untouched pending one (no
        reminder, no "Missed"); resuming starts afresh, with nothing "missed"."""
        with writing(self._sessions) as session:
            row = self._schedule_row(session, schedule_id)
            old = self._schedule(session, row)
            row.paused, row.updated_at = paused, to_db(self._clock.now())
            new = self._schedule(session, row)
            reconcile_schedule_in(session, row, old, new, self._clock.now())
            return new

    def remove_child_from_pending(self, child_id: int) -> None:
        """A child archived or deleted: off every untouched pending check-in (own transaction).

        ``FamilyStore`` calls ``withdraw_child_in`` inside its own transaction instead.
        """
        with writing(self._sessions) as session:
            withdraw_child_in(session, child_id, self._clock.now())

    def delete_schedule(self, schedule_id: int) -> None:
        """Delete the rule and its upcoming check-ins; talks already had stay in the history."""
        with writing(self._sessions) as session:
            row = self._schedule_row(session, schedule_id)
            session.execute(delete(CheckinOccurrenceRow).where(
                CheckinOccurrenceRow.schedule_id == schedule_id,
                CheckinOccurrenceRow.status == "pending"))
            session.delete(row)

    # -- occurrences ----------------------------------------------------------------------

    def create_occurrences(self, schedule_id: int, slots: list[dt.datetime],
                           covered_until: dt.datetime) -> None:
        """Add pending rows for these slots (never twice) and move the schedule's mark on."""
        with writing(self._sessions) as session:
            row = self._schedule_row(session, schedule_id)
            # Archived children stay linked to the rule but get no new check-ins; a rule left
            # with no child makes none (it would ring for nobody).
            children = list(session.scalars(
                select(CheckinScheduleChild.child_id).join(
                    ChildRow, ChildRow.id == CheckinScheduleChild.child_id)
                .where(CheckinScheduleChild.schedule_id == schedule_id,
                       ChildRow.archived_at.is_(None))))
            for slot in slots if children else []:
                result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
                    insert(CheckinOccurrenceRow).values(
                        schedule_id=schedule_id, slot_at=to_db(slot), due_at=to_db(slot),
                        zone=row.zone, status="pending", rescheduled=False, reason="",
                        note="", missed_noticed=False).on_conflict_do_nothing())
                if result.rowcount and result.inserted_primary_key is not None:
                    occurrence_id = result.inserted_primary_key[0]
                    session.add_all(CheckinOccurrenceChild(occurrence_id=occurrence_id,
                                                           child_id=c) for c in children)
            row.covered_until = max(row.covered_until, to_db(covered_until))

    def occurrences(self, *, status: str | None = None, child_id: int | None = None,
                    slot_after: dt.datetime | None = None) -> list[Occurrence]:
        """Oldest first; ``slot_after`` keeps only those whose slot is later (recent ones)."""
        query = select(CheckinOccurrenceRow).order_by(CheckinOccurrenceRow.due_at,
                                                      CheckinOccurrenceRow.id)
        if slot_after is not None:
            query = query.where(CheckinOccurrenceRow.slot_at > to_db(slot_after))
        if status is not None:
            query = query.where(CheckinOccurrenceRow.status == status)
        if child_id is not None:
            query = query.join(CheckinOccurrenceChild).where(
                CheckinOccurrenceChild.child_id == child_id)
        with self._sessions() as session:
            rows = list(session.scalars(query))
            children = children_of(session, CheckinOccurrenceChild.occurrence_id,
                                      CheckinOccurrenceChild.child_id, [r.id for r in rows])
            return [occurrence_value(row, children.get(row.id, ())) for row in rows]

    def occurrence(self, occurrence_id: int) -> Occurrence:
        with self._sessions() as session:
            return self._occurrence(session, self._occurrence_row(session, occurrence_id))

    def mark_done(self, occurrence_id: int, note: str = "") -> Occurrence:
        return self._resolve(occurrence_id, "done", note=note.strip())

    def skip(self, occurrence_id: int, reason: str) -> Occurrence:
        return self._resolve(occurrence_id, "skipped", reason=reason.strip())

    def mark_missed(self, occurrence_ids: list[int]) -> None:
        """Mark check-ins nobody acted on as missed, all in one transaction."""
        if not occurrence_ids:
            return
        now = to_db(self._clock.now())
        with writing(self._sessions) as session:
            for occurrence_id in occurrence_ids:
                row = self._occurrence_row(session, occurrence_id)
                row.status, row.resolved_at, row.snoozed_until = "missed", now, None

    def snooze(self, occurrence_id: int, until: dt.datetime) -> Occurrence:
        with writing(self._sessions) as session:
            row = self._occurrence_row(session, occurrence_id)
            row.snoozed_until = to_db(until)
            return self._occurrence(session, row)

    def reschedule(self, occurrence_id: int, due: dt.datetime) -> Occurrence:
        """Move one check-in to another time; the regular rule is unchanged."""
        with writing(self._sessions) as session:
            row = self._occurrence_row(session, occurrence_id)
            row.due_at, row.rescheduled, row.snoozed_until = to_db(due), True, None
            session.execute(delete(CheckinNoticeRow).where(
                CheckinNoticeRow.occurrence_id == occurrence_id))
            return self._occurrence(session, row)

    def acknowledge_missed(self, occurrence_ids: list[int]) -> None:
        with writing(self._sessions) as session:
            for occurrence_id in occurrence_ids:
                self._occurrence_row(session, occurrence_id).missed_noticed = True

    def record_unscheduled(self, child_ids: Iterable[int], note: str = "") -> Occurrence:
        """A talk had any time, outside a schedule: it counts in the history all the same."""
        children, now = self._check_children(child_ids), to_db(self._clock.now())
        with writing(self._sessions) as session:
            row = CheckinOccurrenceRow(schedule_id=None, slot_at=now, due_at=now, zone="UTC",
                                       status="done", rescheduled=False, reason="",
                                       note=note.strip(), missed_noticed=True, resolved_at=now)
            session.add(row)
            session.flush()
            session.add_all(CheckinOccurrenceChild(occurrence_id=row.id, child_id=c)
                            for c in children)
            session.flush()
            return self._occurrence(session, row)

    # -- notices --------------------------------------------------------------------------

    def sent_notices(self, occurrence_ids: list[int]) -> dict[int, set[str]]:
        sent: dict[int, set[str]] = {i: set() for i in occurrence_ids}
        if not occurrence_ids:
            return sent
        with self._sessions() as session:
            for row in session.scalars(select(CheckinNoticeRow).where(
                    CheckinNoticeRow.occurrence_id.in_(occurrence_ids))):
                sent[row.occurrence_id].add(row.kind)
        return sent

    def record_notices(self, given: list[tuple[int, str]]) -> None:
        if not given:
            return
        now = to_db(self._clock.now())
        with writing(self._sessions) as session:
            for occurrence_id, kind in given:
                session.execute(insert(CheckinNoticeRow).values(
                    occurrence_id=occurrence_id, kind=kind, sent_at=now).on_conflict_do_nothing())

    # -- helpers --------------------------------------------------------------------------

    def _resolve(self, occurrence_id: int, status: str, *, note: str = "",
                 reason: str = "") -> Occurrence:
        with writing(self._sessions) as session:
            row = self._occurrence_row(session, occurrence_id)
            row.status, row.resolved_at = status, to_db(self._clock.now())
            row.note, row.reason = note or row.note, reason or row.reason
            row.snoozed_until = None
            return self._occurrence(session, row)

    @staticmethod
    def _check_children(child_ids: Iterable[int]) -> list[int]:
        children = sorted(set(child_ids))
        if not children:
            raise ScheduleProblem("no_child")
        return children

    @staticmethod
    def _apply(row: CheckinScheduleRow, spec: ScheduleSpec, caregiver: str) -> None:
        row.weekday, row.at_minute = spec.weekday, spec.at.hour * 60 + spec.at.minute
        row.zone, row.every_weeks, row.first_date = spec.zone, spec.every_weeks, spec.first_date
        row.reminders, row.caregiver = ",".join(spec.reminders), caregiver.strip()[:80]

    @staticmethod
    def _schedule(session: Session, row: CheckinScheduleRow) -> Schedule:
        children = tuple(session.scalars(select(CheckinScheduleChild.child_id).where(
            CheckinScheduleChild.schedule_id == row.id).order_by(CheckinScheduleChild.child_id)))
        return Schedule(row.id, _spec(row), children, row.caregiver, row.paused)

    @classmethod
    def _occurrence(cls, session: Session, row: CheckinOccurrenceRow) -> Occurrence:
        children = children_of(session, CheckinOccurrenceChild.occurrence_id,
                                 CheckinOccurrenceChild.child_id, [row.id])
        return occurrence_value(row, children.get(row.id, ()))

    @staticmethod
    def _schedule_row(session: Session, schedule_id: int) -> CheckinScheduleRow:
        row = session.get(CheckinScheduleRow, schedule_id)
        if row is None:
            raise CheckinNotFound(schedule_id)
        return row

    @staticmethod
    def _occurrence_row(session: Session, occurrence_id: int) -> CheckinOccurrenceRow:
        row = session.get(CheckinOccurrenceRow, occurrence_id)
        if row is None:
            raise CheckinNotFound(occurrence_id)
        return row

