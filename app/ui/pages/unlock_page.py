"""The unlock screen: the passphrase, or "Forgot your passphrase?" and the recovery code.

The passphrase is checked on a background thread (key stretching takes about half a second by
design). A wrong passphrase is said plainly and nothing on disk changes; a damaged file is
told apart from a wrong passphrase and worded differently. A part of the vault that is
missing is said as soon as the page opens (nobody should type a passphrase for nothing).

When the key file or the notes file is missing or damaged, the page itself offers the way
out: "Restore from a backup…" opens :class:`RestoreDialog` (the vault is closed here, which a
restore needs), and "Open the data folder" shows the files for a parent who keeps their own
copy. After a restore the page looks at the folder again, so the problem clears and the
passphrase field is ready. ``part_unusable`` still tells anyone listening that a part failed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.ui.background import run_in_background
from app.ui.context import AppContext
from app.ui.widgets.common import (
    body_label,
    button,
    centered_column,
    message_label,
    show_message,
    title_label,
)


class UnlockPage(QWidget):
    unlocked = Signal(object)  # Services
    part_unusable = Signal(object)  # errors.Problem: a missing or damaged part; offer a restore
    note_requested = Signal()  # "Note something" while locked: a sealed journal note

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self._context = context
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(title_label(self.tr("Welcome back")))
        layout.addWidget(body_label(self.tr("Type your passphrase to open your family's notes.")))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.passphrase)
        self.unlock_button = button(self.tr("Unlock"), "unlockButton", primary=True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_button)
        self.message = message_label()
        layout.addWidget(self.message)
        self.restore_row = self._build_restore_row()
        layout.addWidget(self.restore_row)
        # Stays until the next unlock: which backup came back and which passphrase opens it.
        self.restored_note = message_label("restoredNote")
        self.restored_note.setAccessibleName(self.tr("Restore finished"))
        layout.addWidget(self.restored_note)
        self.forgot_button = button(self.tr("Forgot your passphrase?"), "forgotPassphrase",
                                    link=True)
        self.forgot_button.clicked.connect(self.open_recovery)
        layout.addWidget(self.forgot_button)
        self.note_button = button(self.tr("Note something"), "noteWhileLocked",
                                  accessible=self.tr("Note something without unlocking"))
        self.note_button.setToolTip(self.tr("Write down a worry now; it is sealed until you "
                                            "unlock (Ctrl+J)"))
        self.note_button.clicked.connect(self.note_requested)
        layout.addWidget(self.note_button)
        if context.demo_passphrase:
            layout.addWidget(body_label(self.tr(
                "This is a demo with a made-up family. The demo passphrase is: {passphrase}"
            ).format(passphrase=context.demo_passphrase), name="demoNote"))
        layout.addStretch(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centered_column(column, 440))
        self.setFocusProxy(self.passphrase)
        self._busy = False
        self.problem: Any = None  # the last classified problem shown, for the window and tests
        self.restore_dialog: Any = None  # the open RestoreDialog, if any
        self._say_if_a_part_is_missing()

    def _build_restore_row(self) -> QWidget:
        row = QWidget()
        row.setObjectName("restoreRow")
        buttons = QVBoxLayout(row)  # one under the other: both labels fit a narrow column
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(8)
        self.restore_button = button(self.tr("Restore from a backup…"), "restoreFromBackup",
                                     primary=True)
        self.restore_button.setAccessibleName(self.tr("Restore your notes from a backup"))
        self.restore_button.clicked.connect(self.open_restore)
        self.open_folder_button = button(self.tr("Open the data folder"), "openDataFolder")
        self.open_folder_button.setAccessibleName(self.tr("Open Porchlight's data folder"))
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.open_folder_button)
        row.hide()
        return row

    def _say_if_a_part_is_missing(self) -> bool:
        """Name a missing part at once; return whether one is missing."""
        from app.storage.data_folder import FolderState

        try:
            state = self._context.folder.state()
        except OSError:
            return False  # unlocking will name the problem
        if state not in (FolderState.KEY_MISSING, FolderState.DATABASE_MISSING):
            return False  # the usual start: the error words load only when needed
        from app.storage.errors import DATABASE, KEY_FILE, Problem, ProblemKind

        part = KEY_FILE if state is FolderState.KEY_MISSING else DATABASE
        self._show_problem(Problem(ProblemKind.MISSING, part))
        return True

    def _show_problem(self, problem: Any) -> None:
        from app.storage.errors import ProblemKind
        from app.ui import messages  # the words for problems load when there is one

        self.problem = problem
        show_message(self.message, messages.for_problem(problem))
        unusable = problem.kind in (ProblemKind.DAMAGED, ProblemKind.MISSING)
        self._offer_restore(unusable)
        if unusable:
            self.part_unusable.emit(problem)

    def _offer_restore(self, offer: bool) -> None:
        self.restore_row.setVisible(offer)
        if offer:
            self.restored_note.hide()

    def try_unlock(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            from app.ui import messages

            show_message(self.message, messages.translated(messages.EMPTY_PASSPHRASE))
            return
        self._set_busy(True)
        context = self._context

        def unlock() -> Any:
            from app.storage import vault

            return vault.unlock(context.folder, passphrase, context.clock, check_later=True)

        run_in_background(unlock, self._opened, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("Unlock"))
        if busy:
            show_message(self.message, "")

    def _opened(self, opened: Any) -> None:
        from app.storage.services import Services

        self._set_busy(False)
        self.passphrase.clear()
        self.restored_note.hide()
        self.unlocked.emit(Services.for_vault(opened))

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.show_problem(error)

    def show_problem(self, error: Exception) -> None:
        """Name what stops the vault from opening, and offer a backup where one would help."""
        from app.storage.errors import classify
        from app.ui import messages

        self.problem = classify(error)
        show_message(self.message, messages.for_vault_error(error))
        offer = messages.offers_restore(error)
        self._offer_restore(offer)
        if offer:
            self.part_unusable.emit(self.problem)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def open_restore(self) -> None:
        """Show the backups; the vault is closed on this page, as a restore needs."""
        from app.ui.dialogs.restore_dialog import RestoreDialog

        if self._busy:
            return
        dialog = RestoreDialog(self._context.folder, self._context.clock, self)
        dialog.restored.connect(self._restored)
        self.restore_dialog = dialog
        dialog.open()

    def _restored(self, outcome: Any) -> None:
        """Look at the folder again: the named problem is gone, the passphrase is next."""
        self.problem = None
        show_message(self.message, "")
        self._offer_restore(False)
        if not self._say_if_a_part_is_missing():
            show_message(self.restored_note, outcome.summary, ok=True)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def open_data_folder(self) -> None:
        """Show the folder in the file manager (a local file address, nothing on a network)."""
        from PySide6.QtCore import QUrl  # only here: the first paint needs neither
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._context.folder.root)))

    def open_recovery(self) -> None:
        from app.ui.dialogs.recover_dialog import RecoverDialog

        dialog = RecoverDialog(self._context, self)
        dialog.recovered.connect(self.unlocked)
        dialog.open()
