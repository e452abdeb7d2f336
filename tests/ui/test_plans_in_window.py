"""Counsellor homework inside the real family window: the Plans page, the report writer and
the weekly questions after a talk, each closed by a lock like every window with family data."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.core.plans.examples import example_plan
from tests.ui.helpers import open_unlocked, wait_for_ops


def _with_plan(services, clock) -> tuple[int, int]:
    maya = services.family.add("Maya", 2016, 4).id
    plan = example_plan(clock.now().date() - dt.timedelta(days=1))
    active = services.plans.import_plan(plan, maya)
    services.close()
    return maya, active.id


def test_the_plans_page_opens_the_report_writer_and_a_lock_closes_it(qtbot, context, services,
                                                                        clock):
    _maya, row_id = _with_plan(services, clock)
    window = open_unlocked(qtbot, context)
    page = window.shell.show_page("plans")
    wait_for_ops(qtbot, window)
    qtbot.waitUntil(lambda: page.findChild(QPushButton, f"planReport{row_id}") is not None,
                    timeout=10000)
    qtbot.mouseClick(page.findChild(QPushButton, f"planReport{row_id}"),
                     Qt.MouseButton.LeftButton)
    report = window.session.window_of_kind("plan-report")
    assert report is not None and report.isVisible()
    wait_for_ops(qtbot, window)
    window.lock()
    assert not report.isVisible()


def test_after_a_talk_the_weeks_questions_are_asked_and_a_lock_closes_them(qtbot, context,
                                                                          services, clock):
    maya, _row_id = _with_plan(services, clock)
    window = open_unlocked(qtbot, context)
    window.checkins.start(None, (maya,))
    wait_for_ops(qtbot, window)
    coach = window.checkins.coach
    assert "week 1 of 4" in coach.plan_line.text()
    assert any(p.reason == "plan-week" for p in coach.picks)  # the counsellor's topic first
    coach.prepare.begin_button.click()
    while coach.stack.currentWidget() is coach.talk:
        coach.talk.talked_button.click()
    coach.practise.next_button.click()
    coach.close_step.next_button.click()
    coach.after.finish_button.click()
    wait_for_ops(qtbot, window)
    questions = window.session.window_of_kind("plan-questions")
    assert questions is not None and questions.isVisible()
    assert questions.objectName() == "weeklyQuestionsDialog" and questions.week == 1
    window.lock()
    assert not questions.isVisible()
