"""Note something while Porchlight is locked: the same dialog, sealed into the inbox.

A worry does not wait for a passphrase. While locked, the vault (and so every child's name)
is closed, so the note is written without a child ("Choose the child when you review it"),
sealed to the vault's public key and left in the inbox beside it; the next unlock merges it
(``inbox_merge.py``). Nothing readable and no key that opens the vault is ever written.

If no inbox key was published yet (the vault was never unlocked by this version), the note
cannot be sealed: the dialog says so calmly, keeps the words on screen and offers to copy them,
so nothing typed is lost.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.core.journal.model import EntryFields, LockedNote
from app.ui.journal.entry_words import locked_child_choice
from app.ui.journal.quick_entry import QuickEntryDialog
from app.ui.widgets.common import button, show_message

log = logging.getLogger(__name__)


def note_as_text(library: Any, fields: EntryFields) -> str:
    """The typed note as plain lines, for the clipboard when it cannot be sealed."""
    texts = {s.id: s.text for s in library.signs} if library is not None else {}
    lines = [texts.get(sign, sign) for sign in fields.signs] + list(fields.tags)
    lines += [part for part in (fields.saw, fields.think, fields.place, fields.did) if part]
    return "\n".join(lines)


class LockedQuickEntry(QuickEntryDialog):
    """The quick entry with no vault: no names, no drafts, and a sealed note on Save."""

    def __init__(self, library: Any, clock: Any, folder: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(library, clock, None, child_id=None, parent=parent)
        self.setObjectName("lockedQuickEntryDialog")
        self._library, self._folder = library, folder
        self.child.clear()
        self.child.addItem(locked_child_choice(), None)
        self.child.setEnabled(False)
        self.intro.setText(self.tr("Porchlight is locked. This note is sealed and waits for "
                                   "your next unlock, when you choose the child."))
        self.intro.show()
        self.copy_button = button(self.tr("Copy the words"), "copyNoteWords",
                                  accessible=self.tr("Copy the words of this note"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_words)
        self.copy_button.hide()
        self.footer.insertWidget(1, self.copy_button)

    def child_id(self) -> int | None:
        return None  # the names are locked away: the parent chooses at review

    def _store(self, fields: EntryFields) -> None:
        from app.storage.journal_inbox import InboxUnavailable, write_locked_note

        note = LockedNote(note_id=uuid.uuid4().hex, fields=fields,
                          written_at=self._clock.now())
        try:
            write_locked_note(self._folder, note)
        except InboxUnavailable:
            self._cannot_seal(self.tr(
                "Notes can be written while Porchlight is locked after your next unlock. Your "
                "words are still here: copy them, or unlock and save the note then."))
            return
        except OSError as error:
            log.error("locked note not written: %s", type(error).__name__)
            self._cannot_seal(self.tr(
                "This note could not be written to Porchlight's folder just now. Your words "
                "are still here: copy them, or try again in a moment."))
            return
        self._stored(None)

    def _cannot_seal(self, text: str) -> None:
        self._set_busy(False)
        show_message(self.message, text, ok=True)  # calm: nothing is lost, here is the way
        self.message.setObjectName("entryNotice")  # plain words, not a success in colour
        self.message.style().polish(self.message)
        self.copy_button.show()

    def copy_words(self) -> None:
        QGuiApplication.clipboard().setText(note_as_text(self._library, self.fields()))
        show_message(self.message, self.tr("Copied. Paste them into the note after you "
                                           "unlock."), ok=True)

    def unsaved_draft(self) -> dict[str, Any] | None:
        return None  # no vault to keep a draft in while locked


def can_seal(folder: Any) -> bool:
    """Whether an inbox key was published (an unlock by this version has happened)."""
    path = getattr(folder, "inbox_public_key", None)
    return path is not None and path.exists()
