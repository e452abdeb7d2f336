"""A child archived or deleted leaves the pending check-ins with them, in the same transaction."""

from __future__ import annotations

import datetime as dt

from app.core.schedules import EVENING_BEFORE, ScheduleSpec
from app.scheduling.catch_up import run_catch_up

SUNDAY_SIX = ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29),
                          (EVENING_BEFORE, "15"))
SATURDAY_EVENING = dt.datetime(2026, 11, 28, 19, 0, tzinfo=dt.UTC)
SUNDAY_SIX_PM = dt.datetime(2026, 11, 29, 18, 0, tzinfo=dt.UTC)


def test_archiving_a_child_takes_them_off_the_pending_check_in(services, clock):
    sam, maya = services.family.add("Sam", 2016, 4), services.family.add("Maya", 2018, 2)
    services.checkins.add_schedule(SUNDAY_SIX, [sam.id, maya.id])
    run_catch_up(services.checkins, SATURDAY_EVENING)
    services.family.set_archived(maya.id, True)
    assert [o.child_ids for o in services.checkins.occurrences()] == [(sam.id,)]
    services.family.set_archived(sam.id, True)  # nobody left: withdrawn, rings for nobody
    assert services.checkins.occurrences() == []
    clock.set(SUNDAY_SIX_PM)
    assert run_catch_up(services.checkins, clock.now()).notices == []


def test_archived_children_get_no_new_check_ins(services, clock):
    sam, maya = services.family.add("Sam", 2016, 4), services.family.add("Maya", 2018, 2)
    services.checkins.add_schedule(SUNDAY_SIX, [sam.id, maya.id])
    services.family.set_archived(maya.id, True)
    clock.set(SUNDAY_SIX_PM)
    result = run_catch_up(services.checkins, clock.now())
    assert [n.child_ids for n in result.notices] == [(sam.id,)]


def test_deleting_the_only_child_withdraws_the_pending_check_in(services, clock):
    sam = services.family.add("Sam", 2016, 4)
    services.checkins.add_schedule(SUNDAY_SIX, [sam.id])
    run_catch_up(services.checkins, SATURDAY_EVENING)
    services.family.delete(sam.id)
    assert services.checkins.occurrences() == []
    clock.set(SUNDAY_SIX_PM + dt.timedelta(days=1, hours=1))
    result = run_catch_up(services.checkins, clock.now())
    assert result.notices == [] and result.missed == []


def test_a_snoozed_check_in_keeps_its_children(services, clock):
    sam, maya = services.family.add("Sam", 2016, 4), services.family.add("Maya", 2018, 2)
    services.checkins.add_schedule(SUNDAY_SIX, [sam.id, maya.id])
    clock.set(SUNDAY_SIX_PM)
    due = run_catch_up(services.checkins, clock.now()).due[0]
    services.checkins.snooze(due.id, SUNDAY_SIX_PM + dt.timedelta(hours=1))
    services.family.set_archived(maya.id, True)
    assert services.checkins.occurrence(due.id).child_ids == (sam.id, maya.id)
