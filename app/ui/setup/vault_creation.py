"""The end of setup: creating the new vault, with a calm "setting things up" page meanwhile.

Nothing is written to disk before this: if the parent closes the window halfway through setup,
the next start simply begins again. The vault is created on a background thread (the key
stretching takes a second or two on purpose); the workspace kind, the country and the children
are then saved in it, and ``completed`` hands the new vault's services to the window.

``VaultCreation`` is part of ``SetupFlow`` (see ``flow.py``), kept apart so each file has one
job. Its words keep the flow's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.setup.workspace_choice import FAMILY
from app.ui.widgets.common import body_label, show_message, title_label


class VaultCreation:
    """The busy page and the vault's creation, for ``SetupFlow``, which this is mixed into."""

    def _busy_page(self) -> tuple[QWidget, QLabel, QLabel]:
        from PySide6.QtWidgets import QProgressBar  # made only when there is work to wait for

        if self._busy is not None:
            return self._busy
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)  # in line with the steps' headings
        layout.setSpacing(12)
        heading = title_label(QCoreApplication.translate("SetupFlow", "Setting things up…"))
        layout.addWidget(heading)
        text = body_label("")
        layout.addWidget(text)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName(QCoreApplication.translate("SetupFlow", "Working"))
        layout.addWidget(bar)
        layout.addStretch(1)
        self.stack.addWidget(page)
        self._busy = (page, heading, text)
        return self._busy

    @property
    def busy(self) -> QWidget:
        return self._busy_page()[0]

    def _show_busy(self, heading: str, text: str) -> None:
        page, busy_title, busy_text = self._busy_page()
        busy_title.setText(heading)
        busy_title.setAccessibleName(heading)
        busy_text.setText(text)
        self.stack.setCurrentWidget(page)
        self.back_button.hide()
        self.import_button.hide()
        self.next_button.setEnabled(False)
        show_message(self.message, "")

    def _create_vault(self) -> None:
        heading = QCoreApplication.translate("SetupFlow", "Setting things up…")
        self._show_busy(heading, QCoreApplication.translate(
            "SetupFlow", "Porchlight is creating your encrypted notes. This takes a few seconds "
            "on purpose: it makes your passphrase much harder for anyone to guess."))
        context, passphrase, code = self._context, self.passphrase.fields.passphrase(), self._code

        def create() -> Any:
            from app.storage import vault

            return vault.create(context.folder, passphrase, code, context.kdf_params,
                                context.clock)

        from app.ui.background import run_in_background

        run_in_background(create, self._vault_created, self._vault_failed)

    def _vault_created(self, opened: Any) -> None:
        from app.storage.services import Services
        from app.storage.writes import SaveFailed

        services = Services.for_vault(opened)
        try:
            services.plans.set_workspace(self.workspace)
            if self.workspace == FAMILY:
                services.settings.set_country(self.country.code())
                for child in self.children.children:
                    services.family.add(child.name, child.birth.year, child.birth.month)
        except (OSError, SaveFailed) as error:
            self._vault_failed(error)
            return
        self.completed.emit(services)

    def _vault_failed(self, error: Exception) -> None:
        from app.ui import messages

        show_message(self.message, messages.for_vault_error(error))
        self._show(self._step(self._order[-1]))
