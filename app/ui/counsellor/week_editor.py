"""One week of a plan in the builder: topics, starters, a refusal line, things to watch, the
weekly questions and a note to the parent.

Topics, starters and refusal lines are filtered by the plan's age band (``set_band``), so a
counsellor only picks what the family's library will offer their child; what was ticked stays
ticked when it still fits the new band. Signs are grouped by their catalogue category. Library
text is ours and shown as is; the counsellor's own words are typed into plain-text fields.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.plans.model import PlanWeek
from app.ui.counsellor.question_editor import QuestionEditor
from app.ui.widgets.common import body_label, title_label

LIST_HEIGHT = 150
ID_ROLE = Qt.ItemDataRole.UserRole
CHECKABLE = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled


def _checked_ids(widget: QListWidget) -> tuple[str, ...]:
    return tuple(str(widget.item(row).data(ID_ROLE)) for row in range(widget.count())
                 if widget.item(row).checkState() == Qt.CheckState.Checked)


def _fill_checkable(widget: QListWidget, rows: list[tuple[str, str]], ticked: set[str]) -> None:
    widget.clear()
    for item_id, text in rows:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(ID_ROLE, item_id)
        item.setFlags(CHECKABLE)
        item.setCheckState(Qt.CheckState.Checked if item_id in ticked
                           else Qt.CheckState.Unchecked)
        widget.addItem(item)


class WeekEditor(QWidget):
    """Everything the counsellor sets for week ``number``; ``week()`` reads it back."""

    def __init__(self, number: int, library: Any) -> None:
        super().__init__()
        self.number, self._library = number, library
        self._band = ""
        prefix = f"week{number}"
        self.setObjectName(f"{prefix}Editor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = title_label("", "sectionTitle")
        layout.addWidget(self.heading)

        layout.addWidget(self._label(self.tr("Topics to talk about")))
        self.topics = self._list(f"{prefix}Topics", self.tr("Week {number}: topics").format(
            number=number))
        self.topics.itemChanged.connect(self._topics_changed)
        layout.addWidget(self.topics)
        layout.addWidget(self._label(self.tr("Specific starters (optional)")))
        layout.addWidget(body_label(self.tr(
            "Leave these empty and the family's coach picks a starter from the topics."),
            muted=True))
        self.starters = self._list(f"{prefix}Starters", self.tr(
            "Week {number}: specific starters").format(number=number))
        layout.addWidget(self.starters)

        layout.addWidget(self._label(self.tr("A refusal line to practise")))
        self.refusal = QComboBox()
        self.refusal.setObjectName(f"{prefix}Refusal")
        self.refusal.setAccessibleName(self.tr("Week {number}: refusal line").format(
            number=number))
        layout.addWidget(self.refusal)

        layout.addWidget(self._label(self.tr("Things to watch in the journal")))
        self.signs = QTreeWidget()
        self.signs.setObjectName(f"{prefix}Signs")
        self.signs.setAccessibleName(self.tr("Week {number}: things to watch").format(
            number=number))
        self.signs.setHeaderHidden(True)
        self.signs.setWordWrap(True)
        self.signs.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.signs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signs.setFixedHeight(LIST_HEIGHT + 40)
        layout.addWidget(self.signs)

        layout.addWidget(self._label(self.tr("Questions for the family")))
        self.questions = [QuestionEditor(number, 1), QuestionEditor(number, 2)]
        for index, editor in enumerate(self.questions, 1):
            layout.addWidget(body_label(self.tr("Question {index}").format(index=index)
                                        if index == 1 else self.tr("Question 2 (optional)"),
                                        muted=True))
            layout.addWidget(editor)

        layout.addWidget(self._label(self.tr("A note to the parent: why this week matters")))
        self.note = QPlainTextEdit()
        self.note.setObjectName(f"{prefix}Note")
        self.note.setAccessibleName(self.tr("Week {number}: note to the parent").format(
            number=number))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(84)
        layout.addWidget(self.note)
        self._fill_signs()

    def _label(self, text: str) -> QWidget:
        label = body_label(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setFixedHeight(LIST_HEIGHT)
        widget.setWordWrap(True)  # a long starter wraps rather than scrolling sideways
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return widget

    def _fill_signs(self) -> None:
        library = self._library
        if library is None:
            return
        for category in library.sign_categories:
            parent = QTreeWidgetItem([category.title])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.signs.addTopLevelItem(parent)
            for sign in (s for s in library.signs if s.category == category.id):
                child = QTreeWidgetItem([sign.text])
                child.setToolTip(0, sign.text)
                child.setData(0, ID_ROLE, sign.id)
                child.setFlags(CHECKABLE)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                parent.addChild(child)
        self.signs.expandAll()

    def _sign_items(self) -> list[QTreeWidgetItem]:
        return [self.signs.topLevelItem(i).child(j) for i in range(self.signs.topLevelItemCount())
                for j in range(self.signs.topLevelItem(i).childCount())]

    # --- the band and the lists that follow it ---------------------------------------------

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.heading.setAccessibleName(text)

    def set_band(self, band: str) -> None:
        """Offer only what fits ``band``; keep what was ticked when it still fits."""
        self._band = band
        library = self._library
        if library is None:
            return
        ticked = set(_checked_ids(self.topics))
        self.topics.blockSignals(True)
        _fill_checkable(self.topics, [(t.id, t.title) for t in library.topics_for(band)], ticked)
        self.topics.blockSignals(False)
        self._refill_starters(set(_checked_ids(self.starters)))
        chosen = self.refusal.currentData()
        self.refusal.clear()
        self.refusal.addItem(self.tr("No refusal line this week"), "")
        for line in library.refusals_for(band):
            self.refusal.addItem(line.text, line.id)
        self.refusal.setCurrentIndex(max(self.refusal.findData(chosen), 0))

    def _topics_changed(self, _item: QListWidgetItem) -> None:
        self._refill_starters(set(_checked_ids(self.starters)))

    def _refill_starters(self, ticked: set[str]) -> None:
        library = self._library
        if library is None:
            return
        rows = [(s.id, s.text) for topic_id in _checked_ids(self.topics)
                for s in library.starters(self._band, topic_id)]
        _fill_checkable(self.starters, rows, ticked)

    # --- reading and loading ---------------------------------------------------------------

    def week(self) -> PlanWeek:
        questions = tuple(q for q in (e.question() for e in self.questions) if q is not None)
        watch = tuple(str(item.data(0, ID_ROLE)) for item in self._sign_items()
                      if item.checkState(0) == Qt.CheckState.Checked)
        return PlanWeek(
            number=self.number, topics=_checked_ids(self.topics),
            starters=_checked_ids(self.starters), refusal=str(self.refusal.currentData() or ""),
            watch=watch, questions=questions, note=self.note.toPlainText().strip())

    def problems(self) -> list[str]:
        """What keeps this week from being saved, in plain words."""
        found = [p for p in (e.problem() for e in self.questions) if p]
        week = self.week()
        if not (week.topics or week.starters or week.refusal or week.watch):
            found.insert(0, self.tr("Week {number} needs at least one topic, a refusal line or "
                                    "a thing to watch.").format(number=self.number))
        return found

    def load(self, week: PlanWeek) -> None:
        """Show ``week`` (from a template or a saved plan); ids not offered are left out."""
        if self._library is None:
            return
        self.topics.blockSignals(True)
        _fill_checkable(self.topics, [(t.id, t.title) for t in self._library.topics_for(
            self._band)], set(week.topics))
        self.topics.blockSignals(False)
        self._refill_starters(set(week.starters))
        self.refusal.setCurrentIndex(max(self.refusal.findData(week.refusal), 0))
        watch = set(week.watch)
        for item in self._sign_items():
            item.setCheckState(0, Qt.CheckState.Checked if item.data(0, ID_ROLE) in watch
                               else Qt.CheckState.Unchecked)
        for index, editor in enumerate(self.questions):
            editor.load(week.questions[index] if index < len(week.questions) else None)
        self.note.setPlainText(week.note)
