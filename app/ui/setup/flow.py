"""First-run setup: the steps in order, Back and Continue, and creating the vault at the end.

Nothing is written to disk until the last step: if the parent closes the window halfway, the
next start simply begins setup again. The vault is created on a background thread (key
stretching takes a second or two on purpose) while a short "setting up" message shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from app.core import recovery_code
from app.ui import messages
from app.ui.background import run_in_background
from app.ui.context import AppContext
from app.ui.setup.children_step import ChildrenStep
from app.ui.setup.steps import (
    ConfirmCodeStep,
    CountryStep,
    PassphraseStep,
    RecoveryCodeStep,
    Step,
    WelcomeStep,
)
from app.ui.widgets.common import (
    body_label,
    button,
    centered_column,
    message_label,
    show_message,
    title_label,
)


class SetupFlow(QWidget):
    completed = Signal(object)  # the Services of the new vault

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("setupFlow")
        self._context = context
        self._code = recovery_code.generate()
        self.welcome = WelcomeStep()
        self.passphrase = PassphraseStep()
        self.recovery = RecoveryCodeStep(self._code)
        self.confirm = ConfirmCodeStep(self._code)
        self.country = CountryStep()
        self.children = ChildrenStep(context.clock)
        self.steps: list[Step] = [self.welcome, self.passphrase, self.recovery, self.confirm,
                                  self.country, self.children]

        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
            step.ready_changed.connect(self._refresh_buttons)
        self.busy = self._busy_page()
        self.stack.addWidget(self.busy)

        self.back_button = button("Back", "setupBack")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = button("Continue", "setupContinue", primary=True)
        self.next_button.clicked.connect(self.go_next)
        self.step_label = body_label("", muted=True, name="setupProgress")
        self.message = message_label()

        column = QWidget()
        layout = QVBoxLayout(column)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centered_column(column, 640))
        self._show(0)

    def _busy_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(title_label("Setting things up…"))
        layout.addWidget(body_label(
            "Porchlight is creating your encrypted notes. This takes a few seconds on purpose: "
            "it makes your passphrase much harder for anyone to guess."))
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName("Working")
        layout.addWidget(bar)
        layout.addStretch(1)
        return page

    @property
    def current_index(self) -> int:
        return self.stack.currentIndex()

    def current_step(self) -> Step:
        return self.steps[self.current_index]

    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        step = self.steps[index]
        self.step_label.setText(f"Step {index + 1} of {len(self.steps)}")
        self.next_button.setText(step.continue_text)
        self.back_button.setVisible(index > 0)
        self._refresh_buttons()
        step.entered()

    def _refresh_buttons(self) -> None:
        if self.current_index < len(self.steps):
            self.next_button.setEnabled(self.current_step().is_ready())

    def go_back(self) -> None:
        if 0 < self.current_index < len(self.steps):
            self._show(self.current_index - 1)

    def go_next(self) -> None:
        index = self.current_index
        if index >= len(self.steps) or not self.steps[index].is_ready():
            return
        if self.steps[index] is self.children:
            # Anything typed but not yet added counts too; a problem keeps them on this step.
            if self.children.name.text().strip() and not self.children.add_current():
                return
            self._create_vault()
            return
        self._show(index + 1)

    def _create_vault(self) -> None:
        self.stack.setCurrentWidget(self.busy)
        self.back_button.hide()
        self.next_button.setEnabled(False)
        show_message(self.message, "")
        context, passphrase, code = self._context, self.passphrase.fields.passphrase(), self._code

        def create() -> Any:
            from app.storage import vault

            return vault.create(context.folder, passphrase, code, context.kdf_params,
                                context.clock)

        run_in_background(create, self._vault_created, self._vault_failed)

    def _vault_created(self, opened: Any) -> None:
        from app.storage.services import Services
        from app.storage.writes import SaveFailed

        services = Services.for_vault(opened)
        try:
            services.settings.set_country(self.country.code())
            for child in self.children.children:
                services.family.add(child.name, child.birth.year, child.birth.month)
        except (OSError, SaveFailed) as error:
            self._vault_failed(error)
            return
        self.completed.emit(services)

    def _vault_failed(self, error: Exception) -> None:
        show_message(self.message, messages.for_vault_error(error))
        self._show(len(self.steps) - 1)
