"""The progress report writer on a real vault: the parent ticks what goes in, sees it, saves a
PDF 1.6 with the report's JSON inside, the JSON beside it and an HTML copy — and no word from
an entry, a record, an answer or a note they did not tick is in any of the three files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.coach import TalkItem, TalkRecord
from app.core.journal.model import EntryFields
from app.core.plans.model import Answer, Plan, PlanWeek, Question, TaskRecord, Withheld
from app.ui.content_access import shipped_library
from app.ui.ops import Ops
from app.ui.plans.report_dialog import PREVIEW_TAB, ReportDialog
from app.ui.plans.report_document import report_html

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)  # the clock fixture's moment
START = dt.date(2026, 11, 9)  # two weeks before: the plan is in its third week
SHARED = ("zebracrossing", "kettleobstacle", "lanternanswer", "orchardhelped")
PRIVATE = ("xylophonesecret", "pondthought", "quincehelped", "walrusanswer", "marmotnote",
           "heronquestion")


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def _plan() -> Plan:
    weeks = (
        PlanWeek(1, topics=("saying-no",), refusal="refusal.no-thanks",
                 questions=(Question("w1.q1", "text", "What went well?"),),
                 note="Start small."),
        PlanWeek(2, topics=("gifts-and-money",), watch=("sign.unexplained-gifts",),
                 questions=(Question("w2.q1", "text", "What surprised you?"),)),
        PlanWeek(3, topics=("pictures",)),
        PlanWeek(4, topics=("privacy",)),
    )
    return Plan("plan-7", 2, "Safer online <b>together</b>", "M. & family", "9-12", START,
                weeks)


@pytest.fixture
def plan_id(services):
    maya = services.family.add("Maya", 2016, 4).id
    active = services.plans.import_plan(_plan(), maya)
    plans = services.plans
    plans.record_task(active.id, TaskRecord("w1.talk", 2, 4, 2, got_in_the_way="kettleobstacle",
                                            helped="orchardhelped", question_for_next="How often?"))
    plans.record_task(active.id, TaskRecord("w2.talk", 1, 3, 3, helped="quincehelped",
                                            question_for_next="heronquestion"))
    plans.answer(active.id, Answer("w1.q1", "lanternanswer", NOW))
    plans.answer(active.id, Answer("w2.q1", "walrusanswer", NOW))
    day = dt.datetime(2026, 11, 10, 17, tzinfo=dt.UTC)
    services.talks.save(TalkRecord((maya,), "9-12", day, items=[
        TalkItem("x", "saying-no", "talked")], practised=True, finished_at=day))
    services.journal.add(EntryFields(maya, dt.datetime(2026, 11, 12, 9, tzinfo=dt.UTC),
                                     ("sign.unexplained-gifts",), saw="zebracrossing gift",
                                     think="pondthought", strength=2))
    services.journal.add(EntryFields(maya, dt.datetime(2026, 11, 13, 9, tzinfo=dt.UTC),
                                     ("sign.hides-screen",), saw="xylophonesecret"))
    return active.id


def _open(qtbot, ops, services, plan_id) -> ReportDialog:
    dialog = ReportDialog(ops, services.vault.clock, shipped_library().library, plan_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=15000)
    return dialog


def _choose(dialog: ReportDialog) -> None:
    """Tick the first entry (facts only), leave out week 2's talk and answers and the note."""
    zebra = next(e.id for e in dialog.data.entries if "zebracrossing" in e.preview)
    dialog.tick_entries({zebra})
    dialog.set_section("w2.talk", False)
    dialog.set_reason("w2.talk", "We'd rather talk about it")
    dialog.set_section("w2.answers", False)
    dialog.note.setPlainText("marmotnote for you")
    dialog.set_section("note", False)


def _preview(qtbot, dialog: ReportDialog) -> None:
    dialog.tabs.setCurrentIndex(PREVIEW_TAB)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15000)


def test_the_writer_lists_every_section_and_no_entry_is_ticked_until_the_parent_ticks(
        qtbot, services, ops, plan_id):
    dialog = _open(qtbot, ops, services, plan_id)
    keys = list(dialog.section_items())
    assert keys == ["progress", "w1.talk", "w1.refusal", "w1.answers", "w2.talk", "w2.watch",
                    "w2.answers", "w3.talk", "w4.talk", "journal-summary", "journal-entries",
                    "chart", "note"]
    assert dialog.ticked_entry_ids() == [] and dialog.entries.count() == 2
    assert dialog.choices().included == set(keys) - {"journal-entries"}
    assert dialog.facts_only.isChecked()
    dialog.tick_entries({dialog.data.entries[0].id})
    assert dialog.section_items()["journal-entries"].checkState(0) == Qt.CheckState.Checked


def test_the_preview_shows_what_is_ticked_and_withholds_the_rest_with_the_reason(
        qtbot, services, ops, plan_id):
    dialog = _open(qtbot, ops, services, plan_id)
    _choose(dialog)
    _preview(qtbot, dialog)
    text = dialog.preview.toPlainText()
    assert dialog.preview.isReadOnly()
    for word in SHARED:
        assert word in text
    for word in PRIVATE:
        assert word not in text
    assert "Safer online <b>together</b>" in text  # the plan's words, shown as written
    sections = {s.key: s for s in dialog.report.sections}
    assert sections["w2.talk"].withheld == Withheld("We'd rather talk about it")
    assert sections["w2.answers"].withheld == Withheld("")
    assert sections["note"].withheld == Withheld("") and sections["note"].lines == ()
    assert "Their reason: We'd rather talk about it" in text
    assert [r.task_id for r in dialog.report.task_records] == ["w1.talk"]
    assert [a.question_id for a in dialog.report.answers] == ["w1.q1"]
    progress = "\n".join(sections["progress"].lines)
    assert "Talks held: 1" in progress and "Questions answered: 2 of 2" in progress


def test_the_html_copy_has_its_language_headings_and_escaped_words(qtbot, services, ops,
                                                                   plan_id):
    dialog = _open(qtbot, ops, services, plan_id)
    _preview(qtbot, dialog)
    page = report_html(dialog.report, "es-ES")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="es-ES">' in page
    assert "<h1>" in page and page.count("<h2>") == len(dialog.report.sections)
    assert "Safer online &lt;b&gt;together&lt;/b&gt;" in page and "<b>together" not in page


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return " ".join((page.extract_text() or "") for page in reader.pages)


def test_saved_files_hold_no_word_the_parent_did_not_tick_and_the_pdf_carries_the_json(
        qtbot, services, ops, plan_id, tmp_path):
    pytest.importorskip("app.core.plans.fhir_report")
    from pypdf import PdfReader

    dialog = _open(qtbot, ops, services, plan_id)
    _choose(dialog)
    _preview(qtbot, dialog)
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "report.pdf"
    assert dialog.save_to(pdf)
    json_file, html_file = out / "report.json", out / "report.html"
    assert sorted(p.name for p in out.iterdir()) == [
        "report.html", "report.json", "report.pdf"]  # no temporary file left behind
    reader = PdfReader(str(pdf))
    assert reader.pdf_header == "%PDF-1.6"
    assert reader.attachments == {"report.json": [json_file.read_bytes()]}
    text = re.sub(r"\s+", " ", _pdf_text(pdf)).lower()
    files = {"pdf text": text, "pdf bytes": pdf.read_bytes().decode("latin-1").lower(),
             "json": json_file.read_bytes().decode("utf-8").lower(),
             "html": html_file.read_bytes().decode("utf-8").lower()}
    for word in PRIVATE:
        for name, content in files.items():
            assert word not in content, f"{word} in the {name}"
    for word in SHARED:
        for name in ("pdf text", "json", "html"):
            assert word in files[name], f"{word} missing from the {name}"
    for name in ("pdf text", "json", "html"):
        assert "we'd rather talk about it" in files[name].replace("&#x27;", "'")


def test_the_withheld_reasons_read_back_from_the_json(qtbot, services, ops, plan_id,
                                                      tmp_path):
    fhir_report = pytest.importorskip("app.core.plans.fhir_report")
    dialog = _open(qtbot, ops, services, plan_id)
    _choose(dialog)
    _preview(qtbot, dialog)
    assert dialog.save_to(tmp_path / "r.pdf")
    back = fhir_report.read_report((tmp_path / "r.json").read_bytes(), "r.json")
    withheld = {s.key: s.withheld for s in back.sections if s.withheld is not None}
    assert withheld["w2.talk"] == Withheld("We'd rather talk about it")
    assert {"w2.answers", "note"} <= set(withheld)
    assert "w1.talk" not in withheld


def test_a_folder_that_cannot_be_written_says_so_and_leaves_nothing(qtbot, services, ops,
                                                                   plan_id, tmp_path):
    pytest.importorskip("app.core.plans.fhir_report")
    dialog = _open(qtbot, ops, services, plan_id)
    _preview(qtbot, dialog)
    missing = tmp_path / "gone" / "report.pdf"
    assert not dialog.save_to(missing)
    assert "not saved" in dialog.message.text()
    assert not (tmp_path / "gone").exists()


def test_the_saved_json_is_a_valid_fhir_document(qtbot, services, ops, plan_id, tmp_path):
    bundle = pytest.importorskip("fhir.resources.R4B.bundle")
    dialog = _open(qtbot, ops, services, plan_id)
    _choose(dialog)
    _preview(qtbot, dialog)
    assert dialog.save_to(tmp_path / "r.pdf")
    bundle.Bundle.model_validate_json((tmp_path / "r.json").read_bytes())


def test_every_control_has_its_own_name_on_both_tabs(qtbot, services, ops, plan_id):
    from tests.ui.test_accessibility import accessible_name, controls

    dialog = _open(qtbot, ops, services, plan_id)
    for tab in (0, PREVIEW_TAB):
        dialog.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(ops.idle, timeout=15000)
        found = controls(dialog)
        names = [accessible_name(widget) for widget in found]
        assert all(names), [w.objectName() for w, n in zip(found, names, strict=True) if not n]
        assert len(set(names)) == len(names), names
        assert all(widget.objectName() for widget in found)
