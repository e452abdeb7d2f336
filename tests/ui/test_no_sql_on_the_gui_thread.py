"""A whole evening's use, scripted: not one SQL statement runs on the GUI thread.

Unlock, look at every page, pause and resume a check-in, hold a talk and save it, write an
evidence entry in Help now, change a setting, lock. An execute hook on every SQLAlchemy engine
(the vault's is created while unlocking, on a background thread) records the thread of each
statement; the window must never have waited for the database itself.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPushButton

from app.core.schedules import ScheduleSpec
from app.ui.settings.catalogue import AUTO_LOCK
from tests.ui.helpers import open_unlocked, sql_threads, wait_for_ops


def test_an_evening_of_use_runs_no_sql_on_the_gui_thread(qtbot, context, services):
    sam = services.family.add("Sam", 2016, 4)
    services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    schedule_id = services.checkins.schedules()[0].id
    services.close()
    with sql_threads() as (seen, on_gui):
        window = open_unlocked(qtbot, context)
        shell = window.shell
        for page_id in shell.page_ids():
            shell.show_page(page_id)
            wait_for_ops(qtbot, window)

        checkins = shell.show_page("checkins")
        wait_for_ops(qtbot, window)
        for name in (f"pauseSchedule{schedule_id}", f"pauseSchedule{schedule_id}"):
            checkins.findChild(QPushButton, name).click()  # pause, then resume
            wait_for_ops(qtbot, window)

        window.checkins.start(None, (sam.id,))
        wait_for_ops(qtbot, window)
        coach = window.checkins.coach
        coach.prepare.begin_button.click()
        while coach.stack.currentWidget() is coach.talk:
            coach.talk.talked_button.click()
        coach.practise.next_button.click()
        coach.close_step.next_button.click()
        coach.after.notes.setPlainText("Talked in the car")
        coach.after.finish_button.click()
        wait_for_ops(qtbot, window)

        log = window.open_help_now().evidence_log
        wait_for_ops(qtbot, window)
        log.fields["username"].setText("night_owl_77")
        log.save_button.click()
        wait_for_ops(qtbot, window)
        window.help_dialog.close()

        settings = shell.show_page("settings")
        wait_for_ops(qtbot, window)
        settings.controls[AUTO_LOCK.key].setValue(20)
        wait_for_ops(qtbot, window)
        window.lock()
    assert len(seen) > 50  # the hook really saw the session's work
    assert on_gui == []
