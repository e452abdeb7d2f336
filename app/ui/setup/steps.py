"""The first steps of setup: welcome (with who is using Porchlight), passphrase, recovery
code, and country.

Each step is a small widget that says whether the parent may continue; ``flow.py`` strings
them together with Back and Continue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core import recovery_code
from app.core.countries import CHOICES, guess_from_region
from app.ui.help.country_words import country_name
from app.ui.setup.workspace_choice import COUNSELLOR, WorkspaceChoice
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label
from app.ui.widgets.passphrase_fields import PassphraseFields


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
        self.folder_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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


class PassphraseStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.set_title(self.tr("Choose a passphrase"))
        self.layout_.addWidget(body_label(self.tr(
            "Your passphrase locks everything you write in Porchlight. Nobody can open your "
            "notes without it or your recovery code — not even us, because there is no \"us\" "
            "online. Three or four unrelated words are strong and easy to remember.")))
        self.layout_.addWidget(body_label(self.tr(
            "Please don't lose it: if both the passphrase and the recovery code are lost, "
            "nobody can open your notes again."), muted=True))
        self.fields = PassphraseFields()
        self.fields.ready_changed.connect(self.ready_changed)
        self.layout_.addWidget(self.fields)
        self.finish()

    def is_ready(self) -> bool:
        return self.fields.is_ready()

    def entered(self) -> None:
        self.fields.first.setFocus()


class RecoveryCodeStep(Step):
    def __init__(self, code: str) -> None:
        super().__init__()
        self.set_title(self.tr("Write down your recovery code"))
        self.code = code
        self.layout_.addWidget(body_label(self.tr(
            "If you ever forget your passphrase, this code is the only way back in. Write it "
            "on paper or print it, and keep it somewhere safe away from this computer.")))
        self.code_label = QLabel(recovery_code.display(code))
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setFont(QFont("monospace"))
        self.layout_.addWidget(self.code_label)
        self.print_button = button(self.tr("Print the code…"), "printRecoveryCode",
                                   accessible=self.tr("Print the recovery code"))
        self.print_button.clicked.connect(self._print)
        self.layout_.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(body_label(self.tr(
            "Next, you'll type part of it back, just to be sure it was copied right."),
            muted=True))
        self.finish()

    def _print(self) -> None:
        from app.ui.printing import print_recovery_code

        print_recovery_code(self, recovery_code.display(self.code))


class ConfirmCodeStep(Step):
    GROUPS = (1, 4)  # the second and the fifth group, counted from zero

    def __init__(self, code: str) -> None:
        super().__init__()
        self.set_title(self.tr("Check your recovery code"))
        self.code = code
        self.layout_.addWidget(body_label(self.tr(
            "Type the second and the last group of five from the code you wrote down.")))
        form = QFormLayout()
        self.inputs: list[QLineEdit] = []
        for index in self.GROUPS:
            field = QLineEdit()
            field.setObjectName(f"codeGroup{index + 1}")
            field.setAccessibleName(self.tr("Group {number} of the recovery code").format(
                number=index + 1))
            field.setMaxLength(7)
            field.setPlaceholderText(self.tr("five letters and numbers"))
            field.textChanged.connect(self._changed)
            form.addRow(self.tr("Group {number}").format(number=index + 1), field)
            self.inputs.append(field)
        self.layout_.addLayout(form)
        self.message = message_label()
        self.layout_.addWidget(self.message)
        self.finish()

    def _matches(self) -> list[bool]:
        return [recovery_code.group_matches(self.code, index, field.text())
                for index, field in zip(self.GROUPS, self.inputs, strict=True)]

    def _changed(self) -> None:
        complete = all(len(field.text().strip()) >= 5 for field in self.inputs)
        matches = self._matches()
        wrong = [self.GROUPS[i] + 1 for i, ok in enumerate(matches) if not ok]
        if not (complete and wrong):
            text = ""
        elif len(wrong) == 1:
            text = self.tr("Group {number} doesn't match yet.").format(number=wrong[0])
        else:
            text = self.tr("Groups {first} and {second} don't match yet.").format(
                first=wrong[0], second=wrong[1])
        show_message(self.message, text)
        self.ready_changed.emit(all(matches))

    def is_ready(self) -> bool:
        return all(self._matches())

    def entered(self) -> None:
        self.inputs[0].setFocus()


class CountryStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.set_title(self.tr("Where do you live?"))
        self.layout_.addWidget(body_label(self.tr(
            "This decides which help lines and reporting steps Porchlight shows you if "
            "something happens. You can change it later in Settings.")))
        from PySide6.QtCore import QLocale

        guess = guess_from_region(QLocale.system().territoryToCode(QLocale.system().territory()))
        self.group = QButtonGroup(self)
        for choice in CHOICES:
            radio = QRadioButton(country_name(choice))
            radio.setObjectName(f"country_{choice.code}")
            radio.setProperty("code", choice.code)
            radio.setChecked(choice.code == guess)
            self.group.addButton(radio)
            self.layout_.addWidget(radio)
        self.finish()

    def code(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("code")) if checked else "intl"

    def entered(self) -> None:
        checked = self.group.checkedButton()
        if checked:
            checked.setFocus()
