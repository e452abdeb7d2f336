"""Pending check-ins following a schedule or family change, inside the caller's transaction.

``app.core.reconcile`` decides; this module reads what it needs and applies the answer in the
same transaction as the change itself (pause, resume, update, a child archived or deleted), so
there is never a moment where the rule says Monday and a row still rings on Sunday.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.checkins import Occurrence, Schedule
from app.core.reconcile import (
    PendingChange,
    mark_after_change,
    reconcile_pending,
    without_child,
)
from app.storage.models import (
    CheckinNoticeRow,
    CheckinOccurrenceChild,
    CheckinOccurrenceRow,
    CheckinScheduleRow,
    ChildRow,
    TalkRow,
)
from app.storage.times import from_db, to_db


def occurrence_value(row: CheckinOccurrenceRow, children: tuple[int, ...]) -> Occurrence:
    """A row as the ``Occurrence`` value the rest of the app works with (times aware UTC)."""
    slot_at, due_at = from_db(row.slot_at), from_db(row.due_at)
    assert slot_at is not None and due_at is not None
    return Occurrence(row.id, row.schedule_id, slot_at, due_at, row.zone, row.status, children,
                      row.rescheduled, from_db(row.snoozed_until), row.reason, row.note,
                      row.missed_noticed, from_db(row.resolved_at))


def children_of(session: Session, owner_column: Any, child_column: Any,
                owner_ids: list[int]) -> dict[int, tuple[int, ...]]:
    """Child ids per owner (schedule or occurrence), in one query for the whole list."""
    found: dict[int, list[int]] = {}
    if owner_ids:
        pairs = session.execute(select(owner_column, child_column)
                                .where(owner_column.in_(owner_ids))
                                .order_by(owner_column, child_column))
        for owner, child in pairs:
            found.setdefault(owner, []).append(child)
    return {owner: tuple(children) for owner, children in found.items()}


def reconcile_schedule_in(session: Session, row: CheckinScheduleRow, old: Schedule,
                          new: Schedule, now: dt.datetime) -> None:
    """Bring this schedule's pending check-ins and its mark in line with its new state."""
    pending = _pending(session, CheckinOccurrenceRow.schedule_id == row.id)
    taken = [from_db(slot) for slot in session.scalars(
        select(CheckinOccurrenceRow.slot_at).where(CheckinOccurrenceRow.schedule_id == row.id))]
    active = list(session.scalars(select(ChildRow.id).where(ChildRow.archived_at.is_(None))))
    changes = reconcile_pending(old, new, pending, now,
                                taken_slots=[t for t in taken if t is not None],
                                in_use=_in_use(session, [o.id for o in pending]),
                                active_children=active)
    _apply(session, changes)
    covered = from_db(row.covered_until)
    assert covered is not None
    row.covered_until = to_db(mark_after_change(old, new, covered, now))


def withdraw_child_in(session: Session, child_id: int, now: dt.datetime) -> None:
    """Take a child off every untouched pending check-in; one left with nobody is withdrawn.

    Runs inside the transaction that archives or deletes the child, before the delete (whose
    cascade would otherwise leave a pending check-in that rings for nobody).
    """
    pending = _pending(session, CheckinOccurrenceRow.id.in_(
        select(CheckinOccurrenceChild.occurrence_id)
        .where(CheckinOccurrenceChild.child_id == child_id)))
    in_use = _in_use(session, [o.id for o in pending])
    _apply(session, without_child(pending, child_id, now, in_use=in_use))


def _pending(session: Session, where: Any) -> list[Occurrence]:
    rows = list(session.scalars(select(CheckinOccurrenceRow).where(
        CheckinOccurrenceRow.status == "pending", where)))
    children = children_of(session, CheckinOccurrenceChild.occurrence_id,
                           CheckinOccurrenceChild.child_id, [r.id for r in rows])
    return [occurrence_value(r, children.get(r.id, ())) for r in rows]


def _in_use(session: Session, occurrence_ids: list[int]) -> set[int]:
    """Pending check-ins a talk was started from: history, never withdrawn or moved."""
    if not occurrence_ids:
        return set()
    found = session.scalars(select(TalkRow.occurrence_id).where(
        TalkRow.occurrence_id.in_(occurrence_ids)))
    return {i for i in found if i is not None}


def _apply(session: Session, changes: list[PendingChange]) -> None:
    for change in changes:
        links = CheckinOccurrenceChild.occurrence_id == change.occurrence_id
        notices = CheckinNoticeRow.occurrence_id == change.occurrence_id
        if change.withdraw:
            # An untouched pending row holds nothing typed: its notices and links go with it.
            session.execute(delete(CheckinNoticeRow).where(notices))
            session.execute(delete(CheckinOccurrenceChild).where(links))
            session.execute(delete(CheckinOccurrenceRow).where(
                CheckinOccurrenceRow.id == change.occurrence_id))
            continue
        if change.move_to is not None:
            row = session.get(CheckinOccurrenceRow, change.occurrence_id)
            if row is not None:
                row.slot_at = row.due_at = to_db(change.move_to)
            # Reminders already given were for the old time; the new time gets its own.
            session.execute(delete(CheckinNoticeRow).where(notices))
        if change.child_ids is not None:
            session.execute(delete(CheckinOccurrenceChild).where(links))
            session.add_all(CheckinOccurrenceChild(occurrence_id=change.occurrence_id,
                                                   child_id=child) for child in change.child_ids)
    session.flush()
