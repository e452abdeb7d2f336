"""Changing the passphrase, and making a new recovery code, from Settings → Security.

Both only rewrap the data key in ``porchlight.key`` — the database is never re-encrypted — and
both ask for the passphrase in use first: someone passing an unlocked computer must not be able
to swap the way in. The check and the rewrap run Argon2, so they run on the session's database
worker (``ops``), never on the GUI thread, and in order with every other operation: a lock
waits for them, so the key is never dropped half-way through a rewrap.

A new recovery code is shown and typed back exactly as at setup (the same steps); only when it
has been checked is the recovery slot rewrapped, so the old code keeps working until then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import recovery_code
from app.core.changes import NOTHING
from app.storage.errors import WrongPassphrase
from app.storage.key_file import PASSPHRASE_SLOT, KeyFile, WrongSecret
from app.storage.services import Services
from app.storage.vault import OpenVault
from app.ui import messages
from app.ui.session import UnlockedSession
from app.ui.setup.steps import ConfirmCodeStep, RecoveryCodeStep
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label
from app.ui.widgets.passphrase_fields import PassphraseFields


def check_passphrase(vault: OpenVault, passphrase: str) -> None:
    """On the worker: unwrap the passphrase slot of the key file on disk, or WrongPassphrase."""
    try:
        KeyFile.read(vault.folder.key_file).unwrap(passphrase, PASSPHRASE_SLOT)
    except WrongSecret as error:
        raise WrongPassphrase() from error


def _secret_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _align_labels(*forms: QFormLayout) -> None:
    """Give the labels of several forms one width, so their fields line up as one column."""
    labels = [item.widget() for form in forms for row in range(form.rowCount())
              if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
              and item.widget() is not None]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def _say_why(message: QLabel, passphrase: QLineEdit, error: Exception) -> None:
    """A failed rewrap in words: a wrong current passphrase is asked again, the rest named."""
    if isinstance(error, WrongPassphrase):
        show_message(message, QCoreApplication.translate(
            "SecurityDialogs",
            "That is not the passphrase you use now. Nothing was changed; please try again."))
        passphrase.selectAll()
        passphrase.setFocus()
        return
    show_message(message, messages.for_vault_error(error))


class ChangePassphraseDialog(QDialog):
    """The passphrase in use, then the new one twice with its strength shown."""

    changed = Signal()

    def __init__(self, session: UnlockedSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change your passphrase"))
        self.setMinimumWidth(460)
        self._session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Change your passphrase"), "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Type the passphrase you use now, then the new one twice. Your notes stay exactly "
            "as they are; only the lock on them changes. Your recovery code keeps working.")))
        form = QFormLayout()
        self.current = _secret_field("currentPassphrase", self.tr("Current passphrase"))
        form.addRow(self.tr("Current passphrase"), self.current)
        layout.addLayout(form)
        self.fields = PassphraseFields()
        layout.addWidget(self.fields)
        _align_labels(form, *self.fields.findChildren(QFormLayout))
        self.message = message_label("passphraseMessage")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = button(self.tr("Cancel"), "cancelPassphraseChange",
                             accessible=self.tr("Cancel changing the passphrase"))
        self.cancel.clicked.connect(self.reject)
        self.change = button(self.tr("Change passphrase"), "confirmPassphraseChange",
                             primary=True)
        self.change.clicked.connect(self.submit)
        row.addWidget(self.cancel)
        row.addWidget(self.change)
        layout.addLayout(row)
        self.current.textChanged.connect(self._update)
        self.fields.ready_changed.connect(self._update)
        self._busy = False
        self._update()

    def _update(self, *_args: object) -> None:
        self.change.setEnabled(not self._busy and bool(self.current.text())
                               and self.fields.is_ready())

    def _set_busy(self, on: bool) -> None:
        self._busy = on
        for widget in (self.current, self.fields, self.cancel):
            widget.setEnabled(not on)
        self._update()

    def submit(self) -> None:
        if not self.change.isEnabled():
            return
        current, new = self.current.text(), self.fields.passphrase()
        self._set_busy(True)
        show_message(self.message, self.tr("Changing the lock…"), ok=True)

        def work(services: Services) -> None:
            check_passphrase(services.vault, current)
            services.vault.change_passphrase(new)

        self._session.ops.write(work, touches=NOTHING, done=self._done, failed=self._failed,
                                owner=self)

    def _done(self, _result: object) -> None:
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        _say_why(self.message, self.current, error)


class NewRecoveryCodeDialog(QDialog):
    """Passphrase, then the new code to write down, then two groups typed back; then it counts."""

    replaced = Signal()

    def __init__(self, session: UnlockedSession, parent: QWidget | None = None,
                 code: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRecoveryCodeDialog")
        self.setWindowTitle(self.tr("Make a new recovery code"))
        self.setMinimumWidth(660)  # the code in its large monospace font fits on one line
        self._session = session
        self.code = code or recovery_code.generate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        first = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.addWidget(title_label(self.tr("Make a new recovery code"), "sectionTitle"))
        first_layout.addWidget(body_label(self.tr(
            "Do this if the code you wrote down is lost or someone else may have seen it. The "
            "new code replaces it: once you have checked the new one, the old one no longer "
            "opens Porchlight. Your passphrase stays the same.")))
        form = QFormLayout()
        self.passphrase = _secret_field("recoveryCodePassphrase",
                                        self.tr("Your passphrase, to make a new recovery code"))
        form.addRow(self.tr("Your passphrase"), self.passphrase)
        first_layout.addLayout(form)
        first_layout.addStretch(1)
        self.show_step = RecoveryCodeStep(self.code)
        self.confirm_step = ConfirmCodeStep(self.code)
        for page in (first, self.show_step, self.confirm_step):
            self.stack.addWidget(page)

        self.message = message_label("recoveryCodeMessage")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = button(self.tr("Cancel"), "cancelNewRecoveryCode",
                             accessible=self.tr("Cancel making a new recovery code"))
        self.cancel.clicked.connect(self.reject)
        self.next = button(self.tr("Continue"), "nextRecoveryCodeStep", primary=True)
        self.next.clicked.connect(self.go_next)
        row.addWidget(self.cancel)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.passphrase.textChanged.connect(self._update)
        self.confirm_step.ready_changed.connect(self._update)
        self._busy = False
        self._update()

    def step(self) -> int:
        return self.stack.currentIndex()

    def _update(self, *_args: object) -> None:
        ready = {0: bool(self.passphrase.text()), 1: True,
                 2: self.confirm_step.is_ready()}[self.step()]
        self.next.setEnabled(ready and not self._busy)

    def _set_busy(self, on: bool, text: str = "") -> None:
        self._busy = on
        self.cancel.setEnabled(not on)
        self.passphrase.setEnabled(not on)
        show_message(self.message, text, ok=True)
        self._update()

    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.next.setText(self.tr("Use the new code") if index == 2 else self.tr("Continue"))
        self.next.setAccessibleName(self.next.text())
        show_message(self.message, "")
        page = self.stack.currentWidget()
        entered = getattr(page, "entered", None)
        if entered is not None:
            entered()
        self._update()
        self.adjustSize()  # each step has its own height: none is squeezed into another's

    def go_next(self) -> None:
        if not self.next.isEnabled():
            return
        if self.step() == 0:
            typed = self.passphrase.text()
            self._set_busy(True, self.tr("Checking your passphrase…"))
            self._session.ops.read(lambda s: check_passphrase(s.vault, typed),
                                   self._passphrase_ok, failed=self._failed, owner=self)
        elif self.step() == 1:
            self._show_step(2)
        else:
            code = self.code
            self._set_busy(True, self.tr("Putting the new code in place…"))
            self._session.ops.write(lambda s: s.vault.change_recovery_code(code),
                                    touches=NOTHING, done=self._replaced, failed=self._failed,
                                    owner=self)

    def _passphrase_ok(self, _result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()  # not kept longer than needed
        self._show_step(1)

    def _replaced(self, _result: object) -> None:
        self._set_busy(False)
        self.replaced.emit()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        _say_why(self.message, self.passphrase, error)
