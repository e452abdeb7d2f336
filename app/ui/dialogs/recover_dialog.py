"""Forgot your passphrase? The recovery code opens the vault and a new passphrase is set.

The data key is rewrapped under the new passphrase; the database itself is not re-encrypted,
so nothing in it can be lost on the way. The old passphrase stops working at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.core import recovery_code
from app.ui import messages
from app.ui.background import run_in_background
from app.ui.context import AppContext
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label
from app.ui.widgets.passphrase_fields import PassphraseFields


class RecoverDialog(QDialog):
    recovered = Signal(object)  # Services

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverDialog")
        self.setWindowTitle(self.tr("Use your recovery code"))
        self.setMinimumWidth(520)
        self._context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Use your recovery code"), "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Type the recovery code you wrote down when you set up Porchlight, then choose a "
            "new passphrase. Everything you saved stays as it is.")))
        self.code = QLineEdit()
        self.code.setObjectName("recoveryCodeInput")
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setPlaceholderText(self.tr("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"))
        layout.addWidget(self.code)
        layout.addWidget(title_label(self.tr("Your new passphrase"), "sectionTitle"))
        self.fields = PassphraseFields()
        layout.addWidget(self.fields)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"), "recoverCancel",
                                    accessible=self.tr("Cancel recovery"))
        self.cancel_button.clicked.connect(self.reject)
        self.submit_button = button(self.tr("Set new passphrase"), "recoverSubmit", primary=True)
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        self.fields.ready_changed.connect(self.submit_button.setEnabled)

    def submit(self) -> None:
        try:
            code = recovery_code.normalise(self.code.text())
        except recovery_code.RecoveryCodeProblem as problem:
            show_message(self.message, str(problem))
            return
        if not self.fields.is_ready():
            return
        self.submit_button.setEnabled(False)
        self.submit_button.setText(self.tr("Checking…"))
        show_message(self.message, "")
        context, passphrase = self._context, self.fields.passphrase()

        def recover() -> Any:
            from app.storage import vault

            return vault.recover(context.folder, code, passphrase, context.clock)

        run_in_background(recover, self._recovered, self._failed)

    def _recovered(self, opened: Any) -> None:
        from app.storage.services import Services

        self.fields.clear()
        self.accept()
        self.recovered.emit(Services.for_vault(opened))

    def _failed(self, error: Exception) -> None:
        self.submit_button.setText(self.tr("Set new passphrase"))
        self.submit_button.setEnabled(self.fields.is_ready())
        show_message(self.message, messages.for_vault_error(error))
