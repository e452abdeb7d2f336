"""Settings → Security: the passphrase, the recovery code, and when Porchlight locks itself.

The two buttons open the dialogs of ``security_dialogs``; the lock choices come from the
catalogue. What changed is said here afterwards, including the part that is easy to forget:
backups keep the key file of their day, so they still open with the old passphrase or code.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.ui.session import UnlockedSession
from app.ui.settings.catalogue import SECURITY, in_section
from app.ui.settings.controls import Changed, add_to_form, spec_control
from app.ui.settings.security_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label


class SecuritySection(QWidget):
    def __init__(self, session: UnlockedSession, changed: Changed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("securitySection")
        self._session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Security"), "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Your passphrase opens Porchlight every day; the recovery code you wrote down is "
            "the way back in if the passphrase is forgotten."), muted=True))
        row = QHBoxLayout()
        self.change_passphrase = button(self.tr("Change passphrase…"), "changePassphrase")
        self.change_passphrase.clicked.connect(self.open_change_passphrase)
        self.new_code = button(self.tr("Make a new recovery code…"), "newRecoveryCode")
        self.new_code.clicked.connect(self.open_new_recovery_code)
        row.addWidget(self.change_passphrase)
        row.addWidget(self.new_code)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = message_label("securityMessage")
        self.message.setAccessibleName(self.tr("Security message"))
        layout.addWidget(self.message)
        form = QFormLayout()
        self.controls: dict[str, QWidget] = {}
        for spec in in_section(SECURITY):
            control = spec_control(spec, session.setting(spec), changed)
            self.controls[spec.key] = control
            add_to_form(form, spec, control)
        layout.addLayout(form)
        self.dialog: ChangePassphraseDialog | NewRecoveryCodeDialog | None = None

    def open_change_passphrase(self) -> ChangePassphraseDialog:
        dialog = ChangePassphraseDialog(self._session, self)
        dialog.changed.connect(lambda: show_message(self.message, self.tr(
            "Passphrase changed. Use the new one from now on. Backups taken before today "
            "still open with the old one until they age out."), ok=True))
        return self._open(dialog)

    def open_new_recovery_code(self) -> NewRecoveryCodeDialog:
        dialog = NewRecoveryCodeDialog(self._session, self)
        dialog.replaced.connect(lambda: show_message(self.message, self.tr(
            "The new recovery code is in place; the old one no longer opens Porchlight. "
            "Backups taken before today still open with the old code until they age out — "
            "\"Remove older backups\" below clears them if the old code may have been seen."),
            ok=True))
        return self._open(dialog)

    def _open(self, dialog):
        """Window-modal, and tied to the session: locking closes it, holding nothing typed."""
        self.dialog = dialog
        self._session.adopt(dialog)
        dialog.setModal(True)
        dialog.show()
        return dialog
