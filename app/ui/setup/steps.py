"""The steps of setup after the welcome: passphrase, recovery code, and country.

Each step is a small widget that says whether the parent may continue; ``flow.py`` strings
them together with Back and Continue, and imports this module only when the parent leaves the
welcome screen (``welcome_step.py`` holds that screen and the ``Step`` they all build on).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
)

from app.core import recovery_code
from app.core.countries import CHOICES, guess_from_region
from app.ui.help.country_words import country_name
from app.ui.setup.welcome_step import Step, WelcomeStep
from app.ui.widgets.common import body_label, button, message_label, show_message
from app.ui.widgets.passphrase_fields import PassphraseFields

__all__ = ["ConfirmCodeStep", "CountryStep", "PassphraseStep", "RecoveryCodeStep", "Step",
           "WelcomeStep"]


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
