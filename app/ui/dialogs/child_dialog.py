"""Adding or editing a child: name or nickname, birth month and year.

The dialog checks the details with the same rules as setup (via the pure ``check`` callable it
is given: no database) and keeps the dialog open with a plain message until they are right.
Saving is handed to ``commit(details, done, failed)``, which runs the write on the database
worker: the dialog closes on ``done`` and stays open with everything typed on ``failed``.
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
from app.ui import messages
from app.ui.age_words import month_names, problem_words
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

Commit = Callable[[ChildDetails, Callable[[], None], Callable[[Exception], None]], None]


class ChildDialog(QDialog):
    def __init__(self, check: Callable[[str, int, int], ChildDetails],
                 commit: Commit, today: dt.date,
                 child: Child | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childDialog")
        self._check = check
        self._commit = commit
        self.details: ChildDetails | None = None
        heading = (self.tr("Edit {name}").format(name=child.name) if child
                   else self.tr("Add a child"))
        self.setWindowTitle(heading)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(heading, "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "A name or nickname is enough. The birth month sets which conversations fit."),
            muted=True))
        self.name = QLineEdit(child.name if child else "")
        self.name.setObjectName("childDialogName")
        self.name.setAccessibleName(self.tr("Name or nickname"))
        self.month = QComboBox()
        self.month.setObjectName("childDialogMonth")
        self.month.setAccessibleName(self.tr("Birth month"))
        self.month.addItems(month_names())
        self.year = QSpinBox()
        self.year.setObjectName("childDialogYear")
        self.year.setAccessibleName(self.tr("Birth year"))
        self.year.setRange(today.year - 40, today.year + 1)
        self.month.setCurrentIndex((child.birth.month - 1) if child else today.month - 1)
        self.year.setValue(child.birth.year if child else today.year - 8)
        form = QFormLayout()
        form.addRow(self.tr("Name or nickname"), self.name)
        born = QHBoxLayout()
        born.addWidget(self.month, 2)
        born.addWidget(self.year, 1)
        form.addRow(self.tr("Born"), born)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button(self.tr("Cancel"), "childDialogCancel")
        cancel.clicked.connect(self.reject)
        self.save_button = button(self.tr("Save"), "childDialogSave", primary=True,
                                  accessible=self.tr("Save the child's details"))
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
        self.save_button.setEnabled(False)  # one write at a time
        self._commit(self.details, self._saved, self._not_saved)

    def _saved(self) -> None:
        self.accept()

    def _not_saved(self, error: Exception) -> None:
        """Stay open with everything still typed in, so nothing is lost."""
        self.save_button.setEnabled(True)
        show_message(self.message, messages.for_vault_error(error))
