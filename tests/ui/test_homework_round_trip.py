"""Counsellor homework from end to end, as issue 12 tells it, in two real windows on two vaults.

A counsellor builds a 4-week plan in the builder's own widgets and saves the ``.porchplan``; a
family imports it from the Plans page (the preview shows its weeks, topics and questions), holds
two weeks of talks in the real coach on a moving clock, answers the weekly questions the coach
asks afterwards, records how the tasks went and notes signs in the journal; then writes a
progress report with two sections withheld (one with a reason) and saves it. The counsellor
opens the report's JSON on the Reports page and sees the progress and both withheld marks. A
byte scan of the three saved files finds no word the parent did not tick.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel

from app.core.journal.model import EntryFilter
from app.core.plans.fhir_plan import read_plan
from app.core.plans.fhir_report import read_report
from app.core.plans.model import Plan, Withheld
from app.storage import vault
from app.storage.data_folder import DataFolder
from app.storage.services import Services
from app.ui.content_access import shipped_library
from app.ui.main_window import MainWindow
from app.ui.plans.report_dialog import PREVIEW_TAB, ReportDialog
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY
from tests.ui.helpers import answer_next_dialog, open_unlocked, wait_for_ops

# The plan's four weeks, with the shipped library's ids for ages 9–12.
WEEKS = (
    ("always-in-your-corner", "refusal.firm.no-secrets-at-home", "sign.hides-screen"),
    ("online-friends", "refusal.light.nice-try", "sign.unknown-contacts"),
    ("gifts-and-money", "refusal.tell-adult.they-would-want-to-know", "sign.unexplained-gifts"),
    ("threats-and-blackmail", "refusal.firm.still-no", "sign.jumpy-at-messages"),
)
QUESTIONS = ("Did you find a calm moment to talk?", "How open did your child seem?",
             "Where did the talk happen?", "What did your child say about free offers?")
KINDS = ("yes-no", "scale", "choice", "text")
PLAN_START = dt.date(2026, 11, 23)  # the clock fixture's Monday
SHARED = ("zebracrossing", "kettleobstacle", "orchardhelped", "lanternquestion")
PRIVATE = ("xylophonesecret", "pondthought", "marmotnote")
REASON = "We would rather talk about this in person"


def _context(root: Path, clock):
    from app.desktop.autostart import Autostart
    from app.desktop.notifications import RecordingNotifier
    from app.ui.context import AppContext

    return AppContext(DataFolder(root), clock=clock, kdf_params=FAST_KDF,
                      notifier=RecordingNotifier(), use_tray=False, backup_delay_ms=None,
                      autostart=Autostart("linux", root.parent / f"home-{root.name}",
                                          ["porchlight", "--minimized"]))


def _counsellor_context(tmp_path: Path, clock):
    root = tmp_path / "counsellor"
    opened = vault.create(DataFolder(root), PASSPHRASE, RECOVERY, FAST_KDF, clock)
    services = Services.for_vault(opened)
    services.plans.set_workspace("counsellor")
    services.close()
    return _context(root, clock)


def _at(day: dt.date, hour: int = 18) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def _tick(widget, item_id: str) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == item_id:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(item_id)


def _tick_sign(editor, sign_id: str) -> None:
    for item in editor._sign_items():
        if item.data(0, Qt.ItemDataRole.UserRole) == sign_id:
            item.setCheckState(0, Qt.CheckState.Checked)
            return
    raise AssertionError(sign_id)


# --- the counsellor builds the plan ----------------------------------------------------------

def _build_plan(qtbot, window: MainWindow, target: Path, monkeypatch) -> Plan:
    builder = window.shell.show_page("builder")
    wait_for_ops(qtbot, window)
    qtbot.keyClicks(builder.plan_title, "Four weeks of calm talks")
    qtbot.keyClicks(builder.family_label, "R. family")
    builder.band.setCurrentIndex(builder.band.findData("9-12"))
    builder.start.setDate(QDate(PLAN_START.year, PLAN_START.month, PLAN_START.day))
    builder.weeks.setValue(4)
    qtbot.keyClicks(builder.contact, "Sam Ortiz, family counsellor, 555 0100")
    for number, ((topic, refusal, sign), text, kind) in enumerate(
            zip(WEEKS, QUESTIONS, KINDS, strict=True), 1):
        builder.week_list.setCurrentRow(number - 1)
        editor = builder.editors[number - 1]
        _tick(editor.topics, topic)
        editor.refusal.setCurrentIndex(editor.refusal.findData(refusal))
        _tick_sign(editor, sign)
        question = editor.questions[0]
        question.kind.setCurrentIndex(question.kind.findData(kind))
        qtbot.keyClicks(question.text, text)
        if kind == "choice":
            question.choices.setPlainText("In the car\nAt a meal\nSomewhere else")
        editor.note.setPlainText(f"Week {number}: keep it short and calm.")
    assert builder.problems() == []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.last_saved is not None, timeout=15000)
    wait_for_ops(qtbot, window)
    return builder.last_saved


# --- the family imports it -------------------------------------------------------------------

def _import_plan(qtbot, window: MainWindow, plan_file: Path, monkeypatch) -> str:
    page = window.shell.show_page("plans")
    wait_for_ops(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(plan_file), ""))
    seen: list[str] = []

    def look_then_accept(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.accept_button.isEnabled(), timeout=15000)
        seen.append("\n".join(label.text() for label in dialog.findChildren(QLabel)
                              if label.isVisibleTo(dialog)))
        dialog.accept_button.click()

    answer_next_dialog(look_then_accept)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, window)
    assert seen, "the preview never opened"
    return seen[0]


# --- two weeks in the family's life ----------------------------------------------------------

def _talk(qtbot, window: MainWindow, child_id: int, *, practised: bool) -> None:
    window.checkins.start(None, (child_id,))
    wait_for_ops(qtbot, window)
    coach = window.checkins.coach
    assert any(p.reason == "plan-week" for p in coach.picks)  # the counsellor's topic first
    coach.prepare.begin_button.click()
    while coach.stack.currentWidget() is coach.talk:
        coach.talk.talked_button.click()
    coach.practise.practised.setChecked(practised)
    coach.practise.next_button.click()
    coach.close_step.next_button.click()
    coach.after.finish_button.click()
    wait_for_ops(qtbot, window)


def _answer(qtbot, window: MainWindow, week: int, fill) -> None:
    """The coach asks this week's questions once the talk is kept; the parent answers."""
    dialog = window.session.window_of_kind("plan-questions")
    assert dialog is not None and dialog.isVisible() and dialog.week == week
    fill(dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    wait_for_ops(qtbot, window)


def _record(qtbot, window: MainWindow, row_id: int, task_id: str, fill) -> None:
    page = window.shell.show_page("plans")
    wait_for_ops(qtbot, window)
    week = int(task_id.split(".")[0][1:])
    qtbot.waitUntil(lambda: page.findChild(QComboBox, f"planWeek{row_id}") is not None,
                    timeout=15000)
    weeks = page.findChild(QComboBox, f"planWeek{row_id}")
    weeks.setCurrentIndex(weeks.findData(week))
    name = f"howDidItGo_{row_id}_{task_id.replace('.', '_')}"
    ask = page.findChild(QAbstractButton, name)
    assert ask is not None, name

    def answer(dialog) -> None:
        fill(dialog)
        dialog.save_button.click()

    answer_next_dialog(answer)
    ask.click()
    qtbot.waitUntil(lambda: task_id in window.services.plans.plan(row_id).records,
                    timeout=15000)
    wait_for_ops(qtbot, window)


def _note(qtbot, window: MainWindow, sign_id: str, saw: str, think: str = "") -> None:
    """Note something in the journal, as the quick entry's own controls do it."""
    dialog = window.note_something()
    wait_for_ops(qtbot, window)
    item = next(i for i in dialog.picker._sign_items()
                if i.data(0, Qt.ItemDataRole.UserRole)[1] == sign_id)
    item.setCheckState(0, Qt.CheckState.Checked)
    if not dialog.details.isVisible():
        qtbot.mouseClick(dialog.details_toggle, Qt.MouseButton.LeftButton)
    dialog.details.saw.setPlainText(saw)
    dialog.details.think.setPlainText(think)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    wait_for_ops(qtbot, window)


def _two_weeks(qtbot, window: MainWindow, clock, maya: int, row_id: int) -> None:
    from app.ui.plans.questions_dialog import WeeklyQuestionsDialog

    def yes(dialog: WeeklyQuestionsDialog) -> None:
        dialog.findChild(QAbstractButton, "answer_w1_q1_0").click()

    def fairly_open(dialog: WeeklyQuestionsDialog) -> None:
        dialog.findChild(QAbstractButton, "answer_w2_q14").click()  # 4 of 5

    # Week 1: a talk on Wednesday, the answer, a note in the journal, the task recorded.
    clock.set(_at(PLAN_START + dt.timedelta(days=2)))
    _talk(qtbot, window, maya, practised=True)
    _answer(qtbot, window, 1, yes)
    clock.set(_at(PLAN_START + dt.timedelta(days=4), 9))
    _note(qtbot, window, "sign.hides-screen", "zebracrossing: the screen went dark",
          think="pondthought about a new game")

    def talk_went_well(dialog) -> None:
        dialog.times.setValue(2)
        dialog.went.group.button(4).click()
        dialog.hard.group.button(2).click()
        dialog.obstacles.setText("kettleobstacle: a busy week")
        dialog.helped.setText("orchardhelped: talking in the car")
        dialog.question.setText("lanternquestion: how often should we come back to it?")

    clock.set(_at(PLAN_START + dt.timedelta(days=5), 20))
    _record(qtbot, window, row_id, "w1.talk", talk_went_well)

    # Week 2: another talk and its answer, a second note, the refusal line recorded.
    clock.set(_at(PLAN_START + dt.timedelta(days=9)))
    _talk(qtbot, window, maya, practised=True)
    _answer(qtbot, window, 2, fairly_open)
    clock.set(_at(PLAN_START + dt.timedelta(days=10), 9))
    _note(qtbot, window, "sign.unknown-contacts", "xylophonesecret: a name we did not know")

    def refusal_so_so(dialog) -> None:
        dialog.times.setValue(1)
        dialog.went.group.button(3).click()

    clock.set(_at(PLAN_START + dt.timedelta(days=11), 20))
    _record(qtbot, window, row_id, "w2.refusal", refusal_so_so)


# --- the report -------------------------------------------------------------------------------

def _write_report(qtbot, window: MainWindow, row_id: int, out: Path, monkeypatch) -> Path:
    page = window.shell.show_page("plans")
    wait_for_ops(qtbot, window)
    page.findChild(QAbstractButton, f"planReport{row_id}").click()
    dialog = window.session.window_of_kind("plan-report")
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=15000)
    zebra = next(e.id for e in dialog.data.entries if "zebracrossing" in e.preview)
    dialog.tick_entries({zebra})  # facts only: the parent's thought stays out
    # Week 2's refusal line out, with a reason typed in the reason box.
    item = dialog.section_items()["w2.refusal"]
    item.setCheckState(0, Qt.CheckState.Unchecked)
    dialog.sections.setCurrentItem(item)
    assert dialog.reason.isEnabled()
    qtbot.keyClicks(dialog.reason, REASON)
    # A note written, then left out without a reason.
    dialog.note.setPlainText("marmotnote: the car talks work better than sitting down")
    dialog.section_items()["note"].setCheckState(0, Qt.CheckState.Unchecked)
    dialog.tabs.setCurrentIndex(PREVIEW_TAB)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15000)
    shown = dialog.preview.toPlainText()
    assert "zebracrossing" in shown and "marmotnote" not in shown
    pdf = out / "progress report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in dialog.message.text()
    withheld = {s.key: s.withheld for s in dialog.report.sections if s.withheld is not None}
    assert withheld == {"w2.refusal": Withheld(REASON), "note": Withheld("")}
    return pdf


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return re.sub(r"\s+", " ", " ".join((p.extract_text() or "") for p in reader.pages))


def _scan(pdf: Path) -> None:
    """No word the parent left out is in any saved file; the words they ticked are."""
    from pypdf import PdfReader

    json_file, html_file = pdf.with_suffix(".json"), pdf.with_suffix(".html")
    assert sorted(p.name for p in pdf.parent.iterdir()) == [
        "progress report.html", "progress report.json", "progress report.pdf"]
    reader = PdfReader(str(pdf))
    assert reader.attachments == {"progress report.json": [json_file.read_bytes()]}
    files = {"pdf text": _pdf_text(pdf).lower(),
             "pdf bytes": pdf.read_bytes().decode("latin-1").lower(),
             "json": json_file.read_bytes().decode("utf-8").lower(),
             "html": html_file.read_bytes().decode("utf-8").lower()}
    for word in PRIVATE:
        for name, content in files.items():
            assert word not in content, f"{word} in the {name}"
    for word in SHARED:
        for name in ("pdf text", "json", "html"):
            assert word in files[name], f"{word} missing from the {name}"


# --- the whole round trip ---------------------------------------------------------------------

def test_a_plan_goes_to_a_family_and_comes_back_as_a_report(qtbot, clock, context, services,
                                                            tmp_path, monkeypatch):
    library = shipped_library().library
    handed_over = tmp_path / "usb stick"
    handed_over.mkdir()

    # The counsellor: a vault whose workspace is "counsellor", in a real window.
    counsellor_context = _counsellor_context(tmp_path, clock)
    counsellor = open_unlocked(qtbot, counsellor_context)
    assert counsellor.shell.page_ids() == ["builder", "templates", "reports", "settings"]
    built = _build_plan(qtbot, counsellor, handed_over / "for the R family", monkeypatch)
    plan_file = handed_over / "for the R family.porchplan"
    assert read_plan(plan_file.read_bytes(), plan_file.name) == built
    assert len(built.weeks) == 4 and built.start == PLAN_START
    assert [w.topics for w in built.weeks] == [(t,) for t, _r, _s in WEEKS]
    counsellor.close()

    # The family: another data folder, another window; Maya is 10.
    maya = services.family.add("Maya", 2016, 4).id
    services.close()
    family = open_unlocked(qtbot, context)
    preview = _import_plan(qtbot, family, plan_file, monkeypatch)
    for words in ("Four weeks of calm talks", "4 weeks", "Week 4 · from", *QUESTIONS,
                  *(library.topic(t).title for t, _r, _s in WEEKS),
                  "Your counsellor: Sam Ortiz, family counsellor, 555 0100", "reads nothing"):
        assert words in preview, words
    active = family.services.plans.active_for(maya)
    assert active is not None and active.plan == built
    row_id = active.id

    _two_weeks(qtbot, family, clock, maya, row_id)
    kept = family.services.plans.plan(row_id)
    assert {q: a.value for q, a in kept.answers.items()} == {"w1.q1": "yes", "w2.q1": "4"}
    assert set(kept.records) == {"w1.talk", "w2.refusal"}
    assert len(family.services.talks.held(maya)) == 2
    notes = family.services.journal.page(EntryFilter(), 0, 10)
    assert len(notes) == 2

    clock.set(_at(PLAN_START + dt.timedelta(days=12), 19))  # Saturday of week 2
    out = tmp_path / "report"
    out.mkdir()
    pdf = _write_report(qtbot, family, row_id, out, monkeypatch)
    _scan(pdf)
    family.close()

    # The counsellor opens the JSON on the Reports page.
    report_json = pdf.with_suffix(".json")
    back = read_report(report_json.read_bytes(), report_json.name)
    assert back.plan_id == built.id and back.plan_version == built.version
    counsellor = open_unlocked(qtbot, counsellor_context)
    reports = counsellor.shell.show_page("reports")
    wait_for_ops(qtbot, counsellor)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(report_json), ""))
    qtbot.mouseClick(reports.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reports.view.report is not None, timeout=15000)
    wait_for_ops(qtbot, counsellor)
    view = reports.view

    def texts(name: str) -> list[str]:
        return [label.text() for label in view.findChildren(QLabel, name)]

    lines = texts("reportLine")
    for progress in ("Weeks done: 1 of 4", "Talks held: 2", "Questions answered: 2 of 4"):
        assert progress in lines, (progress, lines)
    assert texts("withheldMark") == ["Withheld", "Withheld"]
    assert texts("withheldReason") == [f"The parent's reason: {REASON}",
                                       "The parent gave no reason."]
    records = texts("taskRecordLine")
    assert "What helped: orchardhelped: talking in the car" in records
    assert "How it went: 4 of 5 (5 is very well)" in records
    # The plan was built here, so its questions are shown in words.
    assert texts("answerLine") == [f"{QUESTIONS[0]} — yes", f"{QUESTIONS[1]} — 4"]
    assert texts("nextSessionQuestion") == [
        "Week 1: the talk: lanternquestion: how often should we come back to it?"]
    assert counsellor.services.plans.reports()[0][2] == back
    counsellor.close()
