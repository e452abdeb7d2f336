"""The Talks page: per child, which topics of their band were covered, and a talk any time.

The coverage map shows every topic of the child's band with when it was last talked about and
when it comes round again — or "never yet". Core topics come round about every four weeks;
others at intervals that widen with age (``app.core.picker``).
"""

from __future__ import annotations

import datetime as dt

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

from app.core.ages import AgeBand
from app.core.clock import local_today
from app.core.coach import talk_band
from app.core.picker import TopicCoverage, coverage
from app.storage.services import Services
from app.ui.checkins.controller import CheckinController
from app.ui.widgets.common import body_label, button, fill_child_combo, title_label


def due_words(row: TopicCoverage, today: dt.date) -> str:
    if row.last is None:
        return "Never yet — comes up first"
    if row.new_for_band:
        return "New for this age — comes up first"
    days = (row.due - today).days
    if days <= 0:
        return "Due now"
    weeks = round(days / 7)
    return f"In {weeks} week{'s' if weeks != 1 else ''}" if weeks else "In a few days"


def last_words(row: TopicCoverage, today: dt.date) -> str:
    if row.last is None:
        return "—"
    weeks = (today - row.last).days // 7
    ago = "this week" if weeks == 0 else f"{weeks} week{'s' if weeks != 1 else ''} ago"
    return f"{row.last:%d %b %Y} ({ago})"


class TalksPage(QWidget):
    title = "Talks"

    def __init__(self, services: Services, controller: CheckinController, library) -> None:
        super().__init__()
        self.setObjectName("talksPage")
        self.services, self.controller, self.library = services, controller, library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(title_label("Talks and topics"), 1)
        self.child = QComboBox()
        self.child.setObjectName("talksChild")
        self.child.setAccessibleName("Child")
        self.child.currentIndexChanged.connect(self.fill)
        header.addWidget(self.child)
        self.start_button = button("&Start a talk", "startTalk", primary=True)
        self.start_button.clicked.connect(self.start_talk)
        header.addWidget(self.start_button)
        layout.addLayout(header)
        self.summary = body_label("", muted=True, name="coverageSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("coverageMap")
        self.table.setAccessibleName("Topics covered")
        self.table.setHorizontalHeaderLabels(["Topic", "Last talked about", "Comes round"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        controller.talk_saved.connect(self.fill)
        self.refresh()

    def refresh(self) -> None:
        fill_child_combo(self.child, self.services.family.children())
        self.fill()

    def rows(self, child_id: int) -> tuple[str, list[TopicCoverage]]:
        today = local_today(self.controller.clock)
        child = self.services.family.child(child_id)
        band, since = talk_band([child.birth], today)
        history = self.services.talks.discussed(child_id)
        return band, coverage(self.library, band, history, today, since)

    def fill(self) -> None:
        child_id = self.child.currentData()
        self.start_button.setEnabled(child_id is not None and self.library is not None)
        self.table.setRowCount(0)
        if child_id is None or self.library is None:
            self.summary.setText("Add a child on the Family page to see their topics.")
            return
        today = local_today(self.controller.clock)
        band, rows = self.rows(child_id)
        covered = sum(1 for r in rows if r.last is not None and not r.new_for_band)
        self.summary.setText(f"Topics for {AgeBand(band).label}: {covered} of {len(rows)} talked "
                             "about. Core topics come round about every 4 weeks.")
        order = sorted(rows, key=lambda r: (r.last is not None and not r.new_for_band, r.due))
        self.table.setRowCount(len(order))
        for number, row in enumerate(order):
            title = row.title + ("  (core)" if row.core else "")
            for column, text in enumerate((title, last_words(row, today),
                                           due_words(row, today))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.topic_id)
                self.table.setItem(number, column, item)

    def start_talk(self) -> None:
        child_id = self.child.currentData()
        if child_id is not None:
            self.controller.start(None, (child_id,))
