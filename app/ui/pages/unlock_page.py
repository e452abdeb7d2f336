"""The unlock screen: the passphrase, or "Forgot your passphrase?" and the recovery code.

The passphrase is checked on a background thread (key stretching takes about half a second by
design). A wrong passphrase is said plainly and nothing on disk changes; a damaged file is
told apart from a wrong passphrase and worded differently. A part of the vault that is
missing is said as soon as the page opens (nobody should type a passphrase for nothing), and
``part_unusable`` tells the window to offer a restore from a backup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.ui import messages
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

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("unlockPage")
        self._context = context
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(title_label("Welcome back"))
        layout.addWidget(body_label("Type your passphrase to open your family's notes."))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Passphrase")
        self.passphrase.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.passphrase)
        self.unlock_button = button("Unlock", "unlockButton", primary=True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_button)
        self.message = message_label()
        layout.addWidget(self.message)
        self.forgot_button = button("Forgot your passphrase?", "forgotPassphrase", link=True)
        self.forgot_button.clicked.connect(self.open_recovery)
        layout.addWidget(self.forgot_button)
        if context.demo_passphrase:
            layout.addWidget(body_label(
                f"This is a demo with a made-up family. The demo passphrase is: "
                f"{context.demo_passphrase}", name="demoNote"))
        layout.addStretch(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centered_column(column, 440))
        self.setFocusProxy(self.passphrase)
        self._busy = False
        self.problem: Any = None  # the last classified problem shown, for the window and tests
        self._say_if_a_part_is_missing()

    def _say_if_a_part_is_missing(self) -> None:
        from app.storage.data_folder import FolderState
        from app.storage.errors import DATABASE, KEY_FILE, Problem, ProblemKind

        try:
            state = self._context.folder.state()
        except OSError:
            return  # unlocking will name the problem
        part = {FolderState.KEY_MISSING: KEY_FILE,
                FolderState.DATABASE_MISSING: DATABASE}.get(state)
        if part is not None:
            self._show_problem(Problem(ProblemKind.MISSING, part))

    def _show_problem(self, problem: Any) -> None:
        from app.storage.errors import ProblemKind

        self.problem = problem
        show_message(self.message, messages.for_problem(problem))
        if problem.kind in (ProblemKind.DAMAGED, ProblemKind.MISSING):
            self.part_unusable.emit(problem)

    def try_unlock(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            show_message(self.message, messages.EMPTY_PASSPHRASE)
            return
        self._set_busy(True)
        context = self._context

        def unlock() -> Any:
            from app.storage import vault

            return vault.unlock(context.folder, passphrase, context.clock)

        run_in_background(unlock, self._opened, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setText("Unlocking…" if busy else "Unlock")
        if busy:
            show_message(self.message, "")

    def _opened(self, opened: Any) -> None:
        from app.storage.services import Services

        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(Services.for_vault(opened))

    def _failed(self, error: Exception) -> None:
        from app.storage.errors import classify

        self._set_busy(False)
        self.problem = classify(error)
        show_message(self.message, messages.for_vault_error(error))
        if messages.offers_restore(error):
            self.part_unusable.emit(self.problem)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def open_recovery(self) -> None:
        from app.ui.dialogs.recover_dialog import RecoverDialog

        dialog = RecoverDialog(self._context, self)
        dialog.recovered.connect(self.unlocked)
        dialog.open()
