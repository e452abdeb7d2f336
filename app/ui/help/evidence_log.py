"""The evidence log inside "Help now": write down the facts, print them or save a PDF.

Only text: where it happened, who, when, what was demanded, payment details. Everything is
stored in the encrypted database and never leaves the computer unless the parent prints or
saves it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.evidence import FIELD_LABELS, EvidenceDraft, EvidenceProblem
from app.storage.evidence_store import EvidenceStore
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.help.evidence_document import evidence_document
from app.ui.printing import print_document, save_pdf
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

MULTILINE = {"demanded", "notes"}
PLACEHOLDERS = {
    "platform": "e.g. Instagram, Snapchat, a game",
    "profile_link": "copy the address of their profile page",
    "happened_at": "e.g. Tuesday 14 May, about 9 pm",
    "payment_handles": "accounts, gift cards, crypto wallets, usernames for payment apps",
}


class EvidenceLog(QWidget):
    def __init__(self, store: EvidenceStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceLog")
        self._store = store
        self._editing: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label("Evidence log", "sectionTitle"))
        layout.addWidget(body_label(
            "Write down the facts while you have them: usernames, profile links, times, what "
            "was demanded and any payment details. Never save or forward pictures. This stays "
            "encrypted on this computer until you print it or save it as a PDF for the police.",
            muted=True))
        self.entries = QListWidget()
        self.entries.setObjectName("evidenceEntries")
        self.entries.setAccessibleName("Evidence entries")
        self.entries.setMaximumHeight(120)
        self.entries.currentRowChanged.connect(self._load_selected)
        layout.addWidget(self.entries)

        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label in FIELD_LABELS.items():
            widget: QLineEdit | QPlainTextEdit
            if name in MULTILINE:
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit()
            widget.setObjectName(f"evidence_{name}")
            if name in PLACEHOLDERS:
                widget.setPlaceholderText(PLACEHOLDERS[name])
            widget.setAccessibleName(label)
            self.fields[name] = widget
            form.addRow(label, widget)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = button("Save entry", "saveEvidence", primary=True)
        self.save_button.clicked.connect(self.save)
        self.new_button = button("New entry", "newEvidence")
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = button("Delete entry", "deleteEvidence", danger=True)
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = button("Print…", "printEvidence")
        self.print_button.clicked.connect(self.print_log)
        self.pdf_button = button("Save as PDF…", "pdfEvidence")
        self.pdf_button.clicked.connect(self.save_log_pdf)
        for widget in (self.save_button, self.new_button, self.delete_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        layout.addLayout(row)
        self.refresh()

    # --- data ------------------------------------------------------------------------------

    def draft(self) -> EvidenceDraft:
        values = {name: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text())
                  for name, w in self.fields.items()}
        return EvidenceDraft(**values)

    def refresh(self) -> None:
        self.entries.blockSignals(True)
        self.entries.clear()
        for entry in self._store.entries():
            who = entry.draft.username or entry.draft.platform or "Entry"
            item = QListWidgetItem(f"{entry.recorded} — {who}")
            item.setData(256, entry.id)
            self.entries.addItem(item)
        self.entries.blockSignals(False)
        self.entries.setVisible(self.entries.count() > 0)
        self.delete_button.setEnabled(self._editing is not None)

    def start_new(self) -> None:
        self._editing = None
        for widget in self.fields.values():
            widget.clear()
        self.entries.clearSelection()
        show_message(self.message, "")
        self.delete_button.setEnabled(False)
        next(iter(self.fields.values())).setFocus()

    def _load_selected(self, row: int) -> None:
        if row < 0:
            return
        entry_id = self.entries.item(row).data(256)
        entry = next(e for e in self._store.entries() if e.id == entry_id)
        self._editing = entry.id
        for name, widget in self.fields.items():
            value = getattr(entry.draft, name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        self.delete_button.setEnabled(True)

    def save(self) -> None:
        try:
            if self._editing is None:
                self._editing = self._store.add(self.draft()).id
            else:
                self._store.update(self._editing, self.draft())
        except EvidenceProblem as problem:
            show_message(self.message, str(problem))
            return
        except SaveFailed as error:
            show_message(self.message, messages.for_vault_error(error))
            return
        show_message(self.message, "Saved.", ok=True)
        self.refresh()

    def delete_selected(self) -> None:
        if self._editing is not None:
            self._store.delete(self._editing)
            self.start_new()
            self.refresh()

    # --- output ----------------------------------------------------------------------------

    def _document(self) -> QTextDocument:
        printed_on = dt.datetime.now().strftime("%d %B %Y, %H:%M")
        return evidence_document(self._store.entries(), printed_on)

    def print_log(self) -> None:
        print_document(self, self._document(), "Porchlight evidence log")

    def save_log_pdf(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the evidence log as PDF",
                                              "evidence-log.pdf", "PDF files (*.pdf)")
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        save_pdf(self._document(), path, "Porchlight evidence log")
        show_message(self.message, f"Saved to {path}", ok=True)
        return path
