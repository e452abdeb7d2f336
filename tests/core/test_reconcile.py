"""The reconcile rules alone: what a pause, a move or a change of children does to a check-in."""

from __future__ import annotations

import datetime as dt

from app.core.checkins import Occurrence, Schedule
from app.core.reconcile import (
    PendingChange,
    is_untouched,
    mark_after_change,
    reconcile_pending,
    timing_changed,
    without_child,
)
from app.core.schedules import ScheduleSpec

SUNDAY = ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29))
MONDAY = ScheduleSpec(0, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 30))
SLOT = dt.datetime(2026, 11, 29, 18, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 28, 21, 0, tzinfo=dt.UTC)  # Saturday evening


def pending(**changes) -> Occurrence:
    values = dict(id=7, schedule_id=1, slot_at=SLOT, due_at=SLOT, zone="Europe/London",
                  status="pending", child_ids=(1, 2))
    values.update(changes)
    return Occurrence(**values)  # type: ignore[arg-type]


def schedule(spec=SUNDAY, children=(1, 2), paused=False) -> Schedule:
    return Schedule(1, spec, children, paused=paused)


def test_pausing_withdraws_the_untouched_check_in():
    changes = reconcile_pending(schedule(), schedule(paused=True), [pending()], NOW)
    assert changes == [PendingChange(7, withdraw=True)]


def test_history_and_what_the_parent_touched_are_never_changed():
    rows = [pending(id=1, rescheduled=True, due_at=SLOT + dt.timedelta(days=1)),
            pending(id=2, snoozed_until=SLOT + dt.timedelta(hours=1)),
            pending(id=3, status="done"), pending(id=4, status="skipped"),
            pending(id=5, status="missed"), pending(id=6, schedule_id=2), pending(id=8)]
    changes = reconcile_pending(schedule(), schedule(paused=True), rows, NOW, in_use=[8])
    assert changes == []
    assert not is_untouched(pending(), SLOT + dt.timedelta(hours=24))  # missed by now


def test_moving_sunday_to_monday_moves_the_check_in_to_monday():
    changes = reconcile_pending(schedule(), schedule(MONDAY), [pending()], NOW,
                                taken_slots=[SLOT])
    assert changes == [PendingChange(7, move_to=SLOT + dt.timedelta(days=1))]


def test_a_move_never_lands_on_a_slot_that_already_has_a_check_in():
    monday = SLOT + dt.timedelta(days=1)
    changes = reconcile_pending(schedule(), schedule(MONDAY), [pending()], NOW,
                                taken_slots=[SLOT, monday])
    assert changes == [PendingChange(7, move_to=monday + dt.timedelta(weeks=1))]


def test_changing_only_the_reminders_changes_nothing():
    quiet = ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29), ("60",))
    assert not timing_changed(SUNDAY, quiet)
    assert reconcile_pending(schedule(), schedule(quiet), [pending()], NOW) == []


def test_children_follow_the_schedule_and_an_empty_check_in_is_withdrawn():
    assert reconcile_pending(schedule(), schedule(children=(1,)), [pending()], NOW) == [
        PendingChange(7, child_ids=(1,))]
    archived_only = reconcile_pending(schedule(), schedule(children=(2,)), [pending()], NOW,
                                      active_children=[1])
    assert archived_only == [PendingChange(7, withdraw=True)]


def test_a_child_leaving_the_family_leaves_every_untouched_check_in():
    rows = [pending(id=1), pending(id=2, child_ids=(2,)), pending(id=3, rescheduled=True)]
    assert without_child(rows, 2, NOW) == [PendingChange(1, child_ids=(1,)),
                                           PendingChange(2, withdraw=True)]


def test_the_mark_goes_back_on_pause_and_forward_on_resume_or_move():
    later = SLOT
    assert mark_after_change(schedule(), schedule(paused=True), later, NOW) == NOW
    assert mark_after_change(schedule(paused=True), schedule(), SLOT - dt.timedelta(days=9),
                             NOW) == NOW
    assert mark_after_change(schedule(), schedule(MONDAY), SLOT - dt.timedelta(days=9),
                             NOW) == NOW
    assert mark_after_change(schedule(), schedule(children=(1,)), later, NOW) == later
