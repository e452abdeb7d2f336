"""The evidence log inside "Help now": write down the facts, print them or save a PDF.

Only text: where it happened, who, when, what was demanded, payment details. Everything is
stored in the encrypted database and never leaves the computer unless the parent prints or
saves it. Words typed here are never thrown away without asking: switching entries, starting
a new one or closing asks first, delete asks for confirmation, and a lock keeps the half-typed
entry as an encrypted draft (``unsaved_draft``/``restore_draft``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.evidence import FIELD_LABELS, EvidenceDraft, EvidenceEntry, EvidenceProblem
from app.storage.evidence_store import EvidenceStore
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.help.evidence_document import evidence_document, printed_on_now
from app.ui.help.unsaved_question import DISCARD, SAVE, ask_unsaved
from app.ui.printing import CANCELLED, print_document, problem_text, save_pdf
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

MULTILINE = {"demanded", "notes"}
PLACEHOLDERS = {
    "platform": "e.g. Instagram, Snapchat, a game",
    "profile_link": "copy the address of their profile page",
    "happened_at": "e.g. Tuesday 14 May, about 9 pm",
    "payment_handles": "accounts, gift cards, crypto wallets, usernames for payment apps",
}
ENTRY_ID = 256  # Qt.ItemDataRole.UserRole
DRAFT_KIND = "evidence_entry"


class EvidenceLog(QWidget):
    deleted = Signal()  # an entry was deleted: the window offers to clear older backups

    def __init__(self, store: EvidenceStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceLog")
        self._store = store
        self._editing: int | None = None
        self._baseline = EvidenceDraft()  # what the form held when last loaded or saved
        self._restored = False  # a draft put back after a lock counts as unsaved
        self._row = -1  # the list row shown in the form, to go back to on Cancel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Evidence log"), "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Write down the facts while you have them: usernames, profile links, times, what "
            "was demanded and any payment details. Never save or forward pictures. This stays "
            "encrypted on this computer until you print it or save it as a PDF for the police."),
            muted=True))
        self.entries = QListWidget()
        self.entries.setObjectName("evidenceEntries")
        self.entries.setAccessibleName(self.tr("Evidence entries"))
        self.entries.setMaximumHeight(120)
        self.entries.currentRowChanged.connect(self._row_changed)
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
        self.save_button = button(self.tr("Save entry"), "saveEvidence", primary=True)
        self.save_button.setAccessibleName(self.tr("Save this evidence entry"))
        self.save_button.clicked.connect(self.save)
        self.new_button = button(self.tr("New entry"), "newEvidence")
        self.new_button.setAccessibleName(self.tr("Start a new evidence entry"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = button(self.tr("Delete entry"), "deleteEvidence", danger=True)
        self.delete_button.setAccessibleName(self.tr("Delete the selected evidence entry"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = button(self.tr("Print…"), "printEvidence")
        self.print_button.setAccessibleName(self.tr("Print the evidence log"))
        self.print_button.clicked.connect(self.print_log)
        self.pdf_button = button(self.tr("Save as PDF…"), "pdfEvidence")
        self.pdf_button.setAccessibleName(self.tr("Save the evidence log as a PDF"))
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

    def editing_id(self) -> int | None:
        return self._editing

    def refresh(self) -> None:
        self.entries.blockSignals(True)
        self.entries.clear()
        self._row = -1
        for entry in self._store.entries():
            who = entry.draft.username or entry.draft.platform or self.tr("Entry")
            item = QListWidgetItem(f"{entry.recorded} — {who}")
            item.setData(ENTRY_ID, entry.id)
            self.entries.addItem(item)
            if entry.id == self._editing:
                self._row = self.entries.count() - 1
        self.entries.setCurrentRow(self._row)
        self.entries.blockSignals(False)
        self.entries.setVisible(self.entries.count() > 0)
        self.delete_button.setEnabled(self._editing is not None)

    # --- unsaved words -----------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        """True when the form holds words that are not saved as they stand."""
        return self._restored or self.draft() != self._baseline

    def unsaved_draft(self) -> dict[str, object] | None:
        """The form's words and the entry being edited, for an encrypted draft; None if saved."""
        if not self.has_unsaved_changes():
            return None
        return {"kind": DRAFT_KIND, "editing_id": self._editing,
                "fields": {name: getattr(self.draft(), name) for name in FIELD_LABELS}}

    def restore_draft(self, payload: dict[str, object]) -> None:
        """Put a draft's words back; the entry it was editing is selected if it still exists.

        If that entry was deleted meanwhile, the words come back as a new entry, so saving
        them loses nothing. Either way the form counts as unsaved until saved or discarded.
        """
        values = payload.get("fields")
        values = values if isinstance(values, dict) else {}
        editing = payload.get("editing_id")
        known = {entry.id: entry for entry in self._store.entries()}
        entry = known.get(editing) if isinstance(editing, int) else None
        self._editing = entry.id if entry else None
        self._baseline = entry.draft if entry else EvidenceDraft()
        self._fill(EvidenceDraft(**{name: str(values.get(name, "")) for name in FIELD_LABELS}))
        self._restored = True
        self.refresh()

    def discard_changes(self) -> None:
        """Drop unsaved words: back to the saved entry, or an empty form."""
        self._restored = False
        self._fill(self._baseline)

    def resolve_unsaved(self) -> bool:
        """If words are unsaved, ask Save / Discard / Cancel; True when it is fine to move on."""
        if not self.has_unsaved_changes():
            return True
        answer = ask_unsaved(self, self.tr("Save this entry first?"), self.tr(
            "This evidence entry has changes that are not saved yet. Save them before you "
            "go on, or discard them?"))
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.discard_changes()
            return True
        return False

    # --- moving between entries ------------------------------------------------------------------

    def start_new(self) -> bool:
        if not self.resolve_unsaved():
            return False
        self._load(None)
        next(iter(self.fields.values())).setFocus()
        return True

    def _row_changed(self, row: int) -> None:
        if row < 0 or row == self._row:
            return
        target = self.entries.item(row).data(ENTRY_ID)
        if not self.resolve_unsaved():
            self._select_row(self._row)  # Cancel (or a failed save): stay, words and all
            return
        self._load(next((e for e in self._store.entries() if e.id == target), None))

    def _select_row(self, row: int) -> None:
        self.entries.blockSignals(True)
        self.entries.setCurrentRow(row)
        self.entries.blockSignals(False)

    def _load(self, entry: EvidenceEntry | None) -> None:
        self._editing = entry.id if entry else None
        self._baseline = entry.draft if entry else EvidenceDraft()
        self._restored = False
        self._fill(self._baseline)
        show_message(self.message, "")
        self.refresh()

    def _fill(self, draft: EvidenceDraft) -> None:
        for name, widget in self.fields.items():
            value = getattr(draft, name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    # --- saving and deleting ---------------------------------------------------------------

    def save(self) -> bool:
        """Save the form; False (with the reason shown, the words kept) if it could not."""
        try:
            if self._editing is None:
                entry = self._store.add(self.draft())
            else:
                entry = self._store.update(self._editing, self.draft())
        except EvidenceProblem as problem:
            show_message(self.message, str(problem))
            return False
        except SaveFailed as error:
            show_message(self.message, messages.for_vault_error(error))
            return False
        except LookupError:  # deleted meanwhile: keep the words as a new entry
            self._editing = None
            return self.save()
        self._editing, self._baseline, self._restored = entry.id, entry.draft, False
        self._fill(entry.draft)  # as stored (trimmed), so the form is not "changed" by spaces
        show_message(self.message, self.tr("Saved."), ok=True)
        self.refresh()
        return True

    def delete_selected(self) -> bool:
        """Delete the entry being edited, once the parent confirms; True if it was deleted."""
        entry = next((e for e in self._store.entries() if e.id == self._editing), None)
        if entry is None:
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete this entry?"), self.tr(
            "The evidence entry written {when} will be deleted from this computer. It can't "
            "be brought back from Porchlight; a backup may still hold it until it ages out.")
            .format(when=entry.recorded), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmDeleteEvidence")
        delete = box.addButton(self.tr("Delete entry"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteEvidenceButton")
        delete.setAccessibleName(self.tr("Delete the evidence entry for good"))
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEvidenceButton")
        keep.setAccessibleName(self.tr("Keep the evidence entry"))
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is not delete:
            return False
        try:
            self._store.delete(entry.id)
        except SaveFailed as error:
            show_message(self.message, messages.for_vault_error(error))
            return False
        self._load(None)
        show_message(self.message, self.tr("The entry was deleted."), ok=True)
        self.deleted.emit()
        return True

    # --- output ----------------------------------------------------------------------------

    def _document(self) -> QTextDocument:
        return evidence_document(self._store.entries(), printed_on_now())

    def print_log(self) -> bool:
        result = print_document(self, self._document(), self.tr("Porchlight evidence log"))
        if result.ok:
            show_message(self.message, self.tr("Sent to the printer."), ok=True)
        elif result.reason != CANCELLED:
            show_message(self.message, problem_text(result.reason))
        return result.ok

    def save_log_pdf(self) -> str | None:
        """Ask where, write the PDF, and report it saved only if the file is really there."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the evidence log as PDF"),
                                              "evidence-log.pdf", self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        result = save_pdf(self._document(), path, self.tr("Porchlight evidence log"))
        if not result.ok:
            show_message(self.message, problem_text(result.reason))
            return None
        show_message(self.message, self.tr("Saved to {path}").format(path=path), ok=True)
        return path
