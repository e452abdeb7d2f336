"""The reminder engine: APScheduler jobs as alarm clocks, our tables as the truth.

Each schedule gets one job for its due time and one per reminder, with triggers in the
schedule's own IANA zone (a ``CronTrigger`` for weekly, a ``CalendarIntervalTrigger`` for every
two weeks — both keep wall-clock time across DST). The job store is in memory and rebuilt from
our rows at start and after every change. Whatever wakes the engine — a job, the heartbeat, a
wake from sleep, a change made by the parent — it runs the same catch-up pass, so a reminder
that fell while the app was closed or the computer slept is found there, never lost.

A pass that fails (a full disk, a read-only folder, another program holding the file) must not
go unnoticed: reminders would silently stop. The engine keeps its last good result, says
``failed`` with the classified problem, and tries again on a timer that backs off from 30
seconds to 5 minutes; the first pass that works again says ``recovered``.

The pass itself runs wherever ``run`` puts it: in the app, on the session's one database
worker (the window never waits for the disk); in small tests, right here. Jobs, the heartbeat
and the retry timer stay on the GUI thread and only *ask* for a pass; asks that come while one
is running are folded into one more pass after it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.triggers.calendarinterval import CalendarIntervalTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.core.checkins import Schedule, next_wake
from app.core.clock import Clock
from app.core.schedules import ScheduleSpec, reminder_local
from app.scheduling.catch_up import CatchUpResult, run_catch_up
from app.scheduling.heartbeat import BEAT_MS, Heartbeat
from app.scheduling.qt_scheduler import FixedQtScheduler
from app.storage.checkin_store import CheckinStore
from app.storage.errors import DATABASE, Problem, classify

log = logging.getLogger(__name__)
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Waits before each retry of a failed pass, in a row of failures; the last one repeats.
RETRY_DELAYS_MS = (30_000, 60_000, 120_000, 240_000, 300_000)
# run(work, done, failed): call ``work()`` somewhere, then ``done(result)`` or ``failed(error)``
# on the GUI thread.
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]], None]


def run_here(work: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[Exception], None]) -> None:
    """The plain runner: the pass runs at once, on the calling thread (tests, tools)."""
    try:
        result = work()
    except Exception as error:  # a failed pass must not stop the next one
        failed(error)
    else:
        done(result)


@dataclass(frozen=True)
class PassFailed:
    """Why reminders are paused, and when the engine will try again."""

    problem: Problem
    retry_in_ms: int
    failures: int  # in a row, this one included

    @property
    def kind(self) -> str:
        """The problem's kind by name (``DISK_FULL``, ``READ_ONLY``, …; ``BUG`` if unknown)."""
        return self.problem.kind.name


def classify_failure(error: BaseException) -> Problem:
    """The storage classifier's ``Problem`` for a failed pass (read from codes, not values)."""
    return classify(error, DATABASE)


def trigger_for(spec: ScheduleSpec, reminder: str | None = None):
    """The APScheduler trigger that fires at the schedule's time, or at one of its reminders."""
    anchor = dt.datetime.combine(spec.first_date, spec.at)
    moment = anchor if reminder is None else reminder_local(anchor, reminder)
    if spec.every_weeks == 1:
        return CronTrigger(day_of_week=_DAYS[moment.weekday()], hour=moment.hour,
                           minute=moment.minute, timezone=spec.zone)
    return CalendarIntervalTrigger(weeks=spec.every_weeks, hour=moment.hour, minute=moment.minute,
                                   start_date=moment.date(), timezone=spec.zone)


class ReminderEngine(QObject):
    """Owns the scheduler and the heartbeat; tells the UI what is due and what to announce."""

    updated = Signal(object)  # CatchUpResult, after every catch-up pass
    notice = Signal(object)  # Notice, once per notification owed
    failed = Signal(object)  # PassFailed, after every pass that could not run
    recovered = Signal()  # the first good pass after failures
    # Jobs only ring this bell: the catch-up runs on the next turn of the event loop, because a
    # job that changed the job store while APScheduler is iterating it would break the pass.
    _ring = Signal()

    def __init__(self, store: CheckinStore, clock: Clock, *, beat_ms: int = BEAT_MS,
                 heartbeat: Heartbeat | None = None, run: Runner = run_here,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._clock, self._run = store, clock, run
        self._busy = False  # a pass is running (on the worker)
        self._asked: bool | None = None  # another pass was asked for meanwhile (rebuild?)
        self.latest = CatchUpResult()
        self.scheduler = FixedQtScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": DebugExecutor()},  # jobs run on the Qt thread
            # However late a job fires (sleep, a busy machine), it still runs, once.
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
            timezone="UTC")
        self.heartbeat = heartbeat or Heartbeat(clock, interval_ms=beat_ms, parent=self)
        self.heartbeat.beat.connect(self.check_now)
        self.heartbeat.woke.connect(self.rebuild)
        self._ring.connect(self.check_now, Qt.ConnectionType.QueuedConnection)
        self.fired = 0  # jobs fired so far: lets a test see the scheduler at work
        self._running = False
        self._closed = False
        self.failure: PassFailed | None = None  # while reminders are paused
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.retry_now)

    def start(self) -> None:
        self.scheduler.start(paused=False)
        self.heartbeat.start()
        self._running = True
        self.rebuild()

    def stop(self) -> None:
        self._closed = True  # a pass still on the worker is ignored when it comes back
        if self._running:
            self._running = False
            self.heartbeat.stop()
            self.retry_timer.stop()
            self.scheduler.shutdown(wait=False)

    def rebuild(self) -> None:
        """Catch up, then rebuild every job from our tables: after start, a change, a wake."""
        if self._running:
            self._ask(rebuild=True)

    def retry_now(self) -> None:
        """Try a failed pass again (the retry timer, or "Try again now" on the banner)."""
        self.retry_timer.stop()
        # The jobs may be stale too, if reading the schedules failed.
        self._ask(rebuild=self._running)

    def check_now(self) -> None:
        """Ask for a catch-up pass (a job, the heartbeat, a change); the result comes as
        ``updated`` (and ``notice``), or ``failed``."""
        self._ask(rebuild=False)

    def _ask(self, *, rebuild: bool) -> None:
        if self._busy:
            self._asked = bool(self._asked) or rebuild
            return
        self._busy = True
        now = self._clock.now()
        store = self._store
        self._run(lambda: run_catch_up(store, now),
                  lambda result: self._passed(result, now, rebuild),
                  self._failed_pass)

    def _settle(self) -> None:
        """A pass ended: run the one asked for meanwhile, if any."""
        self._busy = False
        asked, self._asked = self._asked, None
        if asked is not None:
            self._ask(rebuild=asked and self._running)

    def _failed_pass(self, error: Exception) -> None:
        try:
            if not self._closed:
                self._pass_failed(error)
        finally:
            self._settle()

    def _passed(self, result: CatchUpResult, now: dt.datetime, rebuild: bool) -> None:
        try:
            self._take(result, now, rebuild)
        finally:
            self._settle()

    def _take(self, result: CatchUpResult, now: dt.datetime, rebuild: bool) -> None:
        if self._closed:
            return
        self.latest = result
        if self.failure is not None:
            self.failure = None
            self.retry_timer.stop()
            log.warning("reminder catch-up recovered")
            self.recovered.emit()
        if self._running:
            if rebuild:
                self.scheduler.remove_all_jobs()
                for schedule in result.schedules:
                    if not schedule.paused:
                        self._add_jobs(schedule)
            self._plan_wake(result, now)
        for notice in result.notices:
            self.notice.emit(notice)
        self.updated.emit(result)

    def _pass_failed(self, error: Exception) -> None:
        """Keep the last good result; tell the UI why; try again later, backing off."""
        # The local log keeps the error's types and code locations, never its message: SQL
        # errors can quote row values, which may be notes.
        log.error("reminder catch-up failed", exc_info=error)
        problem = classify_failure(error)
        failures = (self.failure.failures if self.failure else 0) + 1
        delay = RETRY_DELAYS_MS[min(failures, len(RETRY_DELAYS_MS)) - 1]
        failure = PassFailed(problem, delay, failures)
        if failure.kind == "LOCKED_VAULT":
            return  # the vault was locked under a pass: the session is ending, nothing to show
        self.failure = failure
        if self._running:
            self.retry_timer.start(delay)
        self.failed.emit(failure)

    def _job_fired(self) -> None:
        self.fired += 1
        self._ring.emit()

    def _add_jobs(self, schedule: Schedule) -> None:
        spec = schedule.spec
        self.scheduler.add_job(self._job_fired, trigger_for(spec), id=f"due-{schedule.id}")
        for reminder in spec.reminders:
            self.scheduler.add_job(self._job_fired, trigger_for(spec, reminder),
                                   id=f"reminder-{schedule.id}-{reminder}")

    def _plan_wake(self, result: CatchUpResult, now: dt.datetime) -> None:
        """One extra job for the one-off moments: a snooze ending, a moved check-in."""
        moment = next_wake(result.schedules, result.pending, now)
        job_id = "one-off"
        if self.scheduler.get_job(job_id):
            self.scheduler.remove_job(job_id)
        if moment is not None:
            # Handed over as a delay: APScheduler times its jobs by its own clock (the
            # computer's), ours may be injected days behind it (tests, benchmarks), and there a
            # moment an hour ahead was overdue, fired at once, was planned again and looped.
            delay = max(moment - self._clock.now(), dt.timedelta(0))
            self.scheduler.add_job(self._job_fired, DateTrigger(self.scheduler.now() + delay),
                                   id=job_id)
