"""The Plans page: the homework a counsellor gave the family, and how it is going.

One card per current plan (``PlanCard``): the child, the week we are in, the progress, and a
week's tasks and questions to fill in. Plans that were ended fold away below, still there for a
report. "Import a plan from your counsellor…" opens the preview (``import_dialog``); ending a
plan asks first and keeps everything recorded in it. Writing a report is someone else's screen:
the page only says which plan (``report_requested``). Reads and writes run on the database
worker; the page follows the plans', talks' and family's changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.clock import Clock
from app.ui.dates import date_words
from app.ui.ops import Ops, follow_changes
from app.ui.plans.import_dialog import start_import
from app.ui.plans.plan_card import PlanCard
from app.ui.plans.plan_words import plain_label
from app.ui.plans.plans_data import PlanCardData, PlansView, read_plans
from app.ui.plans.questions_dialog import WeeklyQuestionsDialog
from app.ui.plans.task_dialog import TaskDialog
from app.ui.widgets.common import body_label, button, card, clear_layout, title_label


class PlansPage(QWidget):
    report_requested = Signal(int)  # the plan's row id: the report writer takes it from here
    window_opened = Signal(object, str)  # a dialog with family data: the session closes it at lock

    def __init__(self, ops: Ops, clock: Clock, library: Any) -> None:
        super().__init__()
        self.setObjectName("plansPage")
        self.title = self.tr("Plans")
        self.ops, self.clock, self.library = ops, clock, library
        self.view: PlansView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Plans from your counsellor")), 1)
        self.import_button = button(self.tr("Import a plan from your counsellor…"),
                                    "importPlan", primary=True)
        self.import_button.clicked.connect(self.import_plan)
        header.addWidget(self.import_button)
        layout.addLayout(header)
        layout.addWidget(body_label(self.tr(
            "A counsellor can give you a plan of a few weeks: topics to talk about, a refusal "
            "line to practise, things to watch for and a question or two. Here you note how "
            "each week went, for your next session."), muted=True))
        content = QWidget()
        self.list_layout = QVBoxLayout(content)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        self.ended_button = button("", "showEndedPlans", link=True)
        self.ended_button.setCheckable(True)
        self.ended_button.toggled.connect(self._fold)
        self.ended_host = QWidget()
        self.ended_layout = QVBoxLayout(self.ended_host)
        self.ended_layout.setContentsMargins(0, 0, 0, 0)
        self.ended_layout.setSpacing(8)
        follow_changes(self, ops, lambda c: c.touches("plans", "talks", "family"), self.refresh)
        self.refresh()

    # --- reading and showing ---------------------------------------------------------------

    def refresh(self) -> None:
        self.ops.read(read_plans, self._show, owner=self)

    def _show(self, view: PlansView) -> None:
        self.view = view
        # The ended-plans fold survives the refill; everything else is rebuilt.
        for keep in (self.ended_button, self.ended_host):
            self.list_layout.removeWidget(keep)
            keep.setParent(None)
        clear_layout(self.list_layout)
        if not view.current:
            self.list_layout.addWidget(self._empty(view))
        for data in view.current:
            self.list_layout.addWidget(self._card(data, view))
        self.ended_button.setVisible(bool(view.ended))
        clear_layout(self.ended_layout)
        for data in view.ended:
            self.ended_layout.addWidget(self._ended_row(data))
        self.list_layout.addWidget(self.ended_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.list_layout.addWidget(self.ended_host)
        self._fold(self.ended_button.isChecked())
        self.list_layout.addStretch(1)

    def _fold(self, shown: bool) -> None:
        count = len(self.view.ended) if self.view else 0
        self.ended_host.setVisible(shown and bool(count))
        self.ended_button.setText(self.tr("Hide ended plans") if shown
                                  else self.tr("Show ended plans (%n)", "", count))
        self.ended_button.setAccessibleName(self.ended_button.text())

    def _empty(self, view: PlansView) -> QWidget:
        frame, box = card(self.tr("No plan yet"))
        text = (self.tr("No plan yet. If your counsellor gave you a .porchplan file, import it "
                        "here: you will see everything it adds before you decide.")
                if view.children else
                self.tr("Add your child on the Family page first; then you can import a plan "
                        "your counsellor gave you for them."))
        box.addWidget(body_label(text, name="emptyPlans"))
        return frame

    def _card(self, data: PlanCardData, view: PlansView) -> PlanCard:
        widget = PlanCard(data, self.library, view.today)
        widget.task_requested.connect(self.record_task)
        widget.questions_requested.connect(self.answer_questions)
        widget.end_requested.connect(self.end_plan)
        widget.report_requested.connect(self.report_requested)
        return widget

    def _ended_row(self, data: PlanCardData) -> QWidget:
        frame, box = card(self.tr("Ended plan for {name}").format(name=data.child_name))
        active = data.active
        row = QHBoxLayout()
        ended = active.ended_at.date() if active.ended_at else active.imported_at.date()
        row.addWidget(plain_label(self.tr("{name}: {title} — ended {date}").format(
            name=data.child_name, title=active.plan.title, date=date_words(ended)),
            f"endedPlan{active.id}"), 1)
        report = button(self.tr("Write a progress report…"), f"planReport{active.id}",
                        accessible=self.tr("Write a progress report on {name}'s ended plan "
                                           "“{title}”").format(name=data.child_name,
                                                               title=active.plan.title))
        report.clicked.connect(lambda: self.report_requested.emit(active.id))
        row.addWidget(report)
        box.addLayout(row)
        return frame

    # --- what the parent does --------------------------------------------------------------

    def _data(self, row_id: int) -> PlanCardData | None:
        view = self.view
        found = [d for d in (view.current + view.ended if view else []) if d.row_id == row_id]
        return found[0] if found else None

    def import_plan(self) -> int | None:
        return start_import(self.ops, self.clock, self.library, self,
                            lambda dialog: self.window_opened.emit(dialog, "plan-import"))

    def record_task(self, row_id: int, task_id: str) -> None:
        data = self._data(row_id)
        if data is not None:
            self._open_later(lambda: TaskDialog(self.ops, data.active, task_id, self))

    def answer_questions(self, row_id: int, week: int) -> None:
        data = self._data(row_id)
        if data is not None:
            self._open_later(lambda: WeeklyQuestionsDialog(self.ops, data.active, week, self))

    def _open_later(self, make: Callable[[], QDialog]) -> None:
        """Open the dialog once the card's click is over: saving refreshes the page, which
        replaces the card, and a card must not be replaced while its own click is running."""

        def open_it() -> None:
            dialog = make()
            self.window_opened.emit(dialog, "plan-task")
            dialog.exec()
            dialog.deleteLater()

        QTimer.singleShot(0, self, open_it)

    def end_plan(self, row_id: int) -> None:
        data = self._data(row_id)
        if data is None:
            return
        answer = QMessageBox.question(
            self, self.tr("End this plan?"),
            self.tr("End “{title}” for {name}? Everything you recorded stays, and you can "
                    "still write a report on it. A new plan can then be imported.").format(
                title=data.active.plan.title, name=data.child_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ops.write(lambda s: s.plans.end_plan(row_id), touches=Changes(plans=True),
                       owner=self)
