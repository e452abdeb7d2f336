"""The week's questions from the counsellor, each with the control its kind needs.

A yes/no question gets two choices, a scale question a row from 1 (not at all) to 5 (a lot), a
choice question one button per choice, a text question a short line. The lead opens this after
a talk during a plan and the Plans page opens it any time; whatever is already answered is
filled in, and saving keeps only what the parent answered (an unanswered question stays
unanswered rather than becoming a made-up "no").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.plans.model import ActivePlan, Answer, Question
from app.ui import messages
from app.ui.plans.plan_words import plain_label, scale_ends, week_of_words
from app.ui.plans.scale_row import ScaleRow
from app.ui.translate import _tr
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

MAX_ANSWER = 300


def _safe(question_id: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in question_id)


class _Choices(QWidget):
    """Radio buttons for a yes/no or a choice question; ``value()`` is the stored value."""

    def __init__(self, name: str, question: str, options: list[tuple[str, str]],
                 current: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.group = QButtonGroup(self)
        self._values: dict[int, str] = {}
        row = QVBoxLayout(self) if len(options) > 2 else QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for number, (value, words) in enumerate(options):
            choice = QRadioButton(words)
            choice.setObjectName(f"{name}_{number}")
            choice.setAccessibleName(_tr("{question}: {answer}").format(question=question,
                                                                        answer=words))
            self.group.addButton(choice, number)
            self._values[number] = value
            row.addWidget(choice)
            choice.setChecked(value == current)
        if isinstance(row, QHBoxLayout):
            row.addStretch(1)

    def value(self) -> str:
        return self._values.get(self.group.checkedId(), "")


class _Text(QLineEdit):
    def value(self) -> str:
        return " ".join(self.text().split())


def answer_control(question: Question, current: str) -> QWidget:
    """The right control for ``question``'s kind, holding ``current`` (the stored value)."""
    name = f"answer_{_safe(question.id)}"
    if question.kind == "yes-no":
        return _Choices(name, question.text, [("yes", _tr("Yes")), ("no", _tr("No"))], current)
    if question.kind == "choice":
        return _Choices(name, question.text, [(c, c) for c in question.choices], current)
    if question.kind == "scale":
        low, high = scale_ends()
        value = int(current) if current in {"1", "2", "3", "4", "5"} else None
        return ScaleRow(name, question.text, low, high, value)
    field = _Text(current)
    field.setObjectName(name)
    field.setAccessibleName(question.text)
    field.setMaxLength(MAX_ANSWER)
    field.setPlaceholderText(_tr("A few words"))
    return field


def control_value(control: QWidget) -> str:
    value = control.value()  # type: ignore[attr-defined]
    return "" if value is None else str(value)


class WeeklyQuestionsDialog(QDialog):
    def __init__(self, ops: Any, active_plan: ActivePlan, week: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyQuestionsDialog")
        self.ops, self.active, self.week = ops, active_plan, week
        plan = active_plan.plan
        questions = next((w.questions for w in plan.weeks if w.number == week), ())
        self.setWindowTitle(self.tr("This week's questions"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Questions from your counsellor"), "sectionTitle"))
        layout.addWidget(plain_label(self.tr("{plan} · {week}").format(
            plan=plan.title, week=week_of_words(week, len(plan.weeks))), "questionsPlan",
            muted=True))
        layout.addWidget(body_label(self.tr(
            "Answer what you can. Anything you leave empty stays unanswered."), muted=True))
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(12)
        self.controls: dict[str, QWidget] = {}
        for question in questions:
            text = plain_label(question.text, f"question_{_safe(question.id)}")
            font = text.font()
            font.setBold(True)
            text.setFont(font)
            rows.addWidget(text)
            before = active_plan.answers.get(question.id)
            control = answer_control(question, before.value if before else "")
            self.controls[question.id] = control
            rows.addWidget(control)
        if not questions:
            rows.addWidget(body_label(self.tr("Your counsellor set no questions this week."),
                                      muted=True))
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        later = button(self.tr("Not now"), "questionsLater",
                       accessible=self.tr("Close the questions without saving"))
        later.clicked.connect(self.reject)
        self.save_button = button(self.tr("Save answers"), "questionsSave", primary=True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(bool(questions))
        buttons.addWidget(later)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def values(self) -> dict[str, str]:
        """question id → the value to keep, for the questions answered."""
        return {qid: value for qid, control in self.controls.items()
                if (value := control_value(control))}

    def changed(self) -> dict[str, str]:
        """The answers that are new or different: an unchanged one keeps its date."""
        kept = self.active.answers
        return {qid: value for qid, value in self.values().items()
                if qid not in kept or kept[qid].value != value}

    def save(self) -> None:
        values, row_id = self.changed(), self.active.id
        if not values:
            self.accept()  # nothing new to keep
            return
        self.save_button.setEnabled(False)

        def write(services: Any) -> None:
            now: dt.datetime = services.vault.clock.now()
            for question_id, value in values.items():
                services.plans.answer(row_id, Answer(question_id, value, now))

        self.ops.write(write, touches=Changes(plans=True), done=lambda _: self.accept(),
                       owner=self, failed=self._not_saved)

    def _not_saved(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        show_message(self.message, messages.for_vault_error(error))
