"""Recording how one task of the plan went, in the words counsellors need.

After the Homework Rating Scale (Kazantzis, Deane & Ronan 2004): not just a tick, but how often
it was done, how it went, how hard it was, what got in the way, what helped, and a question to
bring to the next session. Every field is optional except "how often" (0 is an honest answer);
saving again replaces the earlier record for the task, so the parent can come back and add to
it. The write runs on the database worker; the dialog stays open with everything typed if it
fails.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.plans.model import ActivePlan, TaskRecord
from app.ui import messages
from app.ui.plans.plan_words import (
    how_hard_ends,
    how_it_went_ends,
    plain_label,
    task_title,
    week_of_words,
)
from app.ui.plans.scale_row import ScaleRow
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

MAX_TIMES = 99
MAX_TEXT = 500  # a sentence or two; the report is read in a session, not a diary


def _line(name: str, accessible: str, hint: str, text: str) -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setPlaceholderText(hint)
    field.setMaxLength(MAX_TEXT)
    field.setClearButtonEnabled(True)
    return field


class TaskDialog(QDialog):
    def __init__(self, ops: Any, active: ActivePlan, task_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.ops, self.active, self.task_id = ops, active, task_id
        before = active.records.get(task_id) or TaskRecord(task_id)
        self.setWindowTitle(self.tr("How did it go?"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(task_title(task_id), "sectionTitle"))
        week = int(task_id.split(".", 1)[0].lstrip("w") or 0)
        layout.addWidget(plain_label(self.tr("{plan} · {week}").format(
            plan=active.plan.title, week=week_of_words(week, len(active.plan.weeks))),
            "taskPlan", muted=True))
        layout.addWidget(body_label(self.tr(
            "This can go into the progress report for your counsellor, if you choose. A few "
            "words are plenty."), muted=True))
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.times = QSpinBox()
        self.times.setObjectName("taskTimesDone")
        self.times.setAccessibleName(self.tr("How many times you did it"))
        self.times.setRange(0, MAX_TIMES)
        self.times.setValue(before.times_done)
        self.times.setMaximumWidth(120)
        form.addRow(self.tr("Times done"), self.times)
        low, high = how_it_went_ends()
        self.went = ScaleRow("taskHowItWent", self.tr("How it went"), low, high,
                             before.how_it_went)
        form.addRow(self.tr("How it went"), self.went)
        low, high = how_hard_ends()
        self.hard = ScaleRow("taskHowHard", self.tr("How hard it was"), low, high,
                             before.how_hard)
        form.addRow(self.tr("How hard it was"), self.hard)
        self.went.line_up(self.hard)
        self.obstacles = _line("taskGotInTheWay", self.tr("What got in the way"),
                               self.tr("For example: no quiet moment, they changed the subject"),
                               before.got_in_the_way)
        form.addRow(self.tr("What got in the way"), self.obstacles)
        self.helped = _line("taskHelped", self.tr("What helped"),
                            self.tr("For example: talking in the car, a story from school"),
                            before.helped)
        form.addRow(self.tr("What helped"), self.helped)
        self.question = _line("taskQuestionForNext", self.tr("A question for the next session"),
                              self.tr("Anything you'd like to ask your counsellor"),
                              before.question_for_next)
        form.addRow(self.tr("Question for next time"), self.question)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button(self.tr("Cancel"), "taskCancel",
                        accessible=self.tr("Close without saving"))
        cancel.clicked.connect(self.reject)
        self.save_button = button(self.tr("Save"), "taskSave", primary=True,
                                  accessible=self.tr("Save how the task went"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.times.setFocus()

    def record(self) -> TaskRecord:
        """What the parent entered, as the record the plan keeps for this task."""
        return TaskRecord(self.task_id, self.times.value(), self.went.value(),
                          self.hard.value(), self.obstacles.text().strip(),
                          self.helped.text().strip(), self.question.text().strip())

    def save(self) -> None:
        record, row_id = self.record(), self.active.id
        self.save_button.setEnabled(False)  # one write at a time

        def write(services: Any) -> None:
            services.plans.record_task(row_id, replace(record,
                                                       updated_at=services.vault.clock.now()))

        self.ops.write(write, touches=Changes(plans=True), done=lambda _: self.accept(),
                       owner=self, failed=self._not_saved)

    def _not_saved(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        show_message(self.message, messages.for_vault_error(error))
