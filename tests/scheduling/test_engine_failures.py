"""A failed reminder pass is shown ("Reminders are paused: …"), retried with backoff, and clears.

The failures are real SQLite errors from the real encrypted database: ``PRAGMA query_only`` on
every connection the store checks out makes SQLite itself refuse with "attempt to write a
readonly database" — what a read-only folder gives. A full disk is a real driver error raised
from the store's own method.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import event, exc

from app.core.schedules import ScheduleSpec
from app.desktop.notifications import RecordingNotifier
from app.scheduling.reminder_engine import RETRY_DELAYS_MS
from app.ui.checkins.controller import CheckinController
from app.ui.checkins.due_banner import DueBanner
from app.ui.ops import Ops


class ReadOnly:
    """SQLite's own read-only refusal on every connection the store uses, switchable."""

    def __init__(self, engine) -> None:
        self.engine, self.on = engine, False
        event.listen(engine, "checkout", self._checkout)

    def _checkout(self, dbapi_connection, _record, _proxy) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA query_only = {'ON' if self.on else 'OFF'}")
        cursor.close()

    def remove(self) -> None:
        event.remove(self.engine, "checkout", self._checkout)


@pytest.fixture
def read_only(services):
    switch = ReadOnly(services.vault.engine)
    yield switch
    switch.remove()


@pytest.fixture
def checkins(services, qtbot):
    """The controller as the app runs it: its passes on a real database worker."""
    ops = Ops(services)
    controller = CheckinController(services, RecordingNotifier(), ops=ops)
    controller.settle = lambda: qtbot.waitUntil(ops.idle, timeout=5000)
    yield controller
    controller.stop()
    ops.finish()


def banner_for(qtbot, controller) -> DueBanner:
    banner = DueBanner(controller)
    qtbot.addWidget(banner)
    banner.show()
    return banner


def texts(banner: DueBanner) -> list[str]:
    return [label.text() for label in banner.findChildren(QLabel, "bannerText")]


def retry_button(banner: DueBanner) -> QPushButton:
    return banner.findChild(QPushButton, "retry_paused")


def add_monday_schedule(services) -> None:
    sam = services.family.add("Sam", 2016, 4)
    services.checkins.add_schedule(
        ScheduleSpec(0, dt.time(19, 0), "UTC", 1, dt.date(2026, 11, 23), ()), [sam.id])


def test_a_read_only_database_pauses_reminders_visibly_and_a_retry_brings_them_back(
        services, clock, checkins, read_only, qtbot):
    add_monday_schedule(services)  # the clock says Monday 18:00; due at 19:00
    banner = banner_for(qtbot, checkins)
    engine = checkins.engine
    checkins.start_engine()
    checkins.settle()
    assert not banner.isVisible() and engine.failure is None
    last_good = engine.latest

    read_only.on = True
    clock.set(dt.datetime(2026, 11, 23, 19, 5, tzinfo=dt.UTC))
    with qtbot.waitSignal(engine.failed, timeout=1000) as failed:
        engine.check_now()  # a heartbeat
    assert failed.args[0].kind == "READ_ONLY"
    assert engine.latest is last_good  # the last good result is kept
    assert banner.isVisible()
    [line] = texts(banner)
    assert line.startswith("Reminders are paused: Porchlight's folder can't be written to")
    assert line.endswith("Porchlight will try again in a minute.")
    assert "readonly" not in line and "Operational" not in line  # no jargon
    assert engine.retry_timer.isActive() and engine.retry_timer.interval() == 30_000
    assert retry_button(banner).accessibleName() == "Try reminders again now"

    engine.retry_timer.timeout.emit()  # the timer's own retry: still read-only
    checkins.settle()
    assert engine.retry_timer.interval() == 60_000
    engine.retry_timer.timeout.emit()
    checkins.settle()
    assert engine.retry_timer.interval() == 120_000
    assert texts(banner)[0].endswith("Porchlight will try again in a few minutes.")

    read_only.on = False  # the parent freed the folder
    with qtbot.waitSignal(engine.recovered, timeout=1000):
        qtbot.mouseClick(retry_button(banner), Qt.MouseButton.LeftButton)
    checkins.settle()
    assert engine.failure is None and not engine.retry_timer.isActive()
    assert retry_button(banner) is None
    assert texts(banner) == ["Check-in with Sam is due"]  # the missed pass was caught up
    assert len(engine.latest.due) == 1


def test_a_failure_at_start_is_shown_not_raised_and_the_jobs_come_back(
        services, clock, checkins, qtbot):
    add_monday_schedule(services)
    banner = banner_for(qtbot, checkins)
    engine = checkins.engine
    reading = services.checkins.schedules

    def unreadable(*_args, **_kwargs):
        raise exc.OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    services.checkins.schedules = unreadable
    checkins.start_engine()  # reading the schedules fails: before, this raised into the slot
    checkins.settle()
    assert engine.failure is not None and banner.isVisible()
    assert engine.scheduler.get_jobs() == []
    services.checkins.schedules = reading
    engine.retry_now()
    checkins.settle()
    assert engine.failure is None and not banner.isVisible()
    assert [job.id for job in engine.scheduler.get_jobs()][:1] == ["due-1"]


def test_a_full_disk_is_named_and_the_backoff_stops_at_five_minutes(
        services, clock, checkins, monkeypatch, qtbot):
    add_monday_schedule(services)
    banner = banner_for(qtbot, checkins)
    engine = checkins.engine
    checkins.start_engine()
    checkins.settle()

    def full(*_args, **_kwargs):
        raise exc.OperationalError("INSERT", {}, sqlite3.OperationalError(
            "database or disk is full"))

    monkeypatch.setattr(services.checkins, "create_occurrences", full)
    clock.set(dt.datetime(2026, 11, 23, 19, 5, tzinfo=dt.UTC))
    delays = []
    for _ in range(7):
        engine.check_now()
        checkins.settle()
        delays.append(engine.retry_timer.interval())
    assert delays == [*RETRY_DELAYS_MS, 300_000, 300_000]
    assert engine.failure.kind == "DISK_FULL" and engine.failure.failures == 7
    assert "this computer's disk is full" in texts(banner)[0]
    monkeypatch.undo()
    engine.retry_now()
    checkins.settle()
    assert not engine.retry_timer.isActive() and engine.latest.due


def test_a_stopped_engine_does_not_retry(services, clock, checkins, read_only, qtbot):
    add_monday_schedule(services)
    engine = checkins.engine
    checkins.start_engine()
    checkins.settle()
    read_only.on = True
    clock.set(dt.datetime(2026, 11, 23, 19, 5, tzinfo=dt.UTC))  # due: the pass must write
    engine.check_now()
    checkins.settle()
    assert engine.retry_timer.isActive()
    checkins.stop()
    assert not engine.retry_timer.isActive()


def test_the_pass_runs_on_the_worker_and_asks_meanwhile_fold_into_one(
        services, clock, checkins, qtbot):
    import threading

    add_monday_schedule(services)
    threads: list[int] = []
    passes = []
    reading = services.checkins.schedules

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return reading(*args, **kwargs)

    services.checkins.schedules = recording
    checkins.engine.updated.connect(passes.append)
    checkins.start_engine()
    for _ in range(5):  # the heartbeat, jobs and a wake, all at once
        checkins.engine.check_now()
    checkins.settle()
    assert threads and threading.get_ident() not in threads  # never on the GUI thread
    assert len(passes) == 2  # the first, and one for everything asked while it ran
