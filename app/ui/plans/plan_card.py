"""One current plan on the Plans page: where the family is, and this week's tasks.

The card says which week it is ("Week 3 of 6"), the progress so far (weeks done, talks held,
refusal lines practised, questions answered), then one week's tasks, each with how it went so
far and a "How did it go?" button, and that week's questions with their answers. The week shown
is this week by default; the parent can pick an earlier one to fill in afterwards. The card
only asks (signals); the page opens the dialogs and does the writing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.plans.model import PlanWeek
from app.ui.dates import date_words
from app.ui.plans.plan_words import (
    answer_words,
    plain_label,
    progress_words,
    record_words,
    refusal_text,
    task_title,
    topic_title,
    week_of_words,
)
from app.ui.plans.plans_data import PlanCardData
from app.ui.widgets.common import body_label, button, clear_layout


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def default_week(data: PlanCardData, today: dt.date) -> int:
    """This week; the last week once they are all over; the first before the start."""
    plan = data.active.plan
    if data.progress.current is not None:
        return data.progress.current
    return len(plan.weeks) if today >= plan.end else 1


class PlanCard(QFrame):
    task_requested = Signal(int, str)  # plan row id, task id
    questions_requested = Signal(int, int)  # plan row id, week number
    end_requested = Signal(int)
    report_requested = Signal(int)

    def __init__(self, data: PlanCardData, library: Any, today: dt.date) -> None:
        super().__init__()
        self.data, self.library, self.today = data, library, today
        active, plan, progress = data.active, data.active.plan, data.progress
        row_id = active.id
        self.setObjectName("card")  # the theme's card look, as ``common.card`` gives
        self.setAccessibleName(self.tr("Plan for {name}").format(name=data.child_name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(plain_label(self.tr("{name}: {title}").format(
            name=data.child_name, title=plan.title), "sectionTitle"), 1)
        self.badge = QLabel(self._where())
        self.badge.setObjectName("bandBadge")
        head.addWidget(self.badge)
        layout.addLayout(head)
        layout.addWidget(body_label(progress_words(progress, len(plan.weeks)), muted=True,
                                    name=f"planProgress{row_id}"))
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Showing")))
        self.week = QComboBox()
        self.week.setObjectName(f"planWeek{row_id}")
        self.week.setAccessibleName(self.tr("Week shown for {name}'s plan").format(
            name=data.child_name))
        for week in plan.weeks:
            words = week_of_words(week.number, len(plan.weeks))
            if week.number == progress.current:
                words = self.tr("{week} (this week)").format(week=words)
            self.week.addItem(words, week.number)
        self.week.setCurrentIndex(max(self.week.findData(default_week(data, today)), 0))
        self.week.currentIndexChanged.connect(self._fill_week)
        chooser.addWidget(self.week)
        chooser.addStretch(1)
        layout.addLayout(chooser)
        self.week_layout = QVBoxLayout()
        self.week_layout.setSpacing(6)
        layout.addLayout(self.week_layout)
        layout.addSpacing(6)
        actions = QHBoxLayout()
        report = button(self.tr("Write a progress report…"), f"planReport{row_id}",
                        accessible=self.tr("Write a progress report on {name}'s plan").format(
                            name=data.child_name))
        report.clicked.connect(lambda: self.report_requested.emit(row_id))
        actions.addWidget(report)
        actions.addStretch(1)
        end = button(self.tr("End this plan…"), f"planEnd{row_id}", danger=True,
                     accessible=self.tr("End {name}'s plan").format(name=data.child_name))
        end.clicked.connect(lambda: self.end_requested.emit(row_id))
        actions.addWidget(end)
        layout.addLayout(actions)
        self._fill_week()

    def _where(self) -> str:
        plan, current = self.data.active.plan, self.data.progress.current
        if current is not None:
            return week_of_words(current, len(plan.weeks))
        if self.today < plan.start:
            return self.tr("Starts {date}").format(date=date_words(plan.start))
        return self.tr("All weeks are over")

    def shown_week(self) -> PlanWeek:
        number = self.week.currentData()
        plan = self.data.active.plan
        return next((w for w in plan.weeks if w.number == number), plan.weeks[0])

    def _fill_week(self) -> None:
        clear_layout(self.week_layout)
        week, active = self.shown_week(), self.data.active
        row_id, lib = active.id, self.library
        about = []
        if week.topics:
            about.append(self.tr("Topics: {topics}").format(
                topics=", ".join(topic_title(lib, t) for t in week.topics)))
        if week.refusal:
            about.append(self.tr("Refusal line: {line}").format(
                line=refusal_text(lib, week.refusal)))
        if week.note.strip():
            about.append(self.tr("From your counsellor: {note}").format(note=week.note.strip()))
        if about:
            self.week_layout.addWidget(plain_label("\n".join(about), f"planWeekAbout{row_id}"))
        for task_id in week.task_ids():
            self.week_layout.addWidget(self._task_row(task_id))
        if week.questions:
            self.week_layout.addWidget(self._questions(week))

    def _task_row(self, task_id: str) -> QWidget:
        active = self.data.active
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 4, 0, 0)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(_bold(task_title(task_id)))
        words.addWidget(body_label(record_words(active.records.get(task_id)), muted=True,
                                   name=f"taskSummary_{active.id}_{task_id.replace('.', '_')}"))
        line.addLayout(words, 1)
        name = f"howDidItGo_{active.id}_{task_id.replace('.', '_')}"
        ask = button(self.tr("How did it go?"), name, accessible=self.tr(
            "How did it go: {task}, week {n}, {child}").format(
            task=task_title(task_id), n=task_id.split(".", 1)[0].lstrip("w"),
            child=self.data.child_name))
        ask.clicked.connect(lambda: self.task_requested.emit(active.id, task_id))
        line.addWidget(ask)
        return row

    def _questions(self, week: PlanWeek) -> QWidget:
        active = self.data.active
        box = QWidget()
        lines = QVBoxLayout(box)
        lines.setContentsMargins(0, 6, 0, 0)
        lines.setSpacing(2)
        lines.addWidget(_bold(self.tr("This week's questions")))
        for question in week.questions:
            answer = active.answers.get(question.id)
            lines.addWidget(plain_label(self.tr("{question} — {answer}").format(
                question=question.text, answer=answer_words(question, answer)),
                f"planQuestion_{active.id}_{question.id.replace('.', '_')}"))
        answered = all(q.id in active.answers for q in week.questions)
        ask = button(self.tr("Change the answers") if answered else self.tr("Answer the questions"),
                     f"planAnswer{active.id}", accessible=self.tr(
                         "Answer the questions for week {n}, {child}").format(
                         n=week.number, child=self.data.child_name))
        ask.clicked.connect(lambda: self.questions_requested.emit(active.id, week.number))
        row = QHBoxLayout()
        row.addWidget(ask)
        row.addStretch(1)
        lines.addLayout(row)
        return box
