"""One Pause click on the real Check-ins page: one write transaction, no SQL on the GUI thread.

Issue 10 measured the old page: a Pause click ran 44 SQL statements, 18 of them BEGIN
IMMEDIATE, all on the GUI thread, and rebuilt the page twice (on this checkout, with reads
already deferred, it measured 58 statements in 22 transactions, 1 BEGIN IMMEDIATE, 53 on the
GUI thread, two rebuilds; after: 37 statements, 14 transactions, 1 BEGIN IMMEDIATE, none on
the GUI thread, one rebuild). An execute hook on the vault's
engine records each statement with the thread that ran it, around one click on the page.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import event

from app.core.schedules import ScheduleSpec
from tests.ui.helpers import open_unlocked, wait_for_ops


class StatementLog:
    """Every SQL statement run on ``engine`` while attached, with the thread that ran it."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.statements: list[tuple[str, int]] = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        self.statements.append((statement.strip().split("\n")[0], threading.get_ident()))

    def detach(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)

    def begins_immediate(self) -> int:
        return sum(1 for text, _ in self.statements if text.upper() == "BEGIN IMMEDIATE")

    def begins(self) -> int:
        return sum(1 for text, _ in self.statements if text.upper().startswith("BEGIN"))

    def on_thread(self, ident: int) -> list[str]:
        return [text for text, thread in self.statements if thread == ident]


@pytest.fixture
def family(services):
    sam = services.family.add("Sam", 2016, 4)
    maya = services.family.add("Maya", 2012, 9)
    services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    services.checkins.add_schedule(
        ScheduleSpec(2, dt.time(19, 0), "America/New_York", 1, dt.date(2026, 11, 25)),
        [sam.id, maya.id])
    services.close()
    return sam, maya


def test_a_pause_click_is_one_write_off_the_gui_thread(qtbot, context, clock, family):
    window = open_unlocked(qtbot, context)
    page = window.shell.show_page("checkins")
    wait_for_ops(qtbot, window)
    schedule = window.services.checkins.schedules()[0]
    built: list[int] = []
    original = page._schedule_card

    def counting(found, *args, **kwargs):
        if found.id == schedule.id:
            built.append(found.id)
        return original(found, *args, **kwargs)

    page._schedule_card = counting
    pause = page.findChild(QPushButton, f"pauseSchedule{schedule.id}")
    log = StatementLog(window.services.vault.engine)
    try:
        pause.click()
        wait_for_ops(qtbot, window)
        qtbot.wait(50)  # anything queued for the next turn of the event loop runs too
        wait_for_ops(qtbot, window)
    finally:
        log.detach()
    gui = threading.get_ident()
    print(f"\nPause click: {len(log.statements)} SQL statements, {log.begins()} transactions "
          f"({log.begins_immediate()} BEGIN IMMEDIATE), {len(log.on_thread(gui))} on the GUI "
          f"thread, page rebuilt {len(built)} time(s)")
    assert window.services.checkins.schedule(schedule.id).paused
    assert log.begins_immediate() <= 1
    assert log.on_thread(gui) == []
    assert len(built) <= 1
