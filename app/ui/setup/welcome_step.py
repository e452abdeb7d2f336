"""The first screen of setup, and what every step is made of.

Kept apart from the other steps on purpose: a new folder paints this screen first, so this
module imports only what the welcome needs. The passphrase, recovery code, country and
children steps (with the recovery code's ``secrets``, the country list, the passphrase meter
and the family rules) load when the parent moves on to them; see ``flow.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.setup.workspace_choice import COUNSELLOR, WorkspaceChoice
from app.ui.widgets.common import body_label, title_label


class Step(QWidget):
    """One screen of setup. ``ready_changed`` tells the flow when Continue may be pressed."""

    ready_changed = Signal(bool)
    title = ""

    def __init__(self) -> None:
        super().__init__()
        self.continue_text = QCoreApplication.translate("Step", "Continue")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(12)
        self.heading = title_label(self.title)
        self.layout_.addWidget(self.heading)

    def set_title(self, text: str) -> None:
        """Replace the heading (steps that translate their title set it after construction)."""
        self.title = text
        self.heading.setText(text)
        self.heading.setAccessibleName(text)

    def is_ready(self) -> bool:
        return True

    def entered(self) -> None:
        """Called each time the step is shown."""

    def finish(self) -> None:
        self.layout_.addStretch(1)


class WelcomeStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.set_title(self.tr("Welcome to Porchlight"))
        self.continue_text = self.tr("Set up Porchlight")
        self.layout_.addWidget(body_label(self.tr(
            "Porchlight helps you make safety talks with your children a calm weekly habit: "
            "it suggests what to talk about for their age, helps you practise what to say, "
            "and keeps private notes of anything that worries you.")))
        self.layout_.addWidget(title_label(self.tr("Our promise"), "sectionTitle"))
        promise = body_label(self.tr(
            "•  Everything stays on this computer, encrypted with a passphrase only you know.\n"
            "•  No account, no sign-up, and Porchlight never goes on the internet.\n"
            "•  It coaches you. It never watches or touches your child's phone or computer."),
            name="promise")
        self.layout_.addWidget(promise)
        self.who = WorkspaceChoice()
        self.who.changed.connect(self._who_changed)
        self.layout_.addWidget(self.who)
        self.how_long = body_label("", muted=True, name="setupHowLong")
        self._who_changed(self.who.kind())
        self.layout_.addWidget(self.how_long)
        self.folder_note = body_label("", name="setupFolderNote")
        self.folder_note.setAccessibleName(self.tr("Where Porchlight keeps its files"))
        # By name: naming Qt's enums builds all 93 of them before the first paint.
        self.folder_note.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.folder_note.hide()
        self.layout_.addWidget(self.folder_note)
        self.finish()

    def _who_changed(self, kind: str) -> None:
        if kind == COUNSELLOR:
            text = self.tr(
                "Setting up takes about a minute: a passphrase and a recovery code to write "
                "down. Already use Porchlight on another computer? You can bring your work "
                "over instead.")
        else:
            text = self.tr(
                "Setting up takes about two minutes: a passphrase, a recovery code to write "
                "down, your country, and your children's names and birth months. Already use "
                "Porchlight on another computer? You can bring your notes over instead.")
        self.how_long.setText(text)

    def show_folder(self, path: str) -> None:
        """Say where Porchlight will keep its files, after the parent chose a new folder."""
        self.folder_note.setText(self.tr("Porchlight will keep its files in:\n{path}").format(
            path=path))
        self.folder_note.show()
