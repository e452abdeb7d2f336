"""The evidence log: entries saved encrypted, edited, deleted, and saved as a PDF."""

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from app.ui.help.evidence_log import EvidenceLog


def test_entries_are_saved_edited_and_exported(qtbot, services, tmp_path, monkeypatch):
    log = EvidenceLog(services.evidence)
    qtbot.addWidget(log)
    log.show()
    log.save()
    assert "at least one" in log.message.text()
    qtbot.keyClicks(log.fields["platform"], "Instagram")
    qtbot.keyClicks(log.fields["username"], "velvet.harbor.77")
    qtbot.keyClicks(log.fields["demanded"], "Asked for $300 in gift cards")
    log.save()
    assert log.message.text() == "Saved."
    assert log.entries.count() == 1
    log.fields["payment_handles"].setText("Gift card codes to velvetpay")
    log.save()
    assert log.entries.count() == 1
    assert services.evidence.entries()[0].draft.payment_handles == "Gift card codes to velvetpay"

    target = tmp_path / "for-police"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    path = log.save_log_pdf()
    assert path == str(target) + ".pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "velvet.harbor.77" in text and "gift cards" in text and "Evidence log" in text

    log.start_new()
    qtbot.keyClicks(log.fields["notes"], "Second contact on a new account")
    log.save()
    assert log.entries.count() == 2
    log.entries.setCurrentRow(0)
    assert log.fields["username"].text() == "velvet.harbor.77"
    log.delete_selected()
    assert [e.draft.notes for e in services.evidence.entries()] == [
        "Second contact on a new account"]
