"""The evidence log: entries saved, edited, deleted after a confirmation, exported honestly,
and typed words never thrown away without asking — all on the database worker."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import event

from app.core.evidence import EvidenceDraft
from app.ui.help.evidence_log import EvidenceLog
from app.ui.ops import Ops
from app.ui.printing import PRINTER_FAILED, save_pdf, send_to_printer
from tests.ui.modal_answers import answer_next


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def _settle(qtbot, ops) -> None:
    qtbot.waitUntil(ops.idle, timeout=15000)


def _log(qtbot, ops) -> EvidenceLog:
    log = EvidenceLog(ops)
    qtbot.addWidget(log)
    log.show()
    _settle(qtbot, ops)
    return log


def _save_entry(qtbot, ops, log, username: str) -> int:
    log.start_new()
    qtbot.keyClicks(log.fields["username"], username)
    assert log.save()
    _settle(qtbot, ops)
    return log.editing_id()


def _choose_pdf_path(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(path), "PDF files (*.pdf)"))


def test_entries_are_saved_edited_and_exported(qtbot, services, ops, tmp_path, monkeypatch):
    log = _log(qtbot, ops)
    assert not log.save()
    assert "at least one" in log.message.text()
    qtbot.keyClicks(log.fields["platform"], "Instagram")
    qtbot.keyClicks(log.fields["username"], "velvet.harbor.77")
    qtbot.keyClicks(log.fields["demanded"], "Asked for $300 in gift cards")
    log.save()
    _settle(qtbot, ops)
    assert log.message.text() == "Saved."
    assert log.entries.count() == 1 and not log.has_unsaved_changes()
    log.fields["payment_handles"].setText("Gift card codes to velvetpay")
    log.save()
    _settle(qtbot, ops)
    assert log.entries.count() == 1
    assert services.evidence.entries()[0].draft.payment_handles == "Gift card codes to velvetpay"

    target = tmp_path / "for-police"
    _choose_pdf_path(monkeypatch, target)
    log.save_log_pdf()
    _settle(qtbot, ops)
    path = str(target) + ".pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "velvet.harbor.77" in text and "gift cards" in text and "Evidence log" in text
    assert log.message.text() == f"Saved to {path}"

    log.start_new()
    qtbot.keyClicks(log.fields["notes"], "Second contact on a new account")
    log.save()
    _settle(qtbot, ops)
    assert log.entries.count() == 2
    log.entries.setCurrentRow(0)
    assert log.fields["username"].text() == "velvet.harbor.77"
    seen: list[tuple[str, str]] = []
    answer_next("confirmDeleteEvidenceButton", seen)
    assert log.delete_selected()
    _settle(qtbot, ops)
    assert [e.draft.notes for e in services.evidence.entries()] == [
        "Second contact on a new account"]
    assert log.entries.count() == 1 and log.editing_id() is None
    title, text = seen[0]
    assert title == "Delete this entry?" and "velvet" not in title + text
    assert "deleted from this computer" in text


def test_the_pdf_holds_an_entry_saved_a_moment_before(qtbot, services, ops, tmp_path,
                                                      monkeypatch):
    """Printing reads the entries on the worker, after the save still on its way."""
    log = _log(qtbot, ops)
    qtbot.keyClicks(log.fields["username"], "just.saved")
    log.save()
    target = tmp_path / "log.pdf"
    _choose_pdf_path(monkeypatch, target)
    log.save_log_pdf()  # before the save has come back
    _settle(qtbot, ops)
    text = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "just.saved" in text


def test_entries_are_listed_with_the_moment_through_qlocale(qtbot, services, ops, clock):
    from app.ui.dates import moment_words

    services.evidence.add(EvidenceDraft(username="harbor.fox"))
    log = _log(qtbot, ops)
    assert log.entries.item(0).text() == f"{moment_words(clock.now())} — harbor.fox"


def test_a_save_elsewhere_shows_up_in_the_list(qtbot, ops):
    from app.core.changes import Changes

    log = _log(qtbot, ops)
    ops.write(lambda s: s.evidence.add(EvidenceDraft(platform="Discord")),
              touches=Changes(evidence=True), owner=None)
    _settle(qtbot, ops)
    assert log.entries.count() == 1 and log.entries.isVisibleTo(log)


def test_no_sql_on_the_gui_thread(qtbot, services, ops, tmp_path, monkeypatch):
    statements: list[int] = []

    def record(*_):
        statements.append(threading.get_ident())

    engine = services.vault.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        log = _log(qtbot, ops)
        _save_entry(qtbot, ops, log, "first.account")
        _save_entry(qtbot, ops, log, "second.account")
        log.entries.setCurrentRow(0)
        _choose_pdf_path(monkeypatch, tmp_path / "log.pdf")
        log.save_log_pdf()
        _settle(qtbot, ops)
        answer_next("confirmDeleteEvidenceButton")
        log.delete_selected()
        _settle(qtbot, ops)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements and threading.get_ident() not in statements
    assert [e.draft.username for e in services.evidence.entries()] == ["second.account"]


def test_delete_asks_first_and_keep_it_keeps_the_entry(qtbot, services, ops):
    log = _log(qtbot, ops)
    _save_entry(qtbot, ops, log, "harbor.fox")
    answer_next("keepEvidenceButton")
    assert not log.delete_selected()
    _settle(qtbot, ops)
    assert [e.draft.username for e in services.evidence.entries()] == ["harbor.fox"]


def test_clicking_another_entry_with_unsaved_words_asks_and_cancel_keeps_them(qtbot, services,
                                                                              ops):
    log = _log(qtbot, ops)
    first = _save_entry(qtbot, ops, log, "first.account")
    _save_entry(qtbot, ops, log, "second.account")
    qtbot.keyClicks(log.fields["notes"], "half-typed words")
    seen: list[tuple[str, str]] = []
    answer_next("unsavedCancel", seen)
    log.entries.setCurrentRow(0)
    assert seen and seen[0][0] == "Save this entry first?"
    assert log.fields["notes"].toPlainText() == "half-typed words"
    assert log.fields["username"].text() == "second.account"
    assert log.entries.currentRow() == 1 and log.has_unsaved_changes()

    answer_next("unsavedSave")  # Save: the words are kept, then the other entry opens
    log.entries.setCurrentRow(0)
    _settle(qtbot, ops)
    assert log.editing_id() == first and log.fields["username"].text() == "first.account"
    assert log.entries.currentRow() == 0
    assert [e.draft.notes for e in services.evidence.entries()] == ["", "half-typed words"]

    qtbot.keyClicks(log.fields["notes"], "thrown away on purpose")
    answer_next("unsavedDiscard")
    log.entries.setCurrentRow(1)
    _settle(qtbot, ops)
    assert log.fields["username"].text() == "second.account"
    assert services.evidence.entries()[0].draft.notes == ""


def test_new_entry_with_unsaved_words_asks_first(qtbot, services, ops):
    log = _log(qtbot, ops)
    qtbot.keyClicks(log.fields["platform"], "A game")
    answer_next("unsavedCancel")
    log.start_new()
    assert log.fields["platform"].text() == "A game"
    answer_next("unsavedSave")
    log.start_new()
    _settle(qtbot, ops)
    assert [e.draft.platform for e in services.evidence.entries()] == ["A game"]
    assert log.fields["platform"].text() == "" and log.editing_id() is None


def test_save_as_pdf_into_a_folder_that_is_gone_says_so(qtbot, services, ops, tmp_path,
                                                        monkeypatch):
    log = _log(qtbot, ops)
    _save_entry(qtbot, ops, log, "harbor.fox")
    missing = tmp_path / "usb-stick" / "log.pdf"
    _choose_pdf_path(monkeypatch, missing)
    log.save_log_pdf()
    _settle(qtbot, ops)
    assert "not saved" in log.message.text() and "Choose another folder" in log.message.text()
    assert log.message.objectName() == "errorMessage"
    assert not missing.exists()


def test_save_pdf_writes_a_real_file_or_reports_why_not(qtbot, tmp_path):
    document = QTextDocument()
    document.setPlainText("Evidence")
    target = tmp_path / "log.pdf"
    assert save_pdf(document, str(target), "t") and target.stat().st_size > 0
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = save_pdf(document, str(blocked / "log.pdf"), "t")
    assert not result.ok and result.reason
    assert blocked.read_text() == "not a folder"


def test_a_printer_that_fails_is_reported(qtbot, tmp_path):
    document = QTextDocument()
    document.setPlainText("Evidence")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "gone" / "out.pdf"))
    assert send_to_printer(document, printer).reason == PRINTER_FAILED
    nowhere = QPrinter()
    nowhere.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert not send_to_printer(document, nowhere)


def test_unsaved_draft_and_restore_bring_the_words_back(qtbot, services, ops):
    log = _log(qtbot, ops)
    assert log.unsaved_draft() is None
    entry_id = _save_entry(qtbot, ops, log, "harbor.fox")
    assert log.unsaved_draft() is None
    qtbot.keyClicks(log.fields["notes"], "He asked again at 9pm")
    draft = log.unsaved_draft()
    assert draft is not None and draft["editing_id"] == entry_id
    assert draft["fields"]["notes"] == "He asked again at 9pm"  # type: ignore[index]

    fresh = _log(qtbot, ops)  # after the next unlock
    fresh.restore_draft(draft)
    assert fresh.unsaved_draft() is not None  # at once: an autosave never drops the draft
    _settle(qtbot, ops)
    assert fresh.editing_id() == entry_id and fresh.entries.currentRow() == 0
    assert fresh.fields["notes"].toPlainText() == "He asked again at 9pm"
    assert fresh.has_unsaved_changes()
    assert fresh.save()
    _settle(qtbot, ops)
    assert services.evidence.entries()[0].draft.notes == "He asked again at 9pm"
    assert len(services.evidence.entries()) == 1


def test_a_draft_for_a_deleted_entry_comes_back_as_a_new_one(qtbot, services, ops):
    log = _log(qtbot, ops)
    entry_id = _save_entry(qtbot, ops, log, "harbor.fox")
    payload = {"kind": "evidence_entry", "editing_id": entry_id,
               "fields": {"username": "harbor.fox", "notes": "kept"}}
    services.evidence.delete(entry_id)
    fresh = _log(qtbot, ops)
    fresh.restore_draft(payload)
    _settle(qtbot, ops)
    assert fresh.editing_id() is None and fresh.has_unsaved_changes()
    assert fresh.save()
    _settle(qtbot, ops)
    assert [e.draft.notes for e in services.evidence.entries()] == ["kept"]
