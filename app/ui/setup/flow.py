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

Only the welcome screen is built (and imported) before the first paint; every other step is
made the first time it is shown (``_step``), so a new folder opens as fast as a set-up one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
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

from app.storage.data_folder import DataFolder, FolderState
from app.ui.context import AppContext
from app.ui.setup.welcome_step import Step, WelcomeStep
from app.ui.setup.workspace_choice import COUNSELLOR, FAMILY
from app.ui.widgets.common import (
    body_label,
    button,
    centered_column,
    message_label,
    show_message,
    title_label,
)

if TYPE_CHECKING:
    from app.ui.setup.children_step import ChildrenStep
    from app.ui.setup.folder_step import ForeignFolderStep
    from app.ui.setup.import_step import ImportStep
    from app.ui.setup.steps import ConfirmCodeStep, CountryStep, PassphraseStep, RecoveryCodeStep

FAMILY_STEPS = ("welcome", "passphrase", "recovery", "confirm", "country", "children")
COUNSELLOR_STEPS = FAMILY_STEPS[:4]  # a counsellor needs no family data: no country, no children


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

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupFlow")
        self._context = context
        self._recovery_code: str | None = None
        self._made: dict[str, Step] = {}
        self.stack = QStackedWidget()
        self.folder_step: ForeignFolderStep | None = None
        self._busy: tuple[QWidget, QLabel, QLabel] | None = None

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
        # By name: naming Qt's enums builds all 93 of them before the first paint.
        steps.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
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
        # Added last, into a page already laid out: its wrapped words are measured once, when
        # shown, not again at each step of building the page around them (10 ms at start).
        self.welcome = WelcomeStep()
        self._add("welcome", self.welcome)
        self._order = self._names_for(self.welcome.who.kind())
        self.welcome.who.changed.connect(self._workspace_changed)
        if _is_foreign(context.folder):
            self._show_folder_step()
        else:
            self._show(self.welcome)

    # --- the steps, each made when first shown ---------------------------------------------

    @property
    def _code(self) -> str:
        """The recovery code, drawn when a step first needs it (``secrets`` loads then)."""
        if self._recovery_code is None:
            from app.core import recovery_code

            self._recovery_code = recovery_code.generate()
        return self._recovery_code

    def _add(self, name: str, step: Step) -> Step:
        self._made[name] = step
        self.stack.addWidget(step)
        step.ready_changed.connect(self._refresh_buttons)
        return step

    def _step(self, name: str) -> Step:
        made = self._made.get(name)
        if made is not None:
            return made
        if name == "children":
            from app.ui.setup.children_step import ChildrenStep

            return self._add(name, ChildrenStep(self._context.clock))
        if name == "import":
            from app.ui.setup.import_step import ImportStep

            return self._add(name, ImportStep())
        from app.ui.setup import steps

        if name == "passphrase":
            return self._add(name, steps.PassphraseStep())
        if name == "recovery":
            return self._add(name, steps.RecoveryCodeStep(self._code))
        if name == "confirm":
            return self._add(name, steps.ConfirmCodeStep(self._code))
        if name == "country":
            return self._add(name, steps.CountryStep())
        raise KeyError(name)

    def _name_of(self, widget: QWidget | None) -> str | None:
        return next((name for name, step in self._made.items() if step is widget), None)

    @property
    def passphrase(self) -> PassphraseStep:
        return self._step("passphrase")  # type: ignore[return-value]

    @property
    def recovery(self) -> RecoveryCodeStep:
        return self._step("recovery")  # type: ignore[return-value]

    @property
    def confirm(self) -> ConfirmCodeStep:
        return self._step("confirm")  # type: ignore[return-value]

    @property
    def country(self) -> CountryStep:
        return self._step("country")  # type: ignore[return-value]

    @property
    def children(self) -> ChildrenStep:  # type: ignore[override]  # QObject.children()
        return self._step("children")  # type: ignore[return-value]

    @property
    def import_step(self) -> ImportStep:
        return self._step("import")  # type: ignore[return-value]

    @property
    def steps(self) -> list[Step]:
        """The setup steps in order for the chosen workspace (made now if not yet shown)."""
        return [self._step(name) for name in self._order]

    @staticmethod
    def _names_for(workspace: str) -> tuple[str, ...]:
        return COUNSELLOR_STEPS if workspace == COUNSELLOR else FAMILY_STEPS

    def _busy_page(self) -> tuple[QWidget, QLabel, QLabel]:
        if self._busy is not None:
            return self._busy
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
        self.stack.addWidget(page)
        self._busy = (page, heading, text)
        return self._busy

    @property
    def busy(self) -> QWidget:
        return self._busy_page()[0]

    @property
    def workspace(self) -> str:
        """Who is using Porchlight: "family" (the default) or "counsellor"."""
        return self.welcome.who.kind()

    def _workspace_changed(self, workspace: str) -> None:
        self._order = self._names_for(workspace)
        step = self.current_step()
        if step is not None:
            self._show(step)

    @property
    def current_index(self) -> int:
        """The position of the shown step in the setup steps (-1 on a side path or busy)."""
        name = self._name_of(self.stack.currentWidget())
        return self._order.index(name) if name in self._order else -1

    def current_step(self) -> Step | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Step) else None

    def _show(self, step: Step) -> None:
        self.stack.setCurrentWidget(step)
        name = self._name_of(step)
        if name in self._order:
            self.step_label.setText(self.tr("Step {number} of {count}").format(
                number=self._order.index(name) + 1, count=len(self._order)))
        elif name == "import":
            self.step_label.setText(self.tr("Moving from another computer"))
        else:
            self.step_label.setText(self.tr("Before you start"))
        last = name == self._order[-1] and name != "children"
        self.next_button.setText(self.tr("Finish setup") if last else step.continue_text)
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.setVisible(step is not self.folder_step or step.is_ready())
        self.back_button.setVisible(name in self._order[1:] or name == "import")
        self.import_button.setVisible(step is self.welcome)
        self._refresh_buttons()
        step.entered()

    def _refresh_buttons(self) -> None:
        step = self.current_step()
        if step is not None:
            self.next_button.setEnabled(step.is_ready())

    def go_back(self) -> None:
        name = self._name_of(self.current_step())
        if name == "import":
            self._show(self.welcome)
        elif name in self._order[1:]:
            self._show(self._step(self._order[self._order.index(name) - 1]))

    def go_next(self) -> None:
        step = self.current_step()
        if step is None or not step.is_ready():
            return
        name = self._name_of(step)
        if step is self.folder_step:
            self._use_folder_inside()
        elif name == "import":
            self._start_import()
        elif step is self.welcome and _is_foreign(self._context.folder):
            self._show_folder_step()  # said before the passphrase, not at the very end
        elif name == "children":
            # Anything typed but not yet added counts too; a problem keeps them on this step.
            if self.children.name.text().strip() and not self.children.add_current():
                return
            self._create_vault()
        elif name == self._order[-1]:  # a counsellor's last step: no family data to ask for
            self._create_vault()
        elif name in self._order:
            self._show(self._step(self._order[self._order.index(name) + 1]))

    # --- someone else's folder -------------------------------------------------------------

    def _show_folder_step(self) -> None:
        from app.ui.setup.folder_step import ForeignFolderStep

        if self.folder_step is not None:
            self.stack.removeWidget(self.folder_step)
            self.folder_step.deleteLater()
        self.folder_step = ForeignFolderStep(self._context.folder)
        self.folder_step.quit_requested.connect(self._quit)
        self.stack.addWidget(self.folder_step)
        self._show(self.folder_step)

    def _use_folder_inside(self) -> None:
        """Switch setup to the "Porchlight" folder inside someone else's folder (no writing)."""
        from app.ui.setup.folder_step import Offer

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
        from app.ui.background import run_in_background

        run_in_background(lambda: _bring_in(source, folder), self._imported,
                          self._import_failed)

    def _imported(self, _backup: Any) -> None:
        self.imported.emit()

    def _import_failed(self, error: Exception) -> None:
        from app.storage.errors import AlreadySetUp
        from app.storage.vault_export import ExportDamaged, ImportRefused
        from app.ui import messages

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
        self._show_busy(self.tr("Setting things up…"), self.tr(
            "Porchlight is creating your encrypted notes. This takes a few seconds on purpose: "
            "it makes your passphrase much harder for anyone to guess."))
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
