"""The reminder engine with the real (fixed) Qt scheduler, a heartbeat and an injected clock."""

from __future__ import annotations

import datetime as dt

import pytest
from apscheduler.triggers.date import DateTrigger

from app.core.clock import SettableClock, SystemClock
from app.core.schedules import EVENING_BEFORE, ScheduleSpec, check_spec, slots_between
from app.scheduling.heartbeat import Heartbeat
from app.scheduling.qt_scheduler import FixedQtScheduler
from app.scheduling.reminder_engine import ReminderEngine, trigger_for
from tests.core.test_schedules import ZONES

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2028, 1, 1, tzinfo=dt.UTC)


def fire_times(trigger, start, end):
    times, previous, now = [], None, start
    while True:
        moment = trigger.get_next_fire_time(previous, now)
        if moment is None or moment > end:
            return times
        times.append(moment.astimezone(dt.UTC))
        previous, now = moment, moment


@pytest.mark.parametrize("every", [1, 2])
@pytest.mark.parametrize("zone", ZONES)
def test_the_scheduler_triggers_fire_exactly_at_the_slots_the_app_shows(zone, every):
    spec = check_spec(ScheduleSpec(6, dt.time(18, 0), zone, every, dt.date(2026, 1, 4)))
    assert fire_times(trigger_for(spec), START, END) == slots_between(spec, START, END)


def test_reminder_triggers_ring_the_evening_before_in_local_time():
    spec = check_spec(ScheduleSpec(0, dt.time(7, 30), "Europe/Berlin", 2, dt.date(2026, 1, 5)))
    times = fire_times(trigger_for(spec, EVENING_BEFORE), START, END)
    for moment in times:
        local = moment.astimezone(spec.tz)
        assert (local.weekday(), local.hour, local.minute) == (6, 19, 0)
    assert len(times) == len(slots_between(spec, START, END))


def probe(scheduler_class, qtbot) -> int:
    """Start a scheduler, poke it with jobs and wakeups, shut it down; count timer passes after."""
    passes_after_shutdown = []
    stopped = []

    class Counting(scheduler_class):
        def _process_jobs(self):
            if stopped:
                passes_after_shutdown.append(1)
            return super()._process_jobs()

    runs = []
    scheduler = Counting(timezone="UTC")
    scheduler.start()
    for _ in range(5):
        scheduler.add_job(runs.append, "interval", seconds=0.05, args=[1])
        scheduler.wakeup()
    qtbot.wait(300)
    assert runs, "the scheduler never ran a job"
    scheduler.shutdown(wait=False)
    stopped.append(True)
    qtbot.wait(600)
    return len(passes_after_shutdown)


def test_after_shutdown_no_timer_of_ours_fires(qtbot):
    assert probe(FixedQtScheduler, qtbot) == 0


def test_the_same_probe_catches_the_stock_qt_scheduler_leak(qtbot):
    from apscheduler.schedulers.qt import QtScheduler

    assert probe(QtScheduler, qtbot) > 0


def test_a_job_fired_by_the_real_scheduler_reaches_the_catch_up(services, qtbot):
    sam = services.family.add("Sam", 2016, 4)
    store = services.checkins
    store.record_unscheduled([sam.id])  # history exists; nothing is due
    engine = ReminderEngine(store, SystemClock())
    engine.start()
    try:
        fired_before = engine.fired
        engine.scheduler.add_job(engine._job_fired, DateTrigger(
            dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=200)))
        with qtbot.waitSignal(engine.updated, timeout=3000):
            pass
        assert engine.fired == fired_before + 1
    finally:
        engine.stop()
    assert not engine.scheduler.timer_active()


def test_a_snooze_ending_is_fired_by_the_scheduler(services, qtbot):
    sam = services.family.add("Sam", 2016, 4)
    store, clock = services.checkins, SystemClock()
    now = clock.now()
    hour_ago = now - dt.timedelta(hours=1)
    spec = ScheduleSpec(hour_ago.weekday(), dt.time(hour_ago.hour, hour_ago.minute), "UTC", 1,
                        (now - dt.timedelta(days=8)).date(), ())
    schedule = store.add_schedule(spec, [sam.id])
    with store._sessions.begin() as session:  # it existed before the slot an hour ago
        from app.storage.models import CheckinScheduleRow

        session.get(CheckinScheduleRow, schedule.id).covered_until = (
            now - dt.timedelta(days=2)).replace(tzinfo=None)
    engine = ReminderEngine(store, clock)
    notices = []
    engine.notice.connect(notices.append)
    engine.start()
    try:
        due = engine.latest.due[0]
        assert [n.kind for n in notices] == ["due"]
        store.snooze(due.id, clock.now() + dt.timedelta(milliseconds=400))
        engine.rebuild()
        assert engine.latest.due == []
        qtbot.waitUntil(lambda: len(notices) == 2, timeout=3000)
        assert notices[1].kind.startswith("snooze:")
    finally:
        engine.stop()


def test_sleep_across_the_due_time_fires_on_wake(services, clock, qtbot):
    sam = services.family.add("Sam", 2016, 4)
    store = services.checkins
    store.add_schedule(ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1,
                                    dt.date(2026, 11, 29), ()), [sam.id])
    monotonic = [1000.0]
    heartbeat = Heartbeat(clock, interval_ms=60_000, monotonic=lambda: monotonic[0])
    engine = ReminderEngine(store, clock, heartbeat=heartbeat)
    notices = []
    engine.notice.connect(notices.append)
    woke = []
    heartbeat.woke.connect(lambda: woke.append(1))
    engine.start()
    try:
        assert notices == []
        # The lid closes on Saturday; it opens on Sunday at 18:20. Monotonic time stood still.
        clock.set(dt.datetime(2026, 11, 29, 18, 20, tzinfo=dt.UTC))
        monotonic[0] += 5
        heartbeat.check()
        assert woke == [1]
        assert [n.kind for n in notices] == ["due"]
        assert engine.latest.due[0].child_ids == (sam.id,)
    finally:
        engine.stop()


def test_a_snooze_on_a_clock_days_behind_waits_instead_of_firing_again_and_again(services, qtbot):
    """APScheduler keeps the computer's time; a wake planned on an injected clock a week behind
    it must still come after the delay asked for, not be overdue and loop (it used to: thousands
    of catch-up passes in a few seconds, and a worker that was never idle)."""
    sam = services.family.add("Sam", 2016, 4)
    store = services.checkins
    clock = SettableClock(dt.datetime.now(dt.UTC) - dt.timedelta(days=7), dt.UTC)
    now = clock.now()
    hour_ago = now - dt.timedelta(hours=1)
    spec = ScheduleSpec(hour_ago.weekday(), dt.time(hour_ago.hour, hour_ago.minute), "UTC", 1,
                        (now - dt.timedelta(days=8)).date(), ())
    schedule = store.add_schedule(spec, [sam.id])
    with store._sessions.begin() as session:
        from app.storage.models import CheckinScheduleRow

        session.get(CheckinScheduleRow, schedule.id).covered_until = (
            now - dt.timedelta(days=2)).replace(tzinfo=None)
    engine = ReminderEngine(store, clock)
    engine.start()
    try:
        due = engine.latest.due[0]
        store.snooze(due.id, clock.now() + dt.timedelta(seconds=1))
        engine.rebuild()
        fired_before = engine.fired
        qtbot.wait(400)
        assert engine.fired == fired_before  # nothing fired before the second is up
        qtbot.waitUntil(lambda: engine.fired > fired_before, timeout=3000)
        qtbot.wait(300)
        assert engine.fired == fired_before + 1  # the snooze's end, once
    finally:
        engine.stop()
