"""Setup's last question: the children, by name or nickname and birth month.

Children are only collected here; they are saved once the encrypted vault exists. Each one is
checked with the same rules as the child dialog, and an under-3 or an 18+ is accepted with a
friendly note rather than silently refused.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
)

from app.core.clock import Clock, local_today
from app.core.family import ChildDetails, ChildProblem, check_details
from app.ui.age_words import describe_age, month_names, problem_words
from app.ui.setup.welcome_step import Step
from app.ui.widgets.common import body_label, button, message_label, show_message


class ChildrenStep(Step):
    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.set_title(self.tr("Add your children"))
        self.continue_text = self.tr("Finish setup")
        self._clock = clock
        self.children: list[ChildDetails] = []
        self.layout_.addWidget(body_label(self.tr(
            "A name or nickname is enough, with the month and year they were born. Porchlight "
            "uses the age to pick conversations that fit. You can add more later.")))

        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setObjectName("childName")
        self.name.setAccessibleName(self.tr("Child's name or nickname"))
        self.name.setPlaceholderText(self.tr("Name or nickname"))
        self.month = QComboBox()
        self.month.setObjectName("childBirthMonth")
        self.month.setAccessibleName(self.tr("Birth month"))
        self.month.addItems(month_names())
        today = local_today(clock)
        self.year = QSpinBox()
        self.year.setObjectName("childBirthYear")
        self.year.setAccessibleName(self.tr("Birth year"))
        self.year.setRange(today.year - 30, today.year)
        self.year.setValue(today.year - 8)
        self.add_button = button(self.tr("Add"), "addChildInSetup",
                                 accessible=self.tr("Add this child"))
        self.add_button.clicked.connect(self.add_current)
        self.name.returnPressed.connect(self.add_current)
        row.addWidget(self.name, 3)
        row.addWidget(self.month, 2)
        row.addWidget(self.year, 1)
        row.addWidget(self.add_button)
        self.layout_.addLayout(row)
        self.message = message_label()
        self.layout_.addWidget(self.message)

        self.list = QListWidget()
        self.list.setObjectName("setupChildren")
        self.list.setAccessibleName(self.tr("Children added"))
        self.layout_.addWidget(self.list, 1)
        self.remove_button = button(self.tr("Remove selected"), "removeChildInSetup",
                                    accessible=self.tr("Remove the selected child"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.layout_.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(body_label(self.tr(
            "No children to add yet? You can finish now and add them from the home page."),
            muted=True))

    def add_current(self) -> bool:
        """Add what is in the form; on a problem, say so and keep what was typed."""
        try:
            details = check_details(self.name.text(), self.year.value(),
                                    self.month.currentIndex() + 1, local_today(self._clock))
        except ChildProblem as problem:
            show_message(self.message, problem_words(problem))
            return False
        self.children.append(details)
        words = describe_age(details.birth, local_today(self._clock))
        item = QListWidgetItem(self.tr("{name} — {age}").format(name=details.name,
                                                                 age=words.summary))
        item.setToolTip(words.note)
        self.list.addItem(item)
        show_message(self.message, "")
        self.name.clear()
        self.name.setFocus()
        return True

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.children[row]

    def entered(self) -> None:
        self.name.setFocus()
