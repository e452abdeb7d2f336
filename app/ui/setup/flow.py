"""First-run setup: the steps in order, Back and Continue, and creating the vault at the end.

Nothing is written to disk until the last step: if the parent closes the window halfway, the
next start simply begins setup again. The vault is created on a background thread (key
stretching takes a second or two on purpose) while a short "setting up" message shows.

The first question is who is using Porchlight: a counsellor's setup ends after the recovery
code (no country, no children), and the choice is kept in the vault as its workspace kind.

Two side paths join the steps. A parent who already uses Porchlight elsewhere chooses an export
file instead (``ImportStep``), and the vault is imported on a background thread. A data folder
holding someone else's files is named before anything else (``ForeignFolderStep``), and the
"Porchlight" folder inside it is offered: setup never writes into the folder itself.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import recovery_code
from app.storage.data_folder import DataFolder, FolderState
from app.ui import messages
from app.ui.background import run_in_background
from app.ui.context import AppContext
from app.ui.setup.children_step import ChildrenStep
from app.ui.setup.folder_step import ForeignFolderStep, Offer
from app.ui.setup.import_step import ImportStep
from app.ui.setup.steps import (
    ConfirmCodeStep,
    CountryStep,
    PassphraseStep,
    RecoveryCodeStep,
    Step,
    WelcomeStep,
)
from app.ui.setup.workspace_choice import COUNSELLOR, FAMILY
from app.ui.widgets.common import (
    body_label,
    button,
    centered_column,
    message_label,
    show_message,
    title_label,
)


def _is_foreign(folder: DataFolder) -> bool:
    try:
        return folder.state() is FolderState.FOREIGN
    except OSError:  # unreadable: setup's own error message will name the problem
        return False


def _bring_in(source: Path, folder: DataFolder) -> Path:
    """Import ``source`` into ``folder`` (background thread); a failure leaves no new folder."""
    from app.storage.errors import ForeignFolder
    from app.storage.vault_export import ImportRefused, import_vault

    state = folder.state()
    if state is FolderState.FOREIGN:
        raise ForeignFolder(str(folder.root))
    if state is not FolderState.NEW:
        raise ImportRefused(str(folder.root))
    existed = folder.root.exists()
    try:
        return import_vault(source, folder)
    except BaseException:
        if not existed:  # rmdir only removes empty folders: never a file of anyone's
            for made in (folder.backups, folder.root):
                with contextlib.suppress(OSError):
                    made.rmdir()
        raise


class SetupFlow(QWidget):
    completed = Signal(object)  # the Services of the new vault
    # context.folder now holds a vault to unlock: one just imported from another computer, or
    # the one found in the "Porchlight" folder offered instead of someone else's folder.
    imported = Signal()

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
        self.steps: list[Step] = self._steps_for(self.welcome.who.kind())
        self.welcome.who.changed.connect(self._workspace_changed)
        self.import_step = ImportStep()
        self.folder_step: ForeignFolderStep | None = None

        self.stack = QStackedWidget()
        for step in [*self._steps_for(FAMILY), self.import_step]:
            self.stack.addWidget(step)
            step.ready_changed.connect(self._refresh_buttons)
        self.busy, self.busy_title, self.busy_text = self._busy_page()
        self.stack.addWidget(self.busy)

        self.back_button = button(self.tr("Back"), "setupBack")
        self.back_button.clicked.connect(self.go_back)
        self.import_button = button(self.tr("I already use Porchlight on another computer"),
                                    "alreadyUsePorchlight")
        self.import_button.clicked.connect(self.show_import)
        self.next_button = button(self.tr("Continue"), "setupContinue", primary=True)
        self.next_button.clicked.connect(self.go_next)
        self.step_label = body_label("", muted=True, name="setupProgress")
        self.step_label.setAccessibleName(self.tr("Where you are in setup"))
        self.message = message_label()

        column = QWidget()
        layout = QVBoxLayout(column)
        layout.addWidget(self.step_label)
        # The steps scroll: a small screen or a longer language never squeezes their words.
        steps = QScrollArea()
        steps.setObjectName("setupScroll")
        steps.setWidgetResizable(True)
        steps.setFrameShape(QFrame.Shape.NoFrame)
        steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        steps.setWidget(self.stack)
        layout.addWidget(steps, 1)
        layout.addWidget(self.message)
        other_computer = QHBoxLayout()  # its own row: a long translation never squeezes it
        other_computer.addWidget(self.import_button)
        other_computer.addStretch(1)
        layout.addLayout(other_computer)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centered_column(column, 640))
        if _is_foreign(context.folder):
            self._show_folder_step()
        else:
            self._show(self.welcome)

    def _busy_page(self) -> tuple[QWidget, QLabel, QLabel]:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = title_label(self.tr("Setting things up…"))
        layout.addWidget(heading)
        text = body_label("")
        layout.addWidget(text)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName(self.tr("Working"))
        layout.addWidget(bar)
        layout.addStretch(1)
        return page, heading, text

    def _steps_for(self, workspace: str) -> list[Step]:
        """A counsellor needs no family data: no country, no children."""
        first = [self.welcome, self.passphrase, self.recovery, self.confirm]
        return first if workspace == COUNSELLOR else [*first, self.country, self.children]

    @property
    def workspace(self) -> str:
        """Who is using Porchlight: "family" (the default) or "counsellor"."""
        return self.welcome.who.kind()

    def _workspace_changed(self, workspace: str) -> None:
        self.steps = self._steps_for(workspace)
        step = self.current_step()
        if step is not None:
            self._show(step)

    @property
    def current_index(self) -> int:
        """The position of the shown step in the setup steps (-1 on a side path or busy)."""
        widget = self.stack.currentWidget()
        return self.steps.index(widget) if widget in self.steps else -1

    def current_step(self) -> Step | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Step) else None

    def _show(self, step: Step) -> None:
        self.stack.setCurrentWidget(step)
        if step in self.steps:
            self.step_label.setText(self.tr("Step {number} of {count}").format(
                number=self.steps.index(step) + 1, count=len(self.steps)))
        elif step is self.import_step:
            self.step_label.setText(self.tr("Moving from another computer"))
        else:
            self.step_label.setText(self.tr("Before you start"))
        last = step is self.steps[-1] and step is not self.children
        self.next_button.setText(self.tr("Finish setup") if last else step.continue_text)
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.setVisible(step is not self.folder_step or step.is_ready())
        self.back_button.setVisible(step in self.steps[1:] or step is self.import_step)
        self.import_button.setVisible(step is self.welcome)
        self._refresh_buttons()
        step.entered()

    def _refresh_buttons(self) -> None:
        step = self.current_step()
        if step is not None:
            self.next_button.setEnabled(step.is_ready())

    def go_back(self) -> None:
        step = self.current_step()
        if step is self.import_step:
            self._show(self.welcome)
        elif step in self.steps[1:]:
            self._show(self.steps[self.steps.index(step) - 1])

    def go_next(self) -> None:
        step = self.current_step()
        if step is None or not step.is_ready():
            return
        if step is self.folder_step:
            self._use_folder_inside()
        elif step is self.import_step:
            self._start_import()
        elif step is self.welcome and _is_foreign(self._context.folder):
            self._show_folder_step()  # said before the passphrase, not at the very end
        elif step is self.children:
            # Anything typed but not yet added counts too; a problem keeps them on this step.
            if self.children.name.text().strip() and not self.children.add_current():
                return
            self._create_vault()
        elif step is self.steps[-1]:  # a counsellor's last step: no family data to ask for
            self._create_vault()
        else:
            self._show(self.steps[self.steps.index(step) + 1])

    # --- someone else's folder -------------------------------------------------------------

    def _show_folder_step(self) -> None:
        if self.folder_step is not None:
            self.stack.removeWidget(self.folder_step)
            self.folder_step.deleteLater()
        self.folder_step = ForeignFolderStep(self._context.folder)
        self.folder_step.quit_requested.connect(self._quit)
        self.stack.addWidget(self.folder_step)
        self._show(self.folder_step)

    def _use_folder_inside(self) -> None:
        """Switch setup to the "Porchlight" folder inside someone else's folder (no writing)."""
        assert self.folder_step is not None
        step = self.folder_step
        self._context.folder = step.inside
        if step.offer is Offer.OPEN_INSIDE:
            self.imported.emit()
            return
        self.welcome.show_folder(str(step.inside.root))
        self._show(self.welcome)

    def _quit(self) -> None:
        window = self.window()
        quit_for_real = getattr(window, "quit_for_real", None)
        if callable(quit_for_real):
            quit_for_real()
        else:
            QApplication.quit()

    # --- importing from another computer ---------------------------------------------------

    def show_import(self) -> None:
        if _is_foreign(self._context.folder):
            self._show_folder_step()
            return
        show_message(self.message, "")
        self._show(self.import_step)

    def _start_import(self) -> None:
        source = self.import_step.chosen
        if source is None:
            return
        self._show_busy(self.tr("Bringing your notes over…"), self.tr(
            "Porchlight is checking the file and putting it in place. Your notes stay "
            "encrypted the whole time."))
        folder = self._context.folder
        run_in_background(lambda: _bring_in(source, folder), self._imported,
                          self._import_failed)

    def _imported(self, _backup: Any) -> None:
        self.imported.emit()

    def _import_failed(self, error: Exception) -> None:
        from app.storage.errors import AlreadySetUp
        from app.storage.vault_export import ExportDamaged, ImportRefused

        step = self.import_step
        self._show(step)
        if isinstance(error, ExportDamaged) and step.chosen is not None:
            step.forget_file()
            step.show_problem(step.cannot_use(step.chosen))
        elif isinstance(error, ImportRefused | AlreadySetUp):
            step.show_problem(messages.translated(messages.ALREADY_SET_UP))
        else:
            step.show_problem(messages.for_vault_error(error))

    # --- creating a new vault --------------------------------------------------------------

    def _show_busy(self, heading: str, text: str) -> None:
        self.busy_title.setText(heading)
        self.busy_title.setAccessibleName(heading)
        self.busy_text.setText(text)
        self.stack.setCurrentWidget(self.busy)
        self.back_button.hide()
        self.import_button.hide()
        self.next_button.setEnabled(False)
        show_message(self.message, "")

    def _create_vault(self) -> None:
        self._show_busy(self.tr("Setting things up…"), self.tr(
            "Porchlight is creating your encrypted notes. This takes a few seconds on purpose: "
            "it makes your passphrase much harder for anyone to guess."))
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
        show_message(self.message, messages.for_vault_error(error))
        self._show(self.steps[-1])
