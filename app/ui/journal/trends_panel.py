"""Signs over time for one child: the trend chart, or its table, with the choices above it.

The parent picks a child (or "the family / not sure"), 12, 26 or 52 weeks, and whether to see a
chart or a table. Everything is read on the database worker: the signs per week by category
(``app.core.journal.trends``), the check-ins done and the talks held in the same weeks, so
"signs went up after the talks stopped" is there to see. A newer choice wins over an older read
still on its way (a generation number), and journal, check-in and talk changes redraw it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock, local_today
from app.core.journal.trends import marks, weekly_counts
from app.storage.services import Services
from app.ui.journal.trend_chart import TrendChart
from app.ui.journal.trend_data import ChartWeek, categories_from
from app.ui.journal.trend_table import TrendTable
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, title_label

WEEK_CHOICES = (12, 26, 52)
FAMILY = -1  # the combo's data for "the family / not sure" (a combo cannot hold None)


def first_monday(today: dt.date, weeks: int) -> dt.date:
    return today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)


def read_trend(services: Services, child_id: int | None, weeks: int, today: dt.date,
               zone: dt.tzinfo) -> list[ChartWeek]:
    """On the worker: each week's signs by category, check-ins done and talks, oldest first.

    The family's chart (``child_id is None``) marks every check-in done and every talk, since
    those belong to the whole family; a child's chart marks only theirs."""
    start = dt.datetime.combine(first_monday(today, weeks), dt.time(0), tzinfo=zone)
    since = start.astimezone(dt.UTC) - dt.timedelta(days=1)  # a margin; the counting is exact
    events = services.journal.events(since=since, child_id=child_id)
    counted = weekly_counts(events, weeks, today, zone)
    done = services.checkins.occurrences(status="done", child_id=child_id)
    checkin_days = [(o.resolved_at or o.due_at).astimezone(zone).date() for o in done]
    children = ([child_id] if child_id is not None
                else [c.id for c in services.family.children(include_archived=True)])
    # A talk shows as the day it was held: several topics in one talk are one mark.
    talk_days = sorted({d.on for c in children for d in services.talks.discussed(c)})
    per_week = marks([w.start for w in counted], checkin_days, talk_days)
    return [ChartWeek(w.start, dict(w.counts), checkins, talks)
            for w, (checkins, talks) in zip(counted, per_week, strict=True)]


class TrendsPanel(QWidget):
    def __init__(self, ops: Ops, clock: Clock, catalogue: Any) -> None:
        super().__init__()
        self.setObjectName("trendsPanel")
        self.title = self.tr("Trends")
        self._ops, self._clock = ops, clock
        self._categories = categories_from(catalogue)
        self._generation = 0
        self.weeks: list[ChartWeek] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)  # a page of its own, like the others
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Signs over time")))
        layout.addWidget(body_label(self.tr(
            "What you noted each week, with the check-ins done and the talks held in the same "
            "weeks: so you can see whether worries grew when talks stopped."), muted=True,
            name="trendIntro"))
        layout.addLayout(self._choices())
        self.empty = body_label("", muted=True, name="trendEmpty")
        layout.addWidget(self.empty)
        self.chart = TrendChart()
        self.table = TrendTable()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.caption = body_label("", muted=True, name="trendCaption")
        layout.addWidget(self.caption)
        self.chart.focused_changed.connect(self._focused)
        follow_changes(self, ops, lambda c: c.touches("journal", "checkins", "talks", "family"),
                       self.refresh)
        self.refresh()

    def _choices(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.child_choice = QComboBox()
        self.child_choice.setObjectName("trendChild")
        self.child_choice.setAccessibleName(self.tr("Whose signs to show"))
        self.child_choice.currentIndexChanged.connect(self.redraw)
        self.weeks_choice = QComboBox()
        self.weeks_choice.setObjectName("trendWeeks")
        self.weeks_choice.setAccessibleName(self.tr("How many weeks to show"))
        for weeks in WEEK_CHOICES:
            self.weeks_choice.addItem(self.tr("Last %n weeks", "", weeks), weeks)
        self.weeks_choice.currentIndexChanged.connect(self.redraw)
        self.table_toggle = QCheckBox(self.tr("Show as a table"))
        self.table_toggle.setObjectName("trendAsTable")
        self.table_toggle.setAccessibleName(self.tr("Show the signs over time as a table"))
        self.table_toggle.toggled.connect(self._as_table)
        for widget in (self.child_choice, self.weeks_choice, self.table_toggle):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the children again (one may have been added), then the chosen one's weeks."""
        self._ops.read(lambda s: [(c.id, c.name) for c in s.family.children()],
                       self._children_read, owner=self)

    def _children_read(self, children: list[tuple[int, str]]) -> None:
        current = self.child_choice.currentData()
        with QSignalBlocker(self.child_choice):
            self.child_choice.clear()
            for child_id, name in children:
                self.child_choice.addItem(name, child_id)
            self.child_choice.addItem(self.tr("The family / not sure"), FAMILY)
            self.child_choice.setCurrentIndex(max(self.child_choice.findData(current), 0))
        self.redraw()

    def show_child(self, child_id: int | None) -> None:
        """Choose a child from outside (the child's card, the journal's filter)."""
        index = self.child_choice.findData(FAMILY if child_id is None else child_id)
        if index >= 0:
            self.child_choice.setCurrentIndex(index)

    def redraw(self) -> None:
        data = self.child_choice.currentData()
        if data is None:
            return
        child_id = None if data == FAMILY else int(data)
        weeks = int(self.weeks_choice.currentData())
        today, zone = local_today(self._clock), self._clock.zone()
        self._generation += 1
        generation = self._generation
        self._ops.read(lambda s: read_trend(s, child_id, weeks, today, zone),
                       lambda result: self._show(result, generation), owner=self)

    def _show(self, weeks: list[ChartWeek], generation: int) -> None:
        if generation != self._generation:
            return  # an older choice's answer: a newer one is on its way
        self.weeks = weeks
        self.chart.set_data(weeks, self._categories)
        self.table.set_data(weeks, self._categories)
        quiet = not any(w.total for w in weeks)
        self.empty.setText(self.tr("Nothing noted for {name} in these weeks.").format(
            name=self.child_choice.currentText()) if quiet else "")
        self.empty.setVisible(quiet)
        self._focused(self.chart.focused_index())

    # --- chart or table ----------------------------------------------------------------------

    def _focused(self, index: int) -> None:
        self.caption.setText(self.chart.description(index) if self.weeks else "")
        self.caption.setVisible(bool(self.weeks) and not self.table_toggle.isChecked())

    def _as_table(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table if table else self.chart)
        focused = self.chart.focused_index()
        if table and 0 <= focused < len(self.weeks):
            self.table.select_week(self.weeks[focused])
        self._focused(focused)
