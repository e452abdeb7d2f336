"""The catch-up pass on a real encrypted database with an injected clock."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.schedules import EVENING_BEFORE, ScheduleProblem, ScheduleSpec
from app.scheduling.catch_up import run_catch_up

LONDON = "Europe/London"
# Sunday 18:00 London; the clock fixture starts Monday 2026-11-23 18:00 UTC (= London).
SUNDAY_SIX = ScheduleSpec(6, dt.time(18, 0), LONDON, 1, dt.date(2026, 11, 29),
                          (EVENING_BEFORE, "15"))


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


@pytest.fixture
def sam(services):
    return services.family.add("Sam", 2016, 4)


@pytest.fixture
def store(services):
    return services.checkins


def test_nothing_is_due_before_the_first_slot(store, sam, clock):
    store.add_schedule(SUNDAY_SIX, [sam.id])
    result = run_catch_up(store, clock.now())
    assert result.due == [] and result.notices == [] and result.missed == []
    assert store.occurrences() == []


def test_reminders_then_due_then_done(store, sam, clock):
    store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 11, 28, 19, 0))  # Saturday 19:00: the evening before
    result = run_catch_up(store, clock.now())
    assert [n.kind for n in result.notices] == ["reminder:evening"]
    assert run_catch_up(store, clock.now()).notices == []  # never twice
    clock.set(utc(2026, 11, 29, 17, 46))
    assert [n.kind for n in run_catch_up(store, clock.now()).notices] == ["reminder:15"]
    clock.set(utc(2026, 11, 29, 18, 0))
    result = run_catch_up(store, clock.now())
    assert [n.kind for n in result.notices] == ["due"]
    assert [o.child_ids for o in result.due] == [(sam.id,)]
    store.mark_done(result.due[0].id, "Talked in the car.")
    assert run_catch_up(store, clock.now()).due == []
    assert store.occurrences(child_id=sam.id)[0].note == "Talked in the car."


def test_app_closed_three_weeks_gives_one_missed_notice_and_three_missed(store, sam, clock):
    store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 12, 16, 9, 0))  # Wednesday after the third Sunday
    result = run_catch_up(store, clock.now())
    history = store.occurrences(child_id=sam.id)
    assert [o.status for o in history] == ["missed", "missed", "missed"]
    assert len(result.missed) == 1 and result.missed[0].count == 3
    assert [(n.kind, n.count) for n in result.notices] == [("missed", 3)]
    # The next pass (heartbeat, restart) does not notify again; the banner stays until seen.
    again = run_catch_up(store, clock.now())
    assert again.notices == [] and again.missed[0].count == 3
    store.acknowledge_missed(list(again.missed[0].occurrence_ids))
    assert run_catch_up(store, clock.now()).missed == []


def test_several_reminders_while_closed_give_one_nudge(store, sam, clock):
    store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 11, 29, 17, 50))  # both reminders have rung while the app was closed
    result = run_catch_up(store, clock.now())
    assert [n.kind for n in result.notices] == ["reminder:15"]


def test_snooze_one_hour_fires_again_an_hour_later(store, sam, clock):
    store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 11, 29, 18, 0))
    due = run_catch_up(store, clock.now()).due[0]
    store.snooze(due.id, clock.now() + dt.timedelta(hours=1))
    clock.advance(dt.timedelta(minutes=59))
    result = run_catch_up(store, clock.now())
    assert result.due == [] and result.notices == []
    clock.advance(dt.timedelta(minutes=1))
    result = run_catch_up(store, clock.now())
    assert [o.id for o in result.due] == [due.id]
    assert [n.kind for n in result.notices] == ["snooze:2026-11-29T19:00:00+00:00"]


def test_skip_keeps_its_reason_and_reschedule_moves_one(store, sam, clock):
    store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 11, 29, 18, 5))
    first = run_catch_up(store, clock.now()).due[0]
    store.skip(first.id, "Grandma visiting")
    clock.set(utc(2026, 12, 6, 18, 1))
    second = run_catch_up(store, clock.now()).due[0]
    store.reschedule(second.id, utc(2026, 12, 7, 19, 0))
    assert run_catch_up(store, clock.now()).due == []
    clock.set(utc(2026, 12, 7, 19, 0))
    result = run_catch_up(store, clock.now())
    assert [o.id for o in result.due] == [second.id] and result.notices[0].kind == "due"
    history = store.occurrences(child_id=sam.id)
    assert (history[0].status, history[0].reason) == ("skipped", "Grandma visiting")
    assert history[1].rescheduled and history[1].slot_at == utc(2026, 12, 6, 18, 0)


def test_paused_schedules_make_nothing_and_resume_without_a_flood(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    store.set_paused(schedule.id, True)
    clock.set(utc(2027, 1, 20, 9, 0))
    assert run_catch_up(store, clock.now()).missed == []
    store.set_paused(schedule.id, False)
    assert run_catch_up(store, clock.now()).missed == []
    assert store.occurrences() == []


def test_deleting_a_schedule_keeps_the_talks_already_had(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 11, 29, 18, 0))
    store.mark_done(run_catch_up(store, clock.now()).due[0].id)
    store.delete_schedule(schedule.id)
    assert [o.status for o in store.occurrences(child_id=sam.id)] == ["done"]


def test_a_schedule_needs_a_child(store):
    with pytest.raises(ScheduleProblem) as problem:
        store.add_schedule(SUNDAY_SIX, [])
    assert problem.value.key == "no_child"


# -- schedule changes and the check-in already created (issue 9, point 9) ---------------------

SATURDAY_EVENING = utc(2026, 11, 28, 19, 0)  # the Sunday check-in exists from here on


def _kinds(store, clock, moment) -> list[str]:
    clock.set(moment)
    return [n.kind for n in run_catch_up(store, clock.now()).notices]


def test_pausing_the_evening_before_means_no_ring_and_no_missed(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    assert _kinds(store, clock, SATURDAY_EVENING) == ["reminder:evening"]
    clock.set(utc(2026, 11, 28, 21, 0))
    store.set_paused(schedule.id, True)
    assert _kinds(store, clock, utc(2026, 11, 29, 17, 0)) == []
    assert _kinds(store, clock, utc(2026, 11, 29, 17, 46)) == []
    clock.set(utc(2026, 11, 29, 18, 0))
    result = run_catch_up(store, clock.now())
    assert result.notices == [] and result.due == []
    clock.set(utc(2026, 11, 30, 19, 0))  # the next day, past the due window
    result = run_catch_up(store, clock.now())
    assert result.missed == [] and result.notices == []
    assert [o.status for o in store.occurrences()] == []


def test_resuming_before_the_time_brings_the_check_in_back(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    run_catch_up(store, SATURDAY_EVENING)
    clock.set(utc(2026, 11, 28, 21, 0))
    store.set_paused(schedule.id, True)
    clock.set(utc(2026, 11, 28, 22, 0))
    store.set_paused(schedule.id, False)
    assert "due" in _kinds(store, clock, utc(2026, 11, 29, 18, 0))


def test_moving_sunday_to_monday_rings_on_monday_only(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    assert _kinds(store, clock, SATURDAY_EVENING) == ["reminder:evening"]
    clock.set(utc(2026, 11, 28, 21, 0))
    monday = ScheduleSpec(0, dt.time(18, 0), LONDON, 1, dt.date(2026, 11, 30),
                          (EVENING_BEFORE, "15"))
    store.update_schedule(schedule.id, monday, [sam.id])
    assert _kinds(store, clock, utc(2026, 11, 29, 17, 46)) == []
    clock.set(utc(2026, 11, 29, 18, 0))
    sunday = run_catch_up(store, clock.now())
    assert sunday.notices == [] and sunday.due == []
    # Monday's own reminders and due notice, once each; nothing missed for Sunday.
    assert _kinds(store, clock, utc(2026, 11, 29, 19, 0)) == ["reminder:evening"]
    clock.set(utc(2026, 11, 30, 18, 0))
    result = run_catch_up(store, clock.now())
    assert [n.kind for n in result.notices] == ["due"] and result.missed == []
    assert [o.slot_at for o in result.due] == [utc(2026, 11, 30, 18, 0)]
    assert len(store.occurrences()) == 1


def test_moving_the_day_midweek_invents_no_missed_check_in(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    clock.set(utc(2026, 11, 29, 18, 0))
    store.mark_done(run_catch_up(store, clock.now()).due[0].id)
    clock.set(utc(2026, 12, 2, 10, 0))  # Wednesday; Monday 30th is already behind us
    monday = ScheduleSpec(0, dt.time(18, 0), LONDON, 1, dt.date(2026, 11, 30),
                          (EVENING_BEFORE, "15"))
    store.update_schedule(schedule.id, monday, [sam.id])
    result = run_catch_up(store, clock.now())
    assert result.missed == [] and result.notices == []
    assert [o.status for o in store.occurrences()] == ["done"]


def test_removing_a_child_takes_them_off_the_pending_check_in(store, services, sam, clock):
    maya = services.family.add("Maya", 2018, 2)
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id, maya.id])
    run_catch_up(store, SATURDAY_EVENING)
    assert store.occurrences()[0].child_ids == (sam.id, maya.id)
    store.update_schedule(schedule.id, SUNDAY_SIX, [sam.id])
    assert store.occurrences()[0].child_ids == (sam.id,)
    clock.set(utc(2026, 11, 29, 18, 0))
    assert [n.child_ids for n in run_catch_up(store, clock.now()).notices] == [(sam.id,)]


def test_a_check_in_moved_by_hand_is_left_alone_by_a_pause(store, sam, clock):
    schedule = store.add_schedule(SUNDAY_SIX, [sam.id])
    occurrence = (run_catch_up(store, SATURDAY_EVENING), store.occurrences()[0])[1]
    store.reschedule(occurrence.id, utc(2026, 11, 30, 9, 0))
    store.set_paused(schedule.id, True)
    kept = store.occurrence(occurrence.id)
    assert kept.rescheduled and kept.due_at == utc(2026, 11, 30, 9, 0)
