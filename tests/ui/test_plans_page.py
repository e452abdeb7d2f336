"""The Plans page with a real vault: a card per current plan (the week we are in, progress from
the talks held and what the parent recorded), this week's tasks and questions, ending a plan,
ended plans folded below, importing from the page, and the report request."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
)

from app.core.changes import Changes
from app.core.coach import TalkItem, TalkRecord
from app.core.plans.model import TaskRecord
from app.ui.content_access import shipped_library
from app.ui.ops import Ops
from app.ui.plans.plans_page import PlansPage
from app.ui.plans.questions_dialog import WeeklyQuestionsDialog
from app.ui.plans.task_dialog import TaskDialog
from tests.ui.helpers import answer_next_dialog
from tests.ui.test_plan_import import interactive_names, make_plan, write_plan


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def library():
    return shipped_library().library


@pytest.fixture
def maya(services):
    return services.family.add("Maya", 2016, 3).id


@pytest.fixture
def page(qtbot, ops, clock, library):
    widget = PlansPage(ops, clock, library)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return widget


def settle(qtbot, ops) -> None:
    qtbot.waitUntil(ops.idle, timeout=15000)


def talk(services, child_id, day: dt.date, topic: str = "gifts-and-money") -> None:
    at = dt.datetime.combine(day, dt.time(18), tzinfo=dt.UTC)
    services.talks.save(TalkRecord((child_id,), "9-12", at, items=[
        TalkItem(f"{topic}.starter", topic, "talked")], finished_at=at))


def label(page, name) -> QLabel:
    found = page.findChild(QLabel, name)
    assert found is not None, name
    return found


def test_empty_page_offers_the_import(page):
    assert page.objectName() == "plansPage" and page.title == "Plans"
    assert "Add your child" in label(page, "emptyPlans").text()
    assert page.import_button.text() == "Import a plan from your counsellor…"


def test_a_plan_card_shows_the_week_progress_and_this_weeks_tasks(qtbot, page, ops, services,
                                                                    maya):
    active = services.plans.import_plan(make_plan(), maya)
    talk(services, maya, dt.date(2026, 11, 10))  # week 1
    talk(services, maya, dt.date(2026, 11, 18))  # week 2
    talk(services, maya, dt.date(2026, 11, 1))  # before the plan: not counted
    services.plans.record_task(active.id, TaskRecord("w1.refusal", times_done=2))
    page.refresh()
    settle(qtbot, ops)
    badges = [b.text() for b in page.findChildren(QLabel, "bandBadge")]
    assert badges == ["Week 3 of 6"]
    progress = label(page, f"planProgress{active.id}").text()
    assert progress == ("2 of 6 weeks done · 2 talks held · refusal line practised in 1 week "
                        "· 0 of 12 questions answered")
    week = page.findChild(QAbstractButton, f"howDidItGo_{active.id}_w3_talk")
    assert week is not None and week.text() == "How did it go?"
    assert "week 3, Maya" in week.accessibleName()
    assert label(page, f"taskSummary_{active.id}_w3_talk").text() == "Not recorded yet"
    question = label(page, f"planQuestion_{active.id}_w3_q1")
    assert question.text() == "Did your child bring anything up? — Not answered yet"


def test_recording_a_task_from_the_card(qtbot, page, ops, services, maya):
    active = services.plans.import_plan(make_plan(), maya)
    page.refresh()
    settle(qtbot, ops)

    def fill(dialog: TaskDialog) -> None:
        dialog.times.setValue(2)
        dialog.went.group.button(4).click()
        dialog.hard.group.button(2).click()
        dialog.obstacles.setText("Homework night")
        dialog.save_button.click()

    answer_next_dialog(fill)
    page.findChild(QAbstractButton, f"howDidItGo_{active.id}_w3_refusal").click()
    qtbot.waitUntil(lambda: services.plans.plan(active.id).records.get("w3.refusal")
                    is not None, timeout=15000)
    settle(qtbot, ops)
    record = services.plans.plan(active.id).records["w3.refusal"]
    assert (record.times_done, record.how_it_went, record.how_hard) == (2, 4, 2)
    assert record.got_in_the_way == "Homework night" and record.updated_at is not None
    qtbot.waitUntil(lambda: page.findChild(QLabel, f"taskSummary_{active.id}_w3_refusal")
                    .text() == "Done 2 times · went 4 of 5 · hard 2 of 5", timeout=15000)
    assert "practised in 1 week ·" in label(page, f"planProgress{active.id}").text()


def test_answering_the_weeks_questions_from_the_card(qtbot, page, ops, services, maya):
    active = services.plans.import_plan(make_plan(), maya)
    page.refresh()
    settle(qtbot, ops)

    def fill(dialog: WeeklyQuestionsDialog) -> None:
        dialog.findChild(QAbstractButton, "answer_w3_q1_0").click()  # yes
        dialog.findChild(QAbstractButton, "answer_w3_q25").click()
        dialog.save_button.click()

    answer_next_dialog(fill)
    page.findChild(QAbstractButton, f"planAnswer{active.id}").click()
    qtbot.waitUntil(lambda: len(services.plans.plan(active.id).answers) == 2, timeout=15000)
    settle(qtbot, ops)
    answers = services.plans.plan(active.id).answers
    assert answers["w3.q1"].value == "yes" and answers["w3.q2"].value == "5"
    qtbot.waitUntil(lambda: "Yes" in label(page, f"planQuestion_{active.id}_w3_q1").text(),
                    timeout=15000)
    assert label(page, f"planQuestion_{active.id}_w3_q2").text().endswith("— 5 of 5")
    assert "2 of 12 questions answered" in label(page, f"planProgress{active.id}").text()
    assert page.findChild(QAbstractButton, f"planAnswer{active.id}").text() == \
        "Change the answers"


def test_an_earlier_week_can_be_chosen_to_fill_in(qtbot, page, ops, services, maya):
    active = services.plans.import_plan(make_plan(), maya)
    page.refresh()
    settle(qtbot, ops)
    chooser = page.findChild(QComboBox, f"planWeek{active.id}")
    assert chooser.currentText() == "Week 3 of 6 (this week)"
    chooser.setCurrentIndex(0)
    assert page.findChild(QAbstractButton, f"howDidItGo_{active.id}_w1_talk") is not None
    qtbot.waitUntil(lambda: page.findChild(QAbstractButton,
                                           f"howDidItGo_{active.id}_w3_talk") is None)


def test_ending_a_plan_asks_first_and_folds_it_below(qtbot, page, ops, services, maya,
                                                     monkeypatch):
    active = services.plans.import_plan(make_plan(), maya)
    page.refresh()
    settle(qtbot, ops)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Cancel)
    page.findChild(QAbstractButton, f"planEnd{active.id}").click()
    settle(qtbot, ops)
    assert asked and "Staying safe online" in asked[0] and "Maya" in asked[0]
    assert services.plans.plan(active.id).ended_at is None
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.findChild(QAbstractButton, f"planEnd{active.id}").click()
    settle(qtbot, ops)
    assert services.plans.plan(active.id).ended_at is not None
    qtbot.waitUntil(lambda: page.findChild(QLabel, "emptyPlans") is not None, timeout=15000)
    qtbot.waitUntil(page.ended_button.isVisible, timeout=15000)  # shown on the next turn
    assert page.ended_button.isVisible() and page.ended_button.text() == "Show ended plans (1)"
    assert not page.ended_host.isVisible()
    page.ended_button.click()
    assert page.ended_host.isVisible() and page.ended_button.text() == "Hide ended plans"
    assert "Staying safe online" in label(page, f"endedPlan{active.id}").text()
    with qtbot.waitSignal(page.report_requested) as asked_report:
        page.findChild(QAbstractButton, f"planReport{active.id}").click()
    assert asked_report.args == [active.id]


def test_report_request_names_the_plan(qtbot, page, ops, services, maya):
    active = services.plans.import_plan(make_plan(), maya)
    page.refresh()
    settle(qtbot, ops)
    with qtbot.waitSignal(page.report_requested) as asked:
        qtbot.mouseClick(page.findChild(QAbstractButton, f"planReport{active.id}"),
                         Qt.MouseButton.LeftButton)
    assert asked.args == [active.id]


def test_importing_from_the_page(qtbot, page, ops, services, maya, tmp_path, monkeypatch):
    path = write_plan(tmp_path, make_plan())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    answer_next_dialog(lambda dialog: dialog.accept_button.click())
    page.import_button.click()
    settle(qtbot, ops)
    assert services.plans.active_for(maya) is not None
    qtbot.waitUntil(lambda: [b.text() for b in page.findChildren(QLabel, "bandBadge")]
                    == ["Week 3 of 6"], timeout=15000)


def test_page_follows_writes_made_elsewhere(qtbot, page, ops, services, maya):
    ops.write(lambda s: s.plans.import_plan(make_plan(), maya), touches=Changes(plans=True),
              owner=None)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: page.findChild(QLabel, "emptyPlans") is None, timeout=15000)


def test_every_control_on_the_page_has_its_own_names(qtbot, page, ops, services, maya):
    services.plans.end_plan(services.plans.import_plan(make_plan(plan_id="a"), maya).id)
    services.plans.import_plan(make_plan(plan_id="b"), maya)
    sam = services.family.add("Sam", 2015, 1).id
    services.plans.import_plan(make_plan(plan_id="c", title="Sam's plan"), sam)
    page.refresh()
    settle(qtbot, ops)
    qtbot.waitUntil(page.ended_button.isVisible, timeout=15000)  # shown on the next turn
    page.ended_button.click()
    qtbot.waitUntil(lambda: len(interactive_names(page)[0]) > 10, timeout=15000)
    names, accessible = interactive_names(page)
    assert len(names) > 10
    assert all(names) and len(set(names)) == len(names)
    assert all(accessible) and len(set(accessible)) == len(accessible)
