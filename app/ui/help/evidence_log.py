"""The evidence log inside "Help now": write down the facts, print them or save a PDF.

Only text: where it happened, who, when, what was demanded, payment details. Everything is
stored in the encrypted database and never leaves the computer unless the parent prints or
saves it. Words typed here are never thrown away without asking: switching entries, starting
a new one or closing asks first, delete asks for confirmation, and a lock keeps the half-typed
entry as an encrypted draft (``unsaved_draft``/``restore_draft``).

Every read and write goes through the session's database worker (``app.ui.ops``): the list
follows ``Changes(evidence=True)``, a save or a delete is one write, and what happens after a
question ("save, then open the other entry") continues when the write is done. Printing reads
the entries afresh, so the printout holds the entry saved a moment ago.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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

from app.core.changes import Changes
from app.core.evidence import EvidenceDraft, EvidenceEntry, EvidenceProblem
from app.storage.services import Services
from app.ui import messages
from app.ui.help.evidence_output import EvidenceOutput
from app.ui.help.evidence_words import (
    field_label,
    field_names,
    placeholder,
    problem_words,
    recorded_words,
)
from app.ui.help.unsaved_question import DISCARD, SAVE, ask_unsaved
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

MULTILINE = {"demanded", "notes"}
ENTRY_ID = 256  # Qt.ItemDataRole.UserRole
DRAFT_KIND = "evidence_entry"
Then = Callable[[], None]


def _save_entry(services: Services, editing: int | None, draft: EvidenceDraft) -> EvidenceEntry:
    """On the worker: update the entry, or add it (also when it was deleted meanwhile)."""
    if editing is not None:
        try:
            return services.evidence.update(editing, draft)
        except LookupError:
            pass  # deleted elsewhere: the words are kept as a new entry
    return services.evidence.add(draft)


class EvidenceLog(EvidenceOutput, QWidget):
    deleted = Signal()  # an entry was deleted: the window offers to clear older backups

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceLog")
        self._ops = ops
        self._entries: list[EvidenceEntry] = []  # as last read on the worker
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
        self.entries.hide()
        layout.addWidget(self.entries)

        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in field_names():
            label = field_label(name)
            widget: QLineEdit | QPlainTextEdit
            if name in MULTILINE:
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit()
            widget.setObjectName(f"evidence_{name}")
            if placeholder(name):
                widget.setPlaceholderText(placeholder(name))
            widget.setAccessibleName(label)
            self.fields[name] = widget
            form.addRow(label, widget)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = button(self.tr("Save entry"), "saveEvidence", primary=True,
                                  accessible=self.tr("Save this evidence entry"))
        self.save_button.clicked.connect(lambda: self.save())
        self.new_button = button(self.tr("New entry"), "newEvidence",
                                 accessible=self.tr("Start a new evidence entry"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = button(self.tr("Delete entry"), "deleteEvidence", danger=True,
                                    accessible=self.tr("Delete the selected evidence entry"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = button(self.tr("Print…"), "printEvidence",
                                   accessible=self.tr("Print the evidence log"))
        self.print_button.clicked.connect(self.print_log)
        self.pdf_button = button(self.tr("Save as PDF…"), "pdfEvidence",
                                 accessible=self.tr("Save the evidence log as a PDF"))
        self.pdf_button.clicked.connect(self.save_log_pdf)
        for widget in (self.save_button, self.new_button, self.delete_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        layout.addLayout(row)
        follow_changes(self, ops, lambda c: c.touches("evidence"), self.refresh)
        self.refresh()

    # --- data ------------------------------------------------------------------------------

    def draft(self) -> EvidenceDraft:
        values = {name: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text())
                  for name, w in self.fields.items()}
        return EvidenceDraft(**values)

    def editing_id(self) -> int | None:
        return self._editing

    def refresh(self) -> None:
        """Read the entries on the worker; the list is refilled when they arrive."""
        self._ops.read(lambda s: s.evidence.entries(), self._show_entries, owner=self)

    def _show_entries(self, entries: list[EvidenceEntry]) -> None:
        self._entries = entries
        self.entries.blockSignals(True)
        self.entries.clear()
        self._row = -1
        for entry in entries:
            who = entry.draft.username or entry.draft.platform or self.tr("Entry")
            text = self.tr("{when} — {who}").format(when=recorded_words(entry.recorded), who=who)
            item = QListWidgetItem(text)
            item.setData(ENTRY_ID, entry.id)
            self.entries.addItem(item)
            if entry.id == self._editing:
                self._row = self.entries.count() - 1
        self.entries.setCurrentRow(self._row)
        self.entries.blockSignals(False)
        self.entries.setVisible(self.entries.count() > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
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
                "fields": {name: getattr(self.draft(), name) for name in field_names()}}

    def restore_draft(self, payload: dict[str, object]) -> None:
        """Put a draft's words back at once; which entry they belong to is checked on the worker.

        If the entry it was editing was deleted meanwhile, the words become a new entry, so
        saving them loses nothing. Either way the form counts as unsaved until saved or
        discarded (also while the check runs, so an autosave never drops the draft).
        """
        values = payload.get("fields")
        values = values if isinstance(values, dict) else {}
        editing = payload.get("editing_id")
        self._editing = editing if isinstance(editing, int) else None
        self._fill(EvidenceDraft(**{name: str(values.get(name, "")) for name in field_names()}))
        self._restored = True

        def check(entries: list[EvidenceEntry]) -> None:
            entry = next((e for e in entries if e.id == self._editing), None)
            self._editing = entry.id if entry else None
            self._baseline = entry.draft if entry else EvidenceDraft()
            self._show_entries(entries)

        self._ops.read(lambda s: s.evidence.entries(), check, owner=self)

    def discard_changes(self) -> None:
        """Drop unsaved words: back to the saved entry, or an empty form."""
        self._restored = False
        self._fill(self._baseline)

    def resolve_unsaved(self, proceed: Then, stay: Then | None = None) -> None:
        """If words are unsaved, ask Save / Discard / Cancel, then ``proceed`` or ``stay``.

        After Save, ``proceed`` runs once the entry is really saved; if it could not be, the
        reason is shown, the words are kept and ``stay`` runs instead.
        """
        stay = stay or (lambda: None)
        if not self.has_unsaved_changes():
            proceed()
            return
        answer = ask_unsaved(self, self.tr("Save this entry first?"), self.tr(
            "This evidence entry has changes that are not saved yet. Save them before you "
            "go on, or discard them?"))
        if answer == SAVE:
            self.save(then=proceed, otherwise=stay)
        elif answer == DISCARD:
            self.discard_changes()
            proceed()
        else:
            stay()

    # --- moving between entries ------------------------------------------------------------------

    def start_new(self) -> None:
        def new() -> None:
            self._load(None)
            next(iter(self.fields.values())).setFocus()

        self.resolve_unsaved(new)

    def _row_changed(self, row: int) -> None:
        if row < 0 or row == self._row:
            return
        target = self.entries.item(row).data(ENTRY_ID)
        entry = next((e for e in self._entries if e.id == target), None)
        self.resolve_unsaved(lambda: self._load(entry),
                             stay=lambda: self._select_row(self._row))  # words and all

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
        self._show_entries(self._entries)

    def _fill(self, draft: EvidenceDraft) -> None:
        for name, widget in self.fields.items():
            value = getattr(draft, name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    # --- saving and deleting ---------------------------------------------------------------

    def save(self, then: Then | None = None, otherwise: Then | None = None) -> bool:
        """Save the form on the worker; False at once (reason shown) if it cannot be saved.

        ``then`` runs once the entry is saved; ``otherwise`` if the write failed (the reason is
        shown and every typed word stays in the form).
        """
        draft = self.draft()
        try:
            draft.cleaned()
        except EvidenceProblem as problem:
            show_message(self.message, problem_words(problem))
            return False
        editing = self._editing
        self.save_button.setEnabled(False)  # one save at a time

        def saved(entry: EvidenceEntry) -> None:
            self.save_button.setEnabled(True)
            still_typed = self.draft() == draft  # nothing typed while it was being saved
            self._editing, self._baseline = entry.id, entry.draft
            self._restored = self._restored and not still_typed
            if still_typed:  # as stored (trimmed), so the form is not "changed" by spaces
                self._fill(entry.draft)
            show_message(self.message, self.tr("Saved."), ok=True)
            self._update_buttons()
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            self.save_button.setEnabled(True)
            show_message(self.message, messages.for_vault_error(error))
            if otherwise is not None:
                otherwise()

        self._ops.write(lambda s: _save_entry(s, editing, draft),
                        touches=Changes(evidence=True), done=saved, failed=failed, owner=self)
        return True

    def delete_selected(self) -> bool:
        """Delete the entry being edited once the parent confirms; True if they confirmed."""
        entry = next((e for e in self._entries if e.id == self._editing), None)
        if entry is None:
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete this entry?"), self.tr(
            "The evidence entry written {when} will be deleted from this computer. It can't "
            "be brought back from Porchlight; a backup may still hold it until it ages out.")
            .format(when=recorded_words(entry.recorded)), QMessageBox.StandardButton.NoButton,
            self)
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

        def gone(_result: object) -> None:
            if self._editing == entry.id:
                self._load(None)
            show_message(self.message, self.tr("The entry was deleted."), ok=True)
            self.deleted.emit()

        self._ops.write(lambda s: s.evidence.delete(entry.id), touches=Changes(evidence=True),
                        done=gone, failed=lambda error: show_message(
                            self.message, messages.for_vault_error(error)), owner=self)
        return True
