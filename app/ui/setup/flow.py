"""First-run setup: the steps in order, Back and Continue, and creating the vault at the end.

Nothing is written to disk until the last step: if the parent closes the window halfway, the
next start simply begins setup again. Creating the vault at the end is ``vault_creation.py``.

The first question is who is using Porchlight: a counsellor's setup ends after the recovery
code (no country, no children), and the choice is kept in the vault as its workspace kind.

Two side paths join the steps (``side_paths.py``): moving from another computer with an export
file, and a data folder of someone else's files, named before anything else.

Only the welcome screen is built (and imported) before the first paint; every other step is
made the first time it is shown (``_step``), so a new folder opens as fast as a set-up one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.setup.side_paths import SidePaths, is_foreign
from app.ui.setup.vault_creation import VaultCreation
from app.ui.setup.welcome_step import Step, WelcomeStep
from app.ui.setup.workspace_choice import COUNSELLOR
from app.ui.widgets.common import (
    body_label,
    button,
    centered_column,
    message_label,
)

if TYPE_CHECKING:
    from app.ui.setup.children_step import ChildrenStep
    from app.ui.setup.folder_step import ForeignFolderStep
    from app.ui.setup.import_step import ImportStep
    from app.ui.setup.steps import ConfirmCodeStep, CountryStep, PassphraseStep, RecoveryCodeStep

FAMILY_STEPS = ("welcome", "passphrase", "recovery", "confirm", "country", "children")
COUNSELLOR_STEPS = FAMILY_STEPS[:4]  # a counsellor needs no family data: no country, no children


class SetupFlow(SidePaths, VaultCreation, QWidget):
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
        self._vault_made: Any = None  # a vault whose first details could not be saved yet

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
        if is_foreign(context.folder):
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
        elif step is self.welcome and is_foreign(self._context.folder):
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

