"""The end of setup: creating the new vault, with a calm "setting things up" page meanwhile.

Nothing is written to disk before this: if the parent closes the window halfway through setup,
the next start simply begins again. The vault is created on a background thread (the key
stretching takes a second or two on purpose) and the workspace kind, the country and the
children are saved in it there too, so the window never waits for the disk; ``completed`` then
hands the new vault's services to the window. If those details cannot be saved (a full disk),
the vault is kept, the parent is told, and Finish saves only what is missing into it.

``VaultCreation`` is part of ``SetupFlow`` (see ``flow.py``), kept apart so each file has one
job. Its words keep the flow's translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
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
        details = FirstDetails(self.workspace, None, ())
        if self.workspace == FAMILY:
            details = FirstDetails(FAMILY, self.country.code(), tuple(
                (c.name, c.birth.year, c.birth.month) for c in self.children.children))
        made = self._vault_made  # from a try whose details could not be saved

        def create() -> Any:
            from app.storage import vault
            from app.storage.services import Services

            services = made or Services.for_vault(vault.create(
                context.folder, passphrase, code, context.kdf_params, context.clock))
            try:
                details.save(services)
            except Exception as error:
                raise DetailsNotSaved(services, error) from error
            return services

        from app.ui.background import run_in_background

        run_in_background(create, self.completed.emit, self._vault_failed)

    def _vault_failed(self, error: Exception) -> None:
        """Say what went wrong and go back to the last step. If the vault was made but its
        first details could not be saved (a full disk), the next try saves only those."""
        from app.ui import messages

        if isinstance(error, DetailsNotSaved):
            self._vault_made = error.services
            error = error.cause
        show_message(self.message, messages.for_vault_error(error))
        self._show(self._step(self._order[-1]))


@dataclass(frozen=True)
class FirstDetails:
    """What setup asked, saved in the new vault: who uses it, the country and the children."""

    workspace: str
    country: str | None
    children: tuple[tuple[str, int, int], ...]  # name, birth year, birth month

    def save(self, services: Any) -> None:
        """Safe to run again after a failure part way: a child already saved is not added twice."""
        services.plans.set_workspace(self.workspace)
        if self.country is not None:
            services.settings.set_country(self.country)
        saved = {(c.name, c.birth.year, c.birth.month) for c in services.family.children()}
        for name, year, month in self.children:
            if (name, year, month) not in saved:
                services.family.add(name, year, month)


class DetailsNotSaved(Exception):
    """The vault was made, but the first details could not be saved in it."""

    def __init__(self, services: Any, cause: Exception) -> None:
        super().__init__(type(cause).__name__)
        self.services, self.cause = services, cause
