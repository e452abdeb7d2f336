"""What a schedule change means for check-ins already created: the rules, with no database.

A check-in row is created a day or so before its time, so the evening-before reminder can ring.
When the parent then pauses the schedule, moves it to another day or takes a child off it, the
row made under the old rule must follow the new one — otherwise a paused schedule still rings
and then records a "Missed", and a check-in moved from Sunday to Monday still rings on Sunday.

Only *untouched* pending check-ins follow: created by the rule and never acted on. One the
parent moved by hand or snoozed, or one already done, skipped or missed, is history and is never
changed here. A withdrawn check-in is deleted by the store: an untouched pending row holds
nothing the parent typed (no note, no reason), and deleting it needs no new status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.checkins import Occurrence, Schedule, is_missed
from app.core.schedules import ScheduleSpec, slots_between

ONE_SECOND = dt.timedelta(seconds=1)


@dataclass(frozen=True)
class PendingChange:
    """What to do with one pending check-in; fields left at None stay as they are."""

    occurrence_id: int
    withdraw: bool = False
    move_to: dt.datetime | None = None  # the new rule's slot (aware UTC): slot and due time
    child_ids: tuple[int, ...] | None = None


def is_untouched(occurrence: Occurrence, now: dt.datetime) -> bool:
    """Created by the rule and never acted on: the only kind a schedule change may alter."""
    return (occurrence.status == "pending" and not occurrence.rescheduled
            and occurrence.snoozed_until is None and not is_missed(occurrence, now))


def timing_changed(old: ScheduleSpec, new: ScheduleSpec) -> bool:
    """True when the rule's slots differ (day, time, zone, every one or two weeks, parity)."""
    return ((old.weekday, old.at, old.zone, old.every_weeks, old.first_date)
            != (new.weekday, new.at, new.zone, new.every_weeks, new.first_date))


def is_slot_of(spec: ScheduleSpec, moment: dt.datetime) -> bool:
    return slots_between(spec, moment - ONE_SECOND, moment) == [moment]


def reconcile_pending(old: Schedule, new: Schedule, pending: Iterable[Occurrence],
                      now: dt.datetime, *, taken_slots: Iterable[dt.datetime] = (),
                      in_use: Iterable[int] = (),
                      active_children: Iterable[int] | None = None) -> list[PendingChange]:
    """The changes that bring this schedule's pending check-ins in line with its new state.

    ``taken_slots`` are the slots of every row this schedule already has (a check-in is never
    moved onto a slot that has one); ``in_use`` are check-ins a talk was started from (left
    alone, like any other history); ``active_children`` are the family's children who are
    not archived (None: all of them).

    - paused: every untouched check-in not yet missed is withdrawn — nothing rings, nothing
      turns "Missed" (one already ringing too: the parent has said not now);
    - day or time moved: the check-in of the old slot moves to the new rule's first free slot
      after ``now`` (further ones, rare, are withdrawn: the catch-up creates them when due);
    - children changed: the check-in's children become the schedule's (active) children, and
      one left with no child is withdrawn.
    """
    skip = set(in_use)
    mine = sorted((o for o in pending if o.schedule_id == old.id and o.id not in skip
                   and is_untouched(o, now)), key=lambda o: o.slot_at)
    if new.paused:
        return [PendingChange(o.id, withdraw=True) for o in mine]
    children = set(new.child_ids)
    if active_children is not None:
        children &= set(active_children)
    wanted = tuple(sorted(children))
    changes: list[PendingChange] = []
    moves = _moves(new.spec, mine, now, set(taken_slots)) \
        if timing_changed(old.spec, new.spec) else {o.id: None for o in mine}
    for occurrence in mine:
        if not wanted or occurrence.id not in moves:
            changes.append(PendingChange(occurrence.id, withdraw=True))
            continue
        move_to = moves[occurrence.id]
        new_children = wanted if wanted != tuple(sorted(occurrence.child_ids)) else None
        if move_to is not None or new_children is not None:
            changes.append(PendingChange(occurrence.id, move_to=move_to, child_ids=new_children))
    return changes


def _moves(spec: ScheduleSpec, mine: list[Occurrence], now: dt.datetime,
           taken: set[dt.datetime]) -> dict[int, dt.datetime | None]:
    """Per check-in kept: None if it already sits on a slot of ``spec``, else its new slot.

    Check-ins missing from the answer are to be withdrawn.
    """
    found: dict[int, dt.datetime | None] = {}
    movable = []
    for occurrence in mine:
        if is_slot_of(spec, occurrence.slot_at):
            found[occurrence.id] = None
        else:
            movable.append(occurrence)
    if not movable:
        return found
    horizon = now + dt.timedelta(weeks=spec.every_weeks * 3)
    busy = taken - {o.slot_at for o in movable}
    free = [s for s in slots_between(spec, now, horizon) if s not in busy]
    if free:
        found[movable[0].id] = free[0]
    return found


def without_child(pending: Iterable[Occurrence], child_id: int, now: dt.datetime, *,
                  in_use: Iterable[int] = ()) -> list[PendingChange]:
    """A child archived or deleted: off every untouched pending check-in; an empty one goes."""
    skip = set(in_use)
    changes = []
    for occurrence in pending:
        if (occurrence.id in skip or child_id not in occurrence.child_ids
                or not is_untouched(occurrence, now)):
            continue
        rest = tuple(c for c in occurrence.child_ids if c != child_id)
        changes.append(PendingChange(occurrence.id, withdraw=not rest,
                                     child_ids=rest if rest else None))
    return changes


def mark_after_change(old: Schedule, new: Schedule, covered_until: dt.datetime,
                      now: dt.datetime) -> dt.datetime:
    """Where the schedule's "rows exist up to here" mark goes after a change.

    Pausing brings it back to ``now`` so a slot withdrawn now is made again if the parent
    resumes before its time; resuming or moving the rule starts at ``now`` so no slot of the
    new rule in the past is created as a check-in that was never really there to miss.
    """
    if new.paused and not old.paused:
        return min(covered_until, now)
    if (old.paused and not new.paused) or timing_changed(old.spec, new.spec):
        return max(covered_until, now)
    return covered_until
