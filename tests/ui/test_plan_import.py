"""Importing a counsellor's plan: the preview shows exactly what it adds, nothing is written until
the parent accepts, and a damaged, expired or mismatched file is said plainly — with a real
vault, real widgets and plan files written by the app's own plan writer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.core.plans.examples import example_plan
from app.core.plans.fhir_plan import plan_bytes
from app.core.plans.model import Plan, PlanWeek, Question
from app.ui.content_access import shipped_library
from app.ui.ops import Ops
from app.ui.plans.import_dialog import ImportPlanDialog, start_import
from app.ui.plans.plan_preview import PlanPreview

START = dt.date(2026, 11, 9)  # the test clock's day (23 November) falls in week 3


def make_plan(*, title: str = "Staying safe online", band: str = "9-12", weeks: int = 6,
              start: dt.date = START, expires: dt.date | None = dt.date(2027, 3, 1),
              topic: str = "gifts-and-money", note: str = "Gifts are how it often starts.",
              plan_id: str = "plan-1") -> Plan:
    def week(n: int) -> PlanWeek:
        return PlanWeek(
            n, topics=(topic,), starters=("fake-images.9-12.real-or-fake",) if n == 1 else (),
            refusal="refusal.firm.no-stop", watch=("sign.secret-friend",),
            questions=(Question(f"w{n}.q1", "yes-no", "Did your child bring anything up?"),
                       Question(f"w{n}.q2", "scale", "How relaxed did the talk feel?")),
            note=note)
    return Plan(plan_id, 1, title, "The Rivera family", band, start,
                tuple(week(n) for n in range(1, weeks + 1)), checkin_weekday=6,
                checkin_time=dt.time(18, 0), counsellor_contact="Dana Lee, 555-0142",
                expires=expires)


def write_plan(folder: Path, plan: Plan, name: str = "rivera.porchplan") -> Path:
    path = folder / name
    path.write_bytes(plan_bytes(plan))
    return path


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
    return services.family.add("Maya", 2016, 3).id  # 10: ages 9–12


def open_dialog(qtbot, ops, clock, library, path: Path) -> ImportPlanDialog:
    dialog = ImportPlanDialog(ops, clock, library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    dialog.load(path)
    return dialog


def texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel)
                     if label.isVisibleTo(widget))


def interactive_names(widget) -> tuple[list[str], list[str]]:
    controls = [c for c in widget.findChildren(QWidget)
                if isinstance(c, QAbstractButton | QComboBox | QAbstractSpinBox | QLineEdit)
                and not isinstance(c.parent(), QAbstractSpinBox | QComboBox)
                and c.isVisibleTo(widget)]
    return [c.objectName() for c in controls], [c.accessibleName() for c in controls]


def test_preview_shows_what_the_plan_adds_and_accepting_imports_it(qtbot, ops, services, clock,
                                                                   library, maya, tmp_path):
    dialog = open_dialog(qtbot, ops, clock, library, write_plan(tmp_path, make_plan()))
    shown = texts(dialog)
    for words in ("Staying safe online", "For: The Rivera family", "6 weeks",
                  library.topic("gifts-and-money").title,
                  library.starter("fake-images.9-12.real-or-fake").text,
                  next(r.text for r in library.refusals if r.id == "refusal.firm.no-stop"),
                  next(s.text for s in library.signs if s.id == "sign.secret-friend"),
                  "Did your child bring anything up?", "Gifts are how it often starts.",
                  "Suggested check-in: Sundays at", "Your counsellor: Dana Lee, 555-0142",
                  "reads nothing", "sends nothing anywhere"):
        assert words in shown, words
    assert "Week 6 · from" in shown
    assert dialog.child.currentText() == "Maya"
    assert not dialog.band_note.isVisibleTo(dialog)  # Maya is in the plan's band
    assert services.plans.all_plans() == []  # nothing written by the preview
    with qtbot.waitSignal(dialog.imported, timeout=15000) as imported:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    active = services.plans.active_for(maya)
    assert active is not None and active.id == imported.args[0]
    assert active.plan == make_plan()
    assert dialog.result() == ImportPlanDialog.DialogCode.Accepted


def test_the_example_plan_file_previews_every_week_and_imports(qtbot, ops, services, clock,
                                                              library, maya, tmp_path):
    plan = example_plan(dt.date(2026, 11, 16))
    path = tmp_path / "example.porchplan"
    path.write_bytes(plan_bytes(plan, library))
    dialog = open_dialog(qtbot, ops, clock, library, path)
    assert dialog.findChild(QLabel, "planUnknownIds") is None  # every id is in this version
    shown = texts(dialog)
    for week in plan.weeks:
        assert f"Week {week.number} · from" in shown
        assert week.note in shown
        assert all(q.text in shown for q in week.questions)
        assert all(library.topic(t).title in shown for t in week.topics)
    assert "In the car / At a meal / At bedtime / Somewhere else" in shown
    assert plan.counsellor_contact in shown
    with qtbot.waitSignal(dialog.imported, timeout=15000):
        dialog.accept_button.click()
    assert services.plans.active_for(maya).plan == plan


def test_declining_imports_nothing(qtbot, ops, services, clock, library, maya, tmp_path):
    dialog = open_dialog(qtbot, ops, clock, library, write_plan(tmp_path, make_plan()))
    qtbot.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle)
    assert dialog.result() == ImportPlanDialog.DialogCode.Rejected
    assert services.plans.all_plans() == []


def _retitled(data: dict) -> None:
    data["entry"][0]["resource"]["title"] = 42


def _unknown_resource(data: dict) -> None:
    data["entry"][1]["resource"]["resourceType"] = "Patient"


@pytest.mark.parametrize(("damage", "field"), [
    (lambda raw: raw[: len(raw) // 2], "The file is not JSON"),
    (lambda raw: b"[" * 5000 + b"]" * 5000, "nested"),
    (lambda raw: raw + b" " * (1024 * 1024), "1 MB"),
    (lambda raw: b"", "The file is not JSON"),
    ("retitled", "entry[0].resource.title"),
    ("unknown", "entry[1].resource"),
])
def test_damaged_files_say_what_is_wrong_and_import_nothing(qtbot, ops, services, clock,
                                                            library, maya, tmp_path, damage,
                                                            field):
    raw = plan_bytes(make_plan())
    if damage in ("retitled", "unknown"):
        data = json.loads(raw)
        (_retitled if damage == "retitled" else _unknown_resource)(data)
        raw = json.dumps(data).encode()
    else:
        raw = damage(raw)
    path = tmp_path / "damaged.porchplan"
    path.write_bytes(raw)
    dialog = open_dialog(qtbot, ops, clock, library, path)
    message = dialog.message.text()
    assert dialog.message.isVisibleTo(dialog)
    assert "damaged.porchplan" in message and "Nothing was imported" in message
    assert field in dialog.problems.text()
    assert dialog.problems.textFormat() == Qt.TextFormat.PlainText
    assert dialog.plan is None and not dialog.accept_button.isEnabled()
    assert not dialog.accept_button.isVisibleTo(dialog)
    assert dialog.decline_button.text() == "Close"
    assert not dialog.scroll.isVisibleTo(dialog)
    dialog.accept_plan()  # even asked directly, nothing happens
    qtbot.waitUntil(ops.idle)
    assert services.plans.all_plans() == []


def test_a_missing_file_is_said_plainly(qtbot, ops, clock, library, maya, tmp_path):
    dialog = open_dialog(qtbot, ops, clock, library, tmp_path / "gone.porchplan")
    assert "gone.porchplan" in dialog.message.text()
    assert "could not be opened" in dialog.problems.text()
    assert not dialog.accept_button.isEnabled()


def test_markup_in_the_plan_is_shown_as_plain_text(qtbot, ops, clock, library, maya, tmp_path):
    plan = make_plan(title="<b>Week plan</b> <img src=x>", note="<i>why</i> it <b>matters</b>")
    dialog = open_dialog(qtbot, ops, clock, library, write_plan(tmp_path, plan))
    title = dialog.findChild(PlanPreview).findChild(QLabel, "sectionTitle")
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert "<b>" in title.text() and "<img src=x>" in title.text()
    note = dialog.findChild(QLabel, "week1Note")
    assert note.textFormat() == Qt.TextFormat.PlainText and "<b>matters</b>" in note.text()
    plain = [label for label in dialog.findChildren(QLabel) if "<b>" in label.text()]
    assert plain and all(label.textFormat() == Qt.TextFormat.PlainText for label in plain)


def test_ids_this_version_does_not_know_are_listed_and_the_rest_imports(
        qtbot, ops, services, clock, library, maya, tmp_path):
    plan = make_plan(topic="topic-from-the-future")
    dialog = open_dialog(qtbot, ops, clock, library, write_plan(tmp_path, plan))
    note = dialog.findChild(QLabel, "planUnknownIds")
    assert note is not None and "topic-from-the-future" in note.text()
    assert "not in this version of Porchlight" in note.text()
    assert "topic-from-the-future (not in this version of Porchlight)" in texts(dialog)
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=15000):
        dialog.accept_button.click()
    assert services.plans.active_for(maya).plan.weeks[0].topics == ("topic-from-the-future",)


def test_an_expired_plan_can_be_read_but_not_imported(qtbot, ops, services, clock, library,
                                                      maya, tmp_path):
    plan = make_plan(expires=dt.date(2026, 11, 20))
    dialog = open_dialog(qtbot, ops, clock, library, write_plan(tmp_path, plan))
    assert dialog.expired.isVisibleTo(dialog) and "expired" in dialog.expired.text()
    assert dialog.heading.text() == "This plan has expired"
    assert dialog.decline_button.text() == "Close"
    assert dialog.scroll.isVisibleTo(dialog)  # still readable
    assert "Staying safe online" in texts(dialog)
    assert not dialog.accept_button.isEnabled()
    dialog.accept_plan()
    qtbot.waitUntil(ops.idle)
    assert services.plans.all_plans() == []


def test_a_plan_for_another_band_is_said_calmly_and_the_parent_decides(
        qtbot, ops, services, clock, library, tmp_path):
    teen = services.family.add("Jo", 2012, 1).id  # 14: ages 13–15
    dialog = open_dialog(qtbot, ops, clock, library, write_plan(tmp_path, make_plan()))
    assert dialog.band_note.isVisibleTo(dialog)
    words = dialog.band_note.text()
    assert "ages 9–12" in words and "ages 13–15" in words and "Jo best" in words
    with qtbot.waitSignal(dialog.imported, timeout=15000):
        dialog.accept_button.click()
    assert services.plans.active_for(teen) is not None


def test_a_child_with_a_plan_ends_it_first_only_when_the_parent_says_so(
        qtbot, ops, services, clock, library, maya, tmp_path):
    old = services.plans.import_plan(make_plan(title="The first plan", plan_id="old"), maya)
    dialog = open_dialog(qtbot, ops, clock, library,
                         write_plan(tmp_path, make_plan(title="The second plan")))
    assert dialog.end_row.isVisibleTo(dialog)
    assert "The first plan" in dialog.active_note.text()
    assert not dialog.accept_button.isEnabled()
    dialog.end_first.setChecked(True)
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=15000):
        dialog.accept_button.click()
    names, accessible = interactive_names(dialog)
    assert {"planChild", "planEndFirst", "planAccept", "planDecline"} <= set(names)
    assert len(set(names)) == len(names) and all(names)
    assert len(set(accessible)) == len(accessible) and all(accessible)
    plans = {p.plan.title: p for p in services.plans.all_plans()}
    assert plans["The first plan"].ended_at is not None
    assert services.plans.active_for(maya).plan.title == "The second plan"
    assert services.plans.plan(old.id).ended_at is not None


def test_import_asks_for_the_file_and_closing_the_chooser_does_nothing(
        qtbot, ops, services, clock, library, maya, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: asked.append(a[3]) or ("", ""))
    assert start_import(ops, clock, library, None) is None
    assert asked and "*.porchplan" in asked[0]
    qtbot.waitUntil(ops.idle)
    assert services.plans.all_plans() == []


def test_a_progress_report_is_not_taken_for_a_plan(qtbot, ops, services, clock, library, maya,
                                                    tmp_path):
    from app.core.plans.examples import example_plan, example_report
    from app.core.plans.fhir_report import report_bytes

    plan = example_plan(clock.now().date())
    path = tmp_path / "report.json"
    path.write_bytes(report_bytes(example_report(plan, clock.now())))
    dialog = open_dialog(qtbot, ops, clock, library, path)
    assert "progress report, not a plan" in dialog.problems.text()
    assert dialog.plan is None and not dialog.accept_button.isVisibleTo(dialog)
    qtbot.waitUntil(ops.idle)
    assert services.plans.all_plans() == []
