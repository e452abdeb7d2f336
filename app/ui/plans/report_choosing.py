"""The report writer's first tab: which sections go in, why one is left out, which entries.

Every part of the report is a tick, under its week; a section left out goes in as "withheld",
with the parent's reason if they give one. Journal entries are listed with their date, signs
and first words, none ticked until the parent ticks them, and the "entries" section follows
those ticks. The dialog itself (``report_dialog.py``) previews and saves what is chosen here.

``ReportChoosing`` is part of ``ReportDialog``, kept apart so each file has one job; its words
keep the dialog's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.plans.progress import (
    CHART,
    JOURNAL_ENTRIES,
    JOURNAL_SUMMARY,
    NOTE,
    SectionSlot,
    report_slots,
)
from app.ui.dates import short_moment
from app.ui.journal.export_dialog import _tick_box_style
from app.ui.journal.trend_data import categories_from
from app.ui.plans.plan_words import sign_text, task_title
from app.ui.plans.report_build import ReportChoices, chart_weeks, section_title
from app.ui.plans.report_data import ReportData
from app.ui.plans.report_document import chart_image
from app.ui.theme import current_colors
from app.ui.widgets.common import body_label

KEY_ROLE = Qt.ItemDataRole.UserRole


class ReportChoosing:
    """The choosing tab of ``ReportDialog``, which this is mixed into."""

    def _choose_page(self) -> QWidget:
        self.sections = QTreeWidget()
        self.sections.setObjectName("planReportSections")
        self.sections.setAccessibleName(QCoreApplication.translate(
            "ReportDialog", "Sections of the report"))
        self.sections.setHeaderHidden(True)
        self.sections.setStyleSheet(_tree_tick_style())
        self.sections.itemChanged.connect(self._section_changed)
        self.sections.currentItemChanged.connect(lambda *_: self._show_reason())
        self.reason_label = QLabel(QCoreApplication.translate(
            "ReportDialog", "Why leave this out? (optional)"))
        self.reason = QLineEdit()
        self.reason.setObjectName("planReportReason")
        self.reason.setAccessibleName(QCoreApplication.translate(
            "ReportDialog", "Why this section is left out (optional)"))
        self.reason.setPlaceholderText(QCoreApplication.translate(
            "ReportDialog", "For example: we'd rather talk about it"))
        self.reason.setMaxLength(200)
        self.reason_label.setBuddy(self.reason)
        self.reason.textEdited.connect(self._reason_edited)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(_heading(QCoreApplication.translate("ReportDialog", "Sections")))
        left.addWidget(self.sections, 1)
        left.addWidget(self.reason_label)
        left.addWidget(self.reason)

        self.entries = QListWidget()
        self.entries.setObjectName("planReportEntries")
        self.entries.setAccessibleName(QCoreApplication.translate(
            "ReportDialog", "Journal entries to include"))
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setStyleSheet(_tick_box_style())
        self.entries.itemChanged.connect(lambda _item: self._entries_changed())
        self.facts_only = QRadioButton(QCoreApplication.translate("ReportDialog", "Facts only"))
        self.facts_only.setObjectName("planReportFactsOnly")
        self.facts_only.setAccessibleName(QCoreApplication.translate(
            "ReportDialog", "Entries: facts only"))
        self.facts_only.setChecked(True)
        self.with_thoughts = QRadioButton(QCoreApplication.translate(
            "ReportDialog", "Facts and what I think"))
        self.with_thoughts.setObjectName("planReportWithThoughts")
        self.with_thoughts.setAccessibleName(QCoreApplication.translate(
            "ReportDialog", "Entries: facts and what I think"))
        group = QButtonGroup(self)
        group.addButton(self.facts_only)
        group.addButton(self.with_thoughts)
        fields = QHBoxLayout()
        fields.addWidget(self.facts_only)
        fields.addWidget(self.with_thoughts)
        fields.addStretch(1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("planReportNote")
        self.note.setAccessibleName(QCoreApplication.translate(
            "ReportDialog", "A note for your counsellor"))
        self.note.setPlaceholderText(QCoreApplication.translate(
            "ReportDialog", "Anything you'd like your counsellor to know"))
        self.note.setMaximumHeight(84)
        note_label = QLabel(QCoreApplication.translate(
            "ReportDialog", "A note for your counsellor (“Your note” on the left)"))
        note_label.setWordWrap(True)
        note_label.setBuddy(self.note)
        right = QVBoxLayout()
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(_heading(QCoreApplication.translate("ReportDialog", "Journal entries")))
        right.addWidget(body_label(QCoreApplication.translate(
            "ReportDialog", "None are ticked until you tick them."),
                                   muted=True))
        right.addWidget(self.entries, 1)
        right.addLayout(fields)
        right.addWidget(note_label)
        right.addWidget(self.note)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("planReportSplit")
        split.setChildrenCollapsible(False)
        for column in (left, right):
            holder = QWidget()
            holder.setLayout(column)
            split.addWidget(holder)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(12, 12, 12, 12)
        box.addWidget(split)
        return page

    # --- filling ----------------------------------------------------------------------------

    def _loaded(self, data: ReportData) -> None:
        self.data = data
        self.sections.blockSignals(True)
        self.sections.clear()
        weeks: dict[int, QTreeWidgetItem] = {}
        for slot in report_slots(data.active.plan):
            parent: Any = self.sections
            if slot.week is not None:
                if slot.week not in weeks:
                    week = QCoreApplication.translate("ReportDialog", "Week {n}")
                    weeks[slot.week] = QTreeWidgetItem(self.sections,
                                                       [week.format(n=slot.week)])
                    weeks[slot.week].setFlags(weeks[slot.week].flags()
                                              | Qt.ItemFlag.ItemIsUserCheckable
                                              | Qt.ItemFlag.ItemIsAutoTristate)
                parent = weeks[slot.week]
            item = QTreeWidgetItem(parent, [self._tree_label(slot)])
            item.setData(0, KEY_ROLE, slot.key)
            if slot.key == JOURNAL_ENTRIES:  # follows the entries ticked on the right
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
        self.sections.expandAll()
        self.sections.blockSignals(False)
        self.sections.setCurrentItem(self.sections.topLevelItem(0))
        self.entries.blockSignals(True)
        for summary in data.entries:
            signs = [sign_text(self._library, s).rstrip(".") for s in summary.signs]
            lines = [short_moment(summary.noted_at, data.zone),
                     " · ".join(signs + list(summary.tags))]
            if summary.preview:
                lines.append(summary.preview)
            item = QListWidgetItem("\n".join(lines))
            item.setData(KEY_ROLE, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.entries.addItem(item)
        if not data.entries:
            self.entries.addItem(QListWidgetItem(QCoreApplication.translate(
                "ReportDialog", "No journal entries in this plan's weeks.")))
        self.entries.blockSignals(False)
        self._chart = chart_image(chart_weeks(data), categories_from(self._library))
        self._show_reason()

    def _tree_label(self, slot: SectionSlot) -> str:
        """A section as the parent ticks it (under its week, so without "Week 2:")."""
        if slot.kind == "task":
            return task_title(slot.key)
        if slot.kind == "answers":
            return QCoreApplication.translate("ReportDialog", "Answers to the weekly questions")
        words = {
            JOURNAL_SUMMARY: QCoreApplication.translate(
                "ReportDialog", "Journal: how many signs, by kind"),
            JOURNAL_ENTRIES: QCoreApplication.translate(
                "ReportDialog", "Journal: the entries you tick on the right"),
            CHART: QCoreApplication.translate(
                "ReportDialog", "Journal: the chart of signs per week"),
            NOTE: QCoreApplication.translate("ReportDialog", "Your note"),
        }
        return words.get(slot.key, section_title(slot))

    # --- choosing ---------------------------------------------------------------------------

    def section_items(self) -> dict[str, QTreeWidgetItem]:
        found = {}
        for top in range(self.sections.topLevelItemCount()):
            item = self.sections.topLevelItem(top)
            for each in [item] + [item.child(n) for n in range(item.childCount())]:
                key = each.data(0, KEY_ROLE)
                if key:
                    found[key] = each
        return found

    def set_section(self, key: str, ticked: bool) -> None:
        self.section_items()[key].setCheckState(
            0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def set_reason(self, key: str, reason: str) -> None:
        self._reasons[key] = reason

    def tick_entries(self, entry_ids: set[int]) -> None:
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            if item.data(KEY_ROLE) is not None:
                item.setCheckState(Qt.CheckState.Checked if item.data(KEY_ROLE) in entry_ids
                                   else Qt.CheckState.Unchecked)

    def ticked_entry_ids(self) -> list[int]:
        return [self.entries.item(row).data(KEY_ROLE) for row in range(self.entries.count())
                if self.entries.item(row).data(KEY_ROLE) is not None
                and self.entries.item(row).checkState() == Qt.CheckState.Checked]

    def choices(self) -> ReportChoices:
        included = {key for key, item in self.section_items().items()
                    if item.checkState(0) == Qt.CheckState.Checked}
        return ReportChoices(included, dict(self._reasons), self.ticked_entry_ids(),
                             self.with_thoughts.isChecked(), self.note.toPlainText())

    def _entries_changed(self) -> None:
        item = self.section_items().get(JOURNAL_ENTRIES)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if self.ticked_entry_ids()
                               else Qt.CheckState.Unchecked)

    def _section_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._show_reason()

    def _current_keys(self) -> list[str]:
        """The sections the reason box speaks for: the chosen one, or a week's left-out ones."""
        item = self.sections.currentItem()
        if item is None:
            return []
        key = item.data(0, KEY_ROLE)
        if key:
            return [key] if item.checkState(0) != Qt.CheckState.Checked else []
        return [item.child(n).data(0, KEY_ROLE) for n in range(item.childCount())
                if item.child(n).checkState(0) != Qt.CheckState.Checked]

    def _show_reason(self) -> None:
        keys = self._current_keys()
        self.reason.setEnabled(bool(keys))
        self.reason_label.setEnabled(bool(keys))
        self.reason.setText(self._reasons.get(keys[0], "") if keys else "")

    def _reason_edited(self, text: str) -> None:
        for key in self._current_keys():
            self._reasons[key] = text


def _heading(text: str) -> QLabel:
    """A column's heading inside the dialog: the body's size, in bold."""
    label = QLabel(text)
    label.setObjectName("planReportHeading")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _tree_tick_style() -> str:
    """The list's tick boxes for the tree, plus a week that is partly ticked (a bar inside)."""
    c = current_colors()
    return (_tick_box_style().replace("QListWidget", "QTreeWidget")
            + f"QTreeWidget::indicator:indeterminate {{ background: qlineargradient("
              f"x1:0, y1:0, x2:0, y2:1, stop:0 {c.surface}, stop:0.35 {c.surface}, "
              f"stop:0.36 {c.primary}, stop:0.64 {c.primary}, stop:0.65 {c.surface}, "
              f"stop:1 {c.surface}); border: 2px solid {c.primary}; }}")
