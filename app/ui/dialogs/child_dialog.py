"""Adding or editing a child: name or nickname, birth month and year.

The dialog checks the details with the same rules as setup (via the ``check`` callable it is
given) and keeps the dialog open with a plain message until they are right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.family import Child, ChildDetails, ChildProblem
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.age_words import month_names, problem_words
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label


class ChildDialog(QDialog):
    def __init__(self, check: Callable[[str, int, int], ChildDetails],
                 commit: Callable[[ChildDetails], object], today: dt.date,
                 child: Child | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childDialog")
        self._check = check
        self._commit = commit
        self.details: ChildDetails | None = None
        heading = f"Edit {child.name}" if child else "Add a child"
        self.setWindowTitle(heading)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(heading, "sectionTitle"))
        layout.addWidget(body_label(
            "A name or nickname is enough. The birth month sets which conversations fit.",
            muted=True))
        self.name = QLineEdit(child.name if child else "")
        self.name.setObjectName("childDialogName")
        self.name.setAccessibleName("Name or nickname")
        self.month = QComboBox()
        self.month.setObjectName("childDialogMonth")
        self.month.setAccessibleName("Birth month")
        self.month.addItems(month_names())
        self.year = QSpinBox()
        self.year.setObjectName("childDialogYear")
        self.year.setAccessibleName("Birth year")
        self.year.setRange(today.year - 40, today.year + 1)
        self.month.setCurrentIndex((child.birth.month - 1) if child else today.month - 1)
        self.year.setValue(child.birth.year if child else today.year - 8)
        form = QFormLayout()
        form.addRow("Name or nickname", self.name)
        born = QHBoxLayout()
        born.addWidget(self.month, 2)
        born.addWidget(self.year, 1)
        form.addRow("Born", born)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button("Cancel", "childDialogCancel")
        cancel.clicked.connect(self.reject)
        self.save_button = button("Save", "childDialogSave", primary=True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.name.setFocus()

    def save(self) -> None:
        try:
            self.details = self._check(self.name.text(), self.year.value(),
                                       self.month.currentIndex() + 1)
        except ChildProblem as problem:
            show_message(self.message, problem_words(problem))
            self.name.setFocus()
            return
        try:
            self._commit(self.details)
        except SaveFailed as error:
            # Stay open with everything still typed in, so nothing is lost.
            show_message(self.message, messages.for_vault_error(error))
            return
        self.accept()
