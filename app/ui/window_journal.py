"""The main window's journal and homework actions: quick entry, notes written while locked,
export, and a plan's progress report.

A mixin of ``MainWindow`` (kept apart so the window's own module stays about its screens and
the lock): every window opened here that shows vault data is adopted by the unlocked session,
so a lock closes it and keeps what was typed as a draft.
"""

from __future__ import annotations

from typing import Any

from app.storage.data_folder import make_private_file


class JournalWindowActions:
    """Needs from the window: ``session``, ``shell``, ``context``, ``locked_note``,
    ``unlock_page``, ``noted`` and ``_noted_timer``, ``_settings()`` and ``open_help_now()``."""

    session: Any
    shell: Any
    context: Any
    locked_note: Any
    unlock_page: Any
    noted: Any
    _noted_timer: Any

    def note_something(self, child_id: Any = None, *, from_card: bool = False) -> Any:
        """Quick entry from anywhere: the vault's dialog while unlocked, a sealed note if not."""
        from app.ui.journal.quick_entry import UNKNOWN

        if self.session is not None:
            if self._counsellor():
                return None  # a counsellor's workspace keeps no family's journal
            return self.open_quick_entry(child_id if from_card else UNKNOWN)
        if self.unlock_page is not None:
            return self._note_while_locked()
        return None  # before setup there is no journal to write to

    def _counsellor(self) -> bool:
        return self.shell is not None and getattr(self.shell, "workspace", "") == "counsellor"

    def open_quick_entry(self, child_id: Any = None, *, entry: Any = None,
                         draft_id: int | None = None) -> Any:
        from app.ui.content_access import shipped_library
        from app.ui.journal.quick_entry import UNKNOWN, QuickEntryDialog

        if self.session is None:
            return None
        fresh = entry is None and draft_id is None
        open_one = self.session.window_of_kind("journal-entry")
        if fresh and open_one is not None:
            open_one.raise_()
            open_one.activateWindow()
            return open_one
        dialog = QuickEntryDialog(shipped_library().library, self.context.clock,
                                  self.session.ops, entry=entry, remember=self._settings(),
                                  child_id=UNKNOWN if child_id is None else child_id,
                                  parent=self)
        self.session.adopt(dialog, "journal-entry", draft_id)
        self._follow_note(dialog)
        dialog.show()
        dialog.raise_()  # from the tray or a card: the note is in front, ready for typing
        dialog.activateWindow()
        return dialog

    def edit_journal_entry(self, entry_id: int) -> None:
        """The quick entry on an existing entry (read on the worker): saving is a revision."""
        if self.session is not None:
            self.session.ops.read(lambda s: s.journal.entry(entry_id),
                                  lambda entry: self.open_quick_entry(entry=entry), owner=self)

    def _note_while_locked(self) -> Any:
        from app.ui.content_access import shipped_library
        from app.ui.journal.locked_capture import LockedQuickEntry

        if self.locked_note is not None and self.locked_note.isVisible():
            self.locked_note.raise_()
            self.locked_note.activateWindow()
            return self.locked_note
        dialog = LockedQuickEntry(shipped_library().library, self.context.clock,
                                  self.context.folder, self)
        self.locked_note = dialog
        self._follow_note(dialog)
        dialog.show()
        dialog.raise_()  # from the tray or a card: the note is in front, ready for typing
        dialog.activateWindow()
        return dialog

    def export_journal(self) -> Any:
        """Entries for a professional, as PDF and JSON; closed by a lock like every vault window."""
        from app.ui.journal.export_dialog import ExportDialog

        if self.session is None:
            return None
        open_already = self.session.window_of_kind("journal-export")
        if open_already is not None:
            open_already.raise_()
            return open_already
        dialog = ExportDialog(self.session.ops, self.session.services.vault.clock, parent=self)
        self.session.adopt(dialog, "journal-export")
        dialog.show()
        return dialog

    def write_plan_report(self, plan_row_id: int) -> Any:
        """The progress report the parent chooses the contents of; closed by a lock."""
        from app.ui.content_access import shipped_library
        from app.ui.plans.report_dialog import ReportDialog

        if self.session is None:
            return None
        dialog = ReportDialog(self.session.ops, self.session.services.vault.clock,
                              shipped_library().library, plan_row_id, parent=self)
        self.session.adopt(dialog, "plan-report")
        dialog.show()
        return dialog

    def _follow_note(self, dialog: Any) -> None:
        dialog.saved.connect(self._noted)
        # The entry is kept; help comes first, the crisis lines at the top.
        dialog.urgent_saved.connect(lambda: self.open_help_now(urgent=True))
        dialog.finished.connect(self._keep_settings_private)

    def _noted(self, entry: Any) -> None:
        from app.ui.journal.entry_words import saved_words

        self.noted.setText(saved_words(entry is not None and entry.revision > 1))
        self.noted.show()
        self._noted_timer.start()

    def _keep_settings_private(self, *_: Any) -> None:
        """The quick entry remembers "details open" in window.ini (a yes/no, never words)."""
        if self.context.folder.window_settings.exists():
            make_private_file(self.context.folder.window_settings)

    def _carry_locked_note_over(self) -> None:
        """Unlocked while a locked note was open: the same words, now in the vault's dialog."""
        from app.ui.journal.quick_entry import QuickEntryDialog

        locked, self.locked_note = self.locked_note, None
        if locked is None or not locked.isVisible():
            return
        payload = QuickEntryDialog.unsaved_draft(locked)
        locked.discard_and_close()
        locked.deleteLater()
        if payload is not None:
            payload["child"] = None
            self.open_quick_entry().restore_draft(payload)

    def _merge_locked_notes(self) -> None:
        from app.ui.journal.inbox_merge import merge_after_unlock

        if self.session is not None and self.shell is not None:
            merge_after_unlock(self.session.ops, self.context.folder,
                               self._locked_notes_merged, owner=self.shell)

    def _locked_notes_merged(self, count: int) -> None:
        if self.shell is not None:
            self.shell.inbox_banner.show_count(count,
                                               can_review="journal" in self.shell.page_ids())

    def _restore_journal_draft(self, draft: Any) -> None:
        """A note being written (or changed) when Porchlight locked comes back as it was."""
        payload = dict(draft.payload)
        entry_id = payload.get("entry_id")

        def reopen(entry: Any = None) -> None:
            if entry is None:
                payload["entry_id"] = None  # the entry is gone: keep the words as a new note
            dialog = self.open_quick_entry(entry=entry, draft_id=draft.id)
            if dialog is not None:
                dialog.restore_draft(payload)

        if entry_id is None or self.session is None:
            reopen()
            return
        self.session.ops.read(lambda s: s.journal.entry(int(entry_id)), reopen, owner=self,
                              failed=lambda _error: reopen())
