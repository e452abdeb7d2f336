"""Recording how a task went (after the Homework Rating Scale) and answering the week's
questions: real dialogs writing to a real vault through the database worker."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QRadioButton, QSpinBox

from app.core.plans.model import ActivePlan, Answer, Plan, PlanWeek, Question, TaskRecord
from app.ui.ops import Ops
from app.ui.plans.questions_dialog import WeeklyQuestionsDialog
from app.ui.plans.scale_row import ScaleRow
from app.ui.plans.task_dialog import TaskDialog
from tests.ui.test_plan_import import make_plan


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def active(services) -> ActivePlan:
    child = services.family.add("Maya", 2016, 3).id
    return services.plans.import_plan(make_plan(), child)


def task_dialog(qtbot, ops, active, task_id="w2.talk") -> TaskDialog:
    dialog = TaskDialog(ops, active, task_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_new_record_starts_empty_and_saves_every_field(qtbot, ops, services, active):
    dialog = task_dialog(qtbot, ops, active)
    assert dialog.times.value() == 0
    assert dialog.went.value() is None and dialog.hard.value() is None
    ends = [label.text() for label in dialog.findChildren(QLabel)]
    assert {"Badly", "Very well", "Easy", "Very hard"} <= set(ends)
    assert "Week 2 of 6" in dialog.findChild(QLabel, "taskPlan").text()
    dialog.times.setValue(3)
    dialog.went.group.button(5).click()
    dialog.hard.group.button(1).click()
    dialog.obstacles.setText("  Football practice ran late  ")
    dialog.helped.setText("Talking on the walk to school")
    dialog.question.setText("How do we bring up gifts without it sounding like a telling-off?")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.save_button.click()
    record = services.plans.plan(active.id).records["w2.talk"]
    assert dataclasses.replace(record, updated_at=None) == TaskRecord(
        "w2.talk", 3, 5, 1, "Football practice ran late", "Talking on the walk to school",
        "How do we bring up gifts without it sounding like a telling-off?")
    assert record.updated_at is not None


def test_an_unanswered_scale_stays_unanswered(qtbot, ops, services, active):
    dialog = task_dialog(qtbot, ops, active, "w1.watch")
    dialog.times.setValue(1)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.save_button.click()
    record = services.plans.plan(active.id).records["w1.watch"]
    assert (record.times_done, record.how_it_went, record.how_hard) == (1, None, None)


def test_an_earlier_record_is_filled_in_and_replaced(qtbot, ops, services, active):
    services.plans.record_task(active.id, TaskRecord("w2.refusal", 1, 2, 4, "They laughed"))
    dialog = task_dialog(qtbot, ops, services.plans.plan(active.id), "w2.refusal")
    assert dialog.times.value() == 1 and dialog.went.value() == 2 and dialog.hard.value() == 4
    assert dialog.obstacles.text() == "They laughed"
    dialog.times.setValue(2)
    dialog.went.group.button(3).click()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.save_button.click()
    records = services.plans.plan(active.id).records
    assert list(records) == ["w2.refusal"]
    assert (records["w2.refusal"].times_done, records["w2.refusal"].how_it_went) == (2, 3)


def test_cancel_writes_nothing(qtbot, ops, services, active):
    dialog = task_dialog(qtbot, ops, active)
    dialog.times.setValue(4)
    dialog.reject()
    qtbot.waitUntil(ops.idle)
    assert services.plans.plan(active.id).records == {}


def test_a_failed_save_keeps_the_dialog_open_with_everything_typed(qtbot, ops, services, active):
    gone = dataclasses.replace(active, id=active.id + 100)  # a plan the vault does not have
    dialog = task_dialog(qtbot, ops, gone)
    dialog.obstacles.setText("Kept words")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert dialog.isVisible() and dialog.obstacles.text() == "Kept words"
    assert dialog.save_button.isEnabled()


def test_every_control_has_its_own_name(qtbot, ops, active):
    dialog = task_dialog(qtbot, ops, active)
    fields = [f for f in dialog.findChildren(QLineEdit)
              if not isinstance(f.parent(), QAbstractSpinBox)]  # a spin box's own editor
    controls = dialog.findChildren(QRadioButton) + fields + dialog.findChildren(QSpinBox)
    names = [c.accessibleName() for c in controls]
    assert all(names) and len(set(names)) == len(names)
    assert "How it went: 1 of 5 (Badly to Very well)" in names


# --- the week's questions ---------------------------------------------------------------


def question_plan(start: dt.date) -> Plan:
    questions = (Question("w1.yes", "yes-no", "Did it come up?"),
                 Question("w1.scale", "scale", "How calm was it?"),
                 Question("w1.pick", "choice", "Where did you talk?",
                          ("In the car", "At dinner", "<b>Somewhere else</b>")),
                 Question("w1.words", "text", "What did they say?"))
    return dataclasses.replace(make_plan(start=start), weeks=(PlanWeek(1, questions=questions),))


def questions_dialog(qtbot, ops, active, week=1) -> WeeklyQuestionsDialog:
    dialog = WeeklyQuestionsDialog(ops, active, week)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_each_kind_of_question_gets_its_control_and_answers_are_kept(qtbot, ops, services,
                                                                    clock):
    child = services.family.add("Sam", 2015, 5).id
    active = services.plans.import_plan(question_plan(dt.date(2026, 11, 23)), child)
    dialog = questions_dialog(qtbot, ops, active)
    yes = dialog.findChild(QRadioButton, "answer_w1_yes_0")
    assert yes.text() == "Yes" and yes.accessibleName() == "Did it come up?: Yes"
    assert isinstance(dialog.controls["w1.scale"], ScaleRow)
    choice = dialog.findChild(QRadioButton, "answer_w1_pick_2")
    assert choice.text() == "<b>Somewhere else</b>"  # a button's text is never rich text
    assert isinstance(dialog.controls["w1.words"], QLineEdit)
    yes.click()
    dialog.controls["w1.scale"].group.button(2).click()
    choice.click()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.save_button.click()
    answers = services.plans.plan(active.id).answers
    assert {k: a.value for k, a in answers.items()} == {
        "w1.yes": "yes", "w1.scale": "2", "w1.pick": "<b>Somewhere else</b>"}
    assert "w1.words" not in answers  # left empty: stays unanswered


def test_earlier_answers_are_shown_and_an_unchanged_one_keeps_its_date(qtbot, ops, services,
                                                                      clock):
    child = services.family.add("Sam", 2015, 5).id
    active = services.plans.import_plan(question_plan(dt.date(2026, 11, 23)), child)
    first = dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC)
    services.plans.answer(active.id, Answer("w1.yes", "no", first))
    services.plans.answer(active.id, Answer("w1.words", "Not much", first))
    dialog = questions_dialog(qtbot, ops, services.plans.plan(active.id))
    assert dialog.findChild(QRadioButton, "answer_w1_yes_1").isChecked()
    assert dialog.controls["w1.words"].text() == "Not much"
    dialog.controls["w1.words"].setText("They said a boy asked for a photo")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.save_button.click()
    answers = services.plans.plan(active.id).answers
    assert answers["w1.yes"].answered_at == first  # unchanged
    assert answers["w1.words"].value == "They said a boy asked for a photo"
    assert answers["w1.words"].answered_at == clock.now()


def test_a_week_without_questions_says_so(qtbot, ops, active):
    plain = dataclasses.replace(active, plan=dataclasses.replace(
        active.plan, weeks=(PlanWeek(1, topics=("body-safety",)),)))
    dialog = questions_dialog(qtbot, ops, plain)
    assert not dialog.save_button.isEnabled()
    assert any("no questions" in label.text() for label in dialog.findChildren(QLabel))
