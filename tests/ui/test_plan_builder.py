"""The plan builder and the templates page, driven as a counsellor would, on a real vault.

A 4-week plan built in the widgets is written as a ``.porchplan`` that reads back equal with
``read_plan``; saving it again is a newer version of the same plan; a plan with gaps is refused
with words; templates are kept, opened in the builder, renamed and deleted.
"""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QFileDialog

from app.core.plans.fhir_plan import read_plan
from app.ui.content_access import shipped_library
from app.ui.counsellor import counsellor_pages
from app.ui.counsellor.builder_page import PlanBuilderPage
from app.ui.counsellor.templates_page import TemplatesPage
from app.ui.ops import Ops


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
def builder(qtbot, ops, clock, library):
    page = PlanBuilderPage(ops, clock, library)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    return page


def _tick(widget, row: int) -> str:
    item = widget.item(row)
    item.setCheckState(Qt.CheckState.Checked)
    return item.data(Qt.ItemDataRole.UserRole)


def _fill_four_weeks(qtbot, page: PlanBuilderPage) -> None:
    qtbot.keyClicks(page.plan_title, "Safe with new friends online")
    qtbot.keyClicks(page.family_label, "M. and J.")
    page.band.setCurrentIndex(page.band.findData("9-12"))
    page.start.setDate(QDate(2026, 11, 30))
    page.weeks.setValue(4)
    page.suggest_checkin.setChecked(True)
    page.checkin_day.setCurrentIndex(2)
    page.checkin_time.setTime(QTime(18, 30))
    qtbot.keyClicks(page.contact, "Sam Lee, family counsellor, 555 0100")
    kinds = ["yes-no", "scale", "choice", "text"]
    for number in range(1, 5):
        page.week_list.setCurrentRow(number - 1)
        editor = page.editors[number - 1]
        assert page.week_stack.currentWidget() is editor
        _tick(editor.topics, number - 1)
        if number == 2:
            _tick(editor.starters, 0)  # starters follow the ticked topics
        editor.refusal.setCurrentIndex(number)
        sign = editor.signs.topLevelItem(0).child(0)
        sign.setCheckState(0, Qt.CheckState.Checked)
        first = editor.questions[0]
        first.kind.setCurrentIndex(first.kind.findData(kinds[number - 1]))
        qtbot.keyClicks(first.text, f"Week {number}: did the talk happen?")
        if kinds[number - 1] == "choice":
            first.choices.setPlainText("At dinner\nIn the car\n\nAt bedtime")
        if number == 3:
            second = editor.questions[1]
            second.kind.setCurrentIndex(second.kind.findData("text"))
            qtbot.keyClicks(second.text, "What did they say about it?")
        editor.note.setPlainText(f"Week {number} builds on the last one.")


def test_a_four_week_plan_is_saved_as_a_file_that_reads_back_equal(
        qtbot, builder, ops, services, tmp_path, monkeypatch):
    _fill_four_weeks(qtbot, builder)
    target = tmp_path / "for the family"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.last_saved is not None, timeout=15000)
    written = tmp_path / "for the family.porchplan"
    assert written.is_file()
    plan = read_plan(written.read_bytes(), written.name)
    assert plan == builder.last_saved
    assert plan.version == 1 and plan.id
    assert len(plan.weeks) == 4 and plan.band == "9-12"
    assert plan.checkin_weekday == 2 and plan.checkin_time == dt.time(18, 30)
    assert plan.weeks[1].starters and plan.weeks[2].questions[1].kind == "text"
    assert plan.weeks[2].questions[0].choices == ("At dinner", "In the car", "At bedtime")
    assert all(len(w.questions) == 1 for i, w in enumerate(plan.weeks) if i != 2)
    assert all(w.topics and w.refusal and w.watch and w.note for w in plan.weeks)
    assert "Plan saved" in builder.message.text()
    assert services.plans.built() == [plan]

    # Saving again is a newer version of the same plan, and replaces the kept copy.
    builder.weeks.setValue(3)
    builder.save_plan_file(written)
    qtbot.waitUntil(lambda: builder.last_saved.version == 2, timeout=15000)
    again = read_plan(written.read_bytes(), written.name)
    assert again.id == plan.id and len(again.weeks) == 3
    assert services.plans.built() == [again]


def test_a_plan_with_gaps_is_refused_in_words_and_nothing_is_written(
        qtbot, builder, ops, tmp_path, monkeypatch):
    asked, out = [], tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(1) or (str(out / "x"), ""))
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    text = builder.message.text()
    assert "title" in text and "family label" in text
    assert not asked and not list(out.iterdir())
    qtbot.keyClicks(builder.plan_title, "Plan")
    qtbot.keyClicks(builder.family_label, "K.")
    editor = builder.editors[0]
    _tick(editor.topics, 0)
    choice = editor.questions[0]
    choice.kind.setCurrentIndex(choice.kind.findData("choice"))
    qtbot.keyClicks(choice.text, "Where did you talk?")
    choice.choices.setPlainText("Only one")
    builder.weeks.setValue(1)
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    assert "between 2 and" in builder.message.text()
    assert not asked


def test_topics_follow_the_age_band_and_keep_what_still_fits(builder, library):
    editor = builder.editors[0]
    builder.band.setCurrentIndex(builder.band.findData("13-15"))
    shown = [editor.topics.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(editor.topics.count())]
    assert shown == [t.id for t in library.topics_for("13-15")]
    both = next(t.id for t in library.topics_for("13-15") if "9-12" in t.bands)
    editor.topics.item(shown.index(both)).setCheckState(Qt.CheckState.Checked)
    builder.band.setCurrentIndex(builder.band.findData("9-12"))
    assert editor.week().topics == (both,)
    starters = [editor.starters.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.starters.count())]
    assert starters == [s.id for s in library.starters("9-12", both)]


def test_templates_are_kept_opened_renamed_and_deleted(qtbot, ops, clock, library, services):
    builder, templates, _reports = counsellor_pages(ops, clock, library)
    for page in (builder, templates):
        qtbot.addWidget(page)
    builder.show()
    qtbot.keyClicks(builder.plan_title, "Starting out")
    qtbot.keyClicks(builder.family_label, "Any family")
    builder.weeks.setValue(2)
    for editor in builder.editors[:2]:
        _tick(editor.topics, 0)
        qtbot.keyClicks(editor.questions[0].text, "Did it go well?")
    builder.save_template("Starting out, 2 weeks")
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert "Saved as the template" in builder.message.text()
    assert isinstance(templates, TemplatesPage)
    templates.show()
    qtbot.waitUntil(lambda: len(templates.kept.templates) == 1, timeout=15000)
    assert templates.template_list.item(0).text().startswith("Starting out, 2 weeks\n2 week")

    builder.start_new()
    assert builder.plan_title.text() == ""
    shown = []
    builder.show_requested.connect(lambda: shown.append(True))
    templates.template_list.setCurrentRow(0)
    qtbot.mouseClick(templates.open_template, Qt.MouseButton.LeftButton)
    assert shown and builder.plan_title.text() == "Starting out"
    assert builder.weeks.value() == 2 and builder.editors[1].week().topics
    assert builder.plan().id == ""  # a template starts a new plan

    template_id = templates.kept.templates[0][0]
    templates.rename(template_id, "Two gentle weeks")
    qtbot.waitUntil(lambda: [n for _i, n, _p in templates.kept.templates]
                    == ["Two gentle weeks"], timeout=15000)
    templates.template_list.setCurrentRow(0)
    templates.delete(templates.chosen_template()[0])
    qtbot.waitUntil(lambda: not templates.kept.templates, timeout=15000)
    assert services.plans.templates() == []
    assert not templates.open_template.isEnabled()
