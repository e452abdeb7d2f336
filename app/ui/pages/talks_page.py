"""The Talks page: per child, which topics of their band were covered, and a talk any time.

The coverage map shows every topic of the child's band with when it was last talked about and
when it comes round again — or "never yet". Core topics come round about every four weeks;
others at intervals that widen with age (``app.core.picker``). Everything it shows is read on
the database worker; the page follows ``Changes`` (a saved talk, a child added or edited) and
refreshes itself, now if visible or when it is next shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import local_today
from app.core.coach import talk_band
from app.core.picker import TopicCoverage, coverage
from app.storage.services import Services
from app.storage.talk_store import LastTalk
from app.ui.age_words import band_label
from app.ui.coach.words import mood_words, weeks_words
from app.ui.dates import date_words
from app.ui.ops import Ops, follow_changes
from app.ui.translate import _tr
from app.ui.widgets.common import body_label, button, fill_child_combo, title_label


def due_words(row: TopicCoverage, today: dt.date) -> str:
    if row.last is None:
        return _tr("Never yet — comes up first")
    if row.new_for_band:
        return _tr("New for this age — comes up first")
    days = (row.due - today).days
    if days <= 0:
        return _tr("Due now")
    weeks = round(days / 7)
    if not weeks:
        return _tr("In a few days")
    return _tr("In {weeks}").format(weeks=weeks_words(weeks))


def last_words(row: TopicCoverage, today: dt.date) -> str:
    if row.last is None:
        return "—"
    weeks = (today - row.last).days // 7
    ago = _tr("this week") if weeks == 0 else _tr("{weeks} ago").format(weeks=weeks_words(weeks))
    return _tr("{date} ({ago})").format(date=date_words(row.last), ago=ago)


def last_talk_words(last: LastTalk | None) -> str:
    if last is None:
        return _tr("No talk recorded yet.")
    if last.mood:
        return _tr("Last talk: {date} · mood: {mood}").format(date=date_words(last.on),
                                                              mood=mood_words(last.mood))
    return _tr("Last talk: {date}").format(date=date_words(last.on))


@dataclass(frozen=True)
class ChildCoverage:
    """What the page shows for one child, read in one go on the worker."""

    child_id: int
    band: str
    today: dt.date
    rows: list[TopicCoverage]
    last: LastTalk | None


def read_coverage(services: Services, library: Any, child_id: int) -> ChildCoverage:
    """On the worker: the child's band today, their history mapped on its topics, last talk."""
    today = local_today(services.vault.clock)
    child = services.family.child(child_id)
    band, since = talk_band([child.birth], today)
    rows = coverage(library, band, services.talks.discussed(child_id), today, since)
    return ChildCoverage(child_id, band, today, rows, services.talks.last_talk_summary(child_id))


class TalksPage(QWidget):
    def __init__(self, ops: Ops, controller: Any, library: Any) -> None:
        """``controller`` opens the coach (``controller.start(None, (child_id,))``)."""
        super().__init__()
        self.setObjectName("talksPage")
        self.title = self.tr("Talks")
        self.ops, self.controller, self.library = ops, controller, library
        self.shown: ChildCoverage | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Talks and topics")), 1)
        self.child = QComboBox()
        self.child.setObjectName("talksChild")
        self.child.setAccessibleName(self.tr("Child"))
        self.child.currentIndexChanged.connect(self.fill)
        header.addWidget(self.child)
        self.start_button = button(self.tr("&Start a talk"), "startTalk", primary=True)
        self.start_button.clicked.connect(self.start_talk)
        self.start_button.setEnabled(False)
        header.addWidget(self.start_button)
        layout.addLayout(header)
        self.summary = body_label("", muted=True, name="coverageSummary")
        layout.addWidget(self.summary)
        self.last_talk = body_label("", muted=True, name="lastTalk")
        layout.addWidget(self.last_talk)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("coverageMap")
        self.table.setAccessibleName(self.tr("Topics covered"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Topic"), self.tr("Last talked about"), self.tr("Comes round")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # long topic titles wrap rather than lose their end
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        follow_changes(self, ops, lambda c: c.touches("family", "talks"), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the children again (on the worker), then the chosen child's topics."""
        self.ops.read(lambda s: s.family.children(), self._children_read, owner=self)

    def _children_read(self, children: list[Any]) -> None:
        fill_child_combo(self.child, children)
        self.fill()

    def fill(self) -> None:
        child_id = self.child.currentData()
        self.start_button.setEnabled(child_id is not None and self.library is not None)
        if child_id is None or self.library is None:
            self.shown = None
            self.table.setRowCount(0)
            self.last_talk.setText("")
            self.summary.setText(self.tr("Add a child on the Family page to see their topics."))
            return
        library = self.library
        self.ops.read(lambda s: read_coverage(s, library, child_id), self._show, owner=self)

    def _show(self, view: ChildCoverage) -> None:
        if view.child_id != self.child.currentData():
            return  # the parent chose another child meanwhile: its read is on the way
        self.shown = view
        rows, today = view.rows, view.today
        covered = sum(1 for r in rows if r.last is not None and not r.new_for_band)
        self.summary.setText(self.tr(
            "Topics for {band}: {covered} of {total} talked about. Core topics come round "
            "about every 4 weeks.").format(band=band_label(view.band), covered=covered,
                                           total=len(rows)))
        self.last_talk.setText(last_talk_words(view.last))
        order = sorted(rows, key=lambda r: (r.last is not None and not r.new_for_band, r.due))
        self.table.setRowCount(len(order))
        for number, row in enumerate(order):
            title = (self.tr("{topic}  (core)").format(topic=row.title) if row.core
                     else row.title)
            for column, text in enumerate((title, last_words(row, today),
                                           due_words(row, today))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.topic_id)
                self.table.setItem(number, column, item)
        self.table.resizeRowsToContents()

    def start_talk(self) -> None:
        child_id = self.child.currentData()
        if child_id is not None:
            start: Callable[..., object] = self.controller.start
            start(None, (child_id,))
