"""Reports received: a family's report file opened, kept in the vault and shown, with every
withheld section marked (and the parent's reason), words from the file shown as plain text, and
files that are not a report named calmly."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from app.core.plans.model import (
    Answer,
    Plan,
    PlanWeek,
    Question,
    Report,
    ReportSection,
    TaskRecord,
    Withheld,
)
from app.ui.counsellor.reports_page import ReportsPage
from app.ui.ops import Ops

NOW = dt.datetime(2026, 12, 14, 19, 0, tzinfo=dt.UTC)


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def page(qtbot, ops):
    widget = ReportsPage(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return widget


def two_week_report() -> Report:
    return Report(
        plan_id="plan-1", plan_version=2, plan_title="Safe with new friends online",
        family_label="M. and J.", written_at=NOW, period_start=dt.date(2026, 11, 30),
        period_end=dt.date(2026, 12, 13),
        sections=(
            ReportSection("w1.talk", "Week 1: the talk", ("Talked twice, at dinner.",)),
            ReportSection("w1.refusal", "Week 1: the refusal line",
                          withheld=Withheld("We would rather talk about this in person.")),
            ReportSection("w2.talk", "Week 2: the talk", ("<b>Not</b> rendered",)),
            ReportSection("answers", "Answers to the weekly questions"),
            ReportSection("journal-summary", "Journal summary", withheld=Withheld()),
            ReportSection("note", "A note from the parent", ("Week 2 was harder.",)),
        ),
        task_records=(
            TaskRecord("w1.talk", times_done=2, how_it_went=4, how_hard=2,
                       got_in_the_way="Football practice", helped="Talking in the car",
                       question_for_next="How do we bring up gaming chats?", updated_at=NOW),
            TaskRecord("w2.talk", times_done=1, how_it_went=2, how_hard=4, updated_at=NOW),
        ),
        answers=(Answer("w1.q1", "yes", NOW), Answer("w2.q1", "3", NOW)),
    )


def _texts(widget, name: str) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel, name)]


def test_the_view_shows_progress_answers_and_both_withheld_marks(page):
    plan = Plan("plan-1", 2, "Safe with new friends online", "M. and J.", "9-12",
                dt.date(2026, 11, 30), (
                    PlanWeek(1, topics=("t",), questions=(Question("w1.q1", "yes-no",
                                                                   "Did the talk happen?"),)),
                    PlanWeek(2, topics=("t",))))
    page.view.show_report(two_week_report(), plan)
    view = page.view
    assert _texts(view, "withheldMark") == ["Withheld", "Withheld"]
    assert _texts(view, "withheldReason") == [
        "The parent's reason: We would rather talk about this in person.",
        "The parent gave no reason."]
    records = _texts(view, "taskRecordLine")
    assert "How it went: 4 of 5 (5 is very well)" in records
    assert "What got in the way: Football practice" in records
    assert "What helped: Talking in the car" in records
    assert _texts(view, "nextSessionQuestion") == [
        "Week 1: the talk: How do we bring up gaming chats?"]
    # Questions of a plan built here are worded; others are shown by their id.
    assert _texts(view, "answerLine") == ["Did the talk happen? — yes", "w2.q1 — 3"]
    line = next(label for label in view.findChildren(QLabel, "reportLine")
                if "rendered" in label.text())
    assert line.text() == "<b>Not</b> rendered"
    assert line.textFormat() == Qt.TextFormat.PlainText
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in view.findChildren(QLabel))


def test_a_report_file_is_opened_kept_and_shown(qtbot, page, ops, services, tmp_path,
                                                monkeypatch):
    from app.core.plans.fhir_report import report_bytes

    path = tmp_path / "report.json"
    path.write_bytes(report_bytes(two_week_report()))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view.report is not None, timeout=15000)
    assert page.report_list.count() == 1
    assert _texts(page.view, "withheldMark") == ["Withheld", "Withheld"]
    assert "would rather talk" in " ".join(_texts(page.view, "withheldReason"))
    [(report_id, _at, kept)] = services.plans.reports()
    assert kept.plan_title == "Safe with new friends online"
    assert kept.sections[1].withheld == Withheld("We would rather talk about this in person.")

    page.delete(report_id)
    qtbot.waitUntil(lambda: not page.received.reports, timeout=15000)
    assert page.report_list.item(0).text() == "No reports yet."
    assert services.plans.reports() == []
    assert page.view.report is None


def test_a_pdf_opens_the_json_beside_it_or_says_which_file_to_ask_for(qtbot, page, tmp_path):
    from app.core.plans.fhir_report import report_bytes

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.6\n")
    page.open_report(pdf)
    assert ".json" in page.message.text() and page.view.report is None
    pdf.with_suffix(".json").write_bytes(report_bytes(two_week_report()))
    page.open_report(pdf)
    qtbot.waitUntil(lambda: page.view.report is not None, timeout=15000)
    assert "report.json" in page.message.text()


def test_a_plan_or_a_damaged_file_is_named_and_nothing_is_kept(qtbot, page, ops, services,
                                                                tmp_path):
    from app.core.plans.fhir_plan import plan_bytes

    plan = Plan("plan-1", 1, "A plan", "K.", "9-12", dt.date(2026, 11, 30),
                (PlanWeek(1, topics=("t",)),))
    plan_file = tmp_path / "homework.porchplan"
    plan_file.write_bytes(plan_bytes(plan))
    page.open_report(plan_file)
    assert "homework.porchplan is a homework plan, not a progress report" in page.message.text()

    broken = tmp_path / "broken.json"
    broken.write_text('{"resourceType": "Bundle", "type": "document", "entry": 7}')
    page.open_report(broken)
    assert page.message.text().startswith("broken.json is not a report Porchlight can read")
    assert "entry" in page.message.text()
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert services.plans.reports() == []
