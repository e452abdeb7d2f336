"""After an unlock: "Porchlight kept what you were typing" — open it again or let it go.

Drafts are words a lock, an idle timeout or a crash interrupted: a talk in progress, an
evidence entry. They wait in the vault until the parent reopens them (the window comes back
as it was) or throws them away, which asks first — nothing typed disappears by a slip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from app.core.changes import Changes
from app.storage.draft_store import Draft
from app.ui.announce import announce
from app.ui.dates import moment_words
from app.ui.widgets.common import body_label, button, clear_layout


def _what(kind: str) -> str:
    words = {
        "talk": QCoreApplication.translate("DraftsBanner", "A talk you were in the middle of"),
        "evidence": QCoreApplication.translate("DraftsBanner", "An evidence entry in Help now"),
        "journal-entry": QCoreApplication.translate("DraftsBanner", "A note for your journal"),
    }
    return words.get(kind, QCoreApplication.translate("DraftsBanner", "Something you typed"))


class DraftsBanner(QFrame):
    restore_requested = Signal(object)  # Draft

    def __init__(self, pending: Callable[..., None], discard: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftsBanner")
        self.setAccessibleName(self.tr("Kept while locked"))
        self._pending, self._discard = pending, discard
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(20, 10, 20, 10)
        self.rows.setSpacing(8)
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        """Ask for the kept drafts; the answer arrives from the database worker."""
        self._pending(self._fill, self)

    def on_changes(self, changes: Changes) -> None:
        if changes.drafts:
            self.refresh()

    def _fill(self, drafts: list[Draft]) -> None:
        clear_layout(self.rows)
        for number, draft in enumerate(drafts, start=1):
            when = moment_words(draft.saved_at)
            row = QHBoxLayout()
            text = self.tr("{what} was kept when Porchlight locked ({when}).").format(
                what=_what(draft.kind), when=when)
            row.addWidget(body_label(text, name="draftLine"), 1)
            reopen = button(self.tr("Open it again"), f"restoreDraft{number}", primary=True)
            reopen.setAccessibleName(self.tr("Open again: {what}").format(what=_what(draft.kind)))
            reopen.clicked.connect(lambda _=False, d=draft: self._reopen(d))
            drop = button(self.tr("Throw away…"), f"discardDraft{number}")
            drop.setAccessibleName(self.tr("Throw away: {what}").format(what=_what(draft.kind)))
            drop.clicked.connect(lambda _=False, d=draft: self.throw_away(d))
            row.addWidget(reopen)
            row.addWidget(drop)
            self.rows.addLayout(row)
        self.setVisible(bool(drafts))
        if drafts:
            announce(self, self.tr("Porchlight kept what you were typing when it locked."))

    def _reopen(self, draft: Draft) -> None:
        self.restore_requested.emit(draft)
        self.refresh()  # the reopened window holds it now

    def throw_away(self, draft: Draft) -> None:
        answer = QMessageBox.question(
            self, self.tr("Throw it away?"),
            self.tr("{what} will be gone for good. Throw it away?").format(
                what=_what(draft.kind)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self._discard(draft.id)  # the write's change notice refreshes the banner
