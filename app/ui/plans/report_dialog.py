"""The progress report writer: the parent ticks what goes in, sees the report, then saves it.

Research with parents and guardians found they share more when they choose exactly what is
shared, and professionals distrust records with unexplained gaps. So every part of the report
is a tick — each week's tasks and answers, the journal summary, the trend chart, a free note —
entries from the journal are ticked one by one (none by default, facts only unless the parent
says otherwise), and anything left out goes in as "withheld", with a reason if the parent
gives one. The Preview tab shows the report exactly as it will be written; saving is offered
there, after the parent has seen it. Everything is read on the database worker; an entry's
words are read only once it is ticked. The files are written on the GUI thread (a
``QTextDocument`` lives there) by ``report_document.save_report``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.plans.model import Report
from app.core.plans.progress import (
    CHART,
    JOURNAL_ENTRIES,
    JOURNAL_SUMMARY,
    NOTE,
    SectionSlot,
    report_slots,
)
from app.ui import messages
from app.ui.dates import short_moment
from app.ui.journal.export_dialog import _tick_box_style
from app.ui.journal.trend_data import categories_from
from app.ui.ops import Ops
from app.ui.plans import report_data
from app.ui.plans.plan_words import sign_text, task_title
from app.ui.plans.report_build import ReportChoices, build_report, chart_weeks, section_title
from app.ui.plans.report_data import ReportData
from app.ui.plans.report_document import (
    chart_image,
    paths_beside,
    report_text_document,
    save_report,
)
from app.ui.printing import problem_text
from app.ui.theme import current_colors
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

KEY_ROLE = Qt.ItemDataRole.UserRole
CHOOSE_TAB, PREVIEW_TAB = 0, 1


class ReportDialog(QDialog):
    """``plan_row_id`` is the imported plan's row (``ActivePlan.id``)."""

    def __init__(self, ops: Ops, clock: Clock, library: Any, plan_row_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planReportDialog")
        self.setWindowTitle(self.tr("Progress report for your counsellor"))
        self.setMinimumSize(760, 560)
        self.resize(1100, 740)
        self._ops, self._clock, self._library = ops, clock, library
        self.data: ReportData | None = None
        self.report: Report | None = None  # the one previewed: the one that is saved
        self._chart: QImage | None = None
        self._reasons: dict[str, str] = {}
        self._building = 0  # the newest preview asked for; older answers are dropped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Progress report for your counsellor"),
                                     "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Tick what your counsellor should see. Anything you leave out is marked "
            "“withheld” in the report, with your reason if you give one. Look at the "
            "preview before you save."), muted=True))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("planReportTabs")
        self.tabs.setAccessibleName(self.tr("Choose, then preview"))
        self.tabs.addTab(self._choose_page(), self.tr("1. Choose what goes in"))
        self.tabs.addTab(self._preview_page(), self.tr("2. Preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.message = message_label("planReportMessage")
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self._ops.read(lambda s: report_data.load(s, plan_row_id), self._loaded, owner=self,
                       failed=lambda error: show_message(self.message,
                                                         messages.for_vault_error(error)))

    # --- layout -----------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        self.sections = QTreeWidget()
        self.sections.setObjectName("planReportSections")
        self.sections.setAccessibleName(self.tr("Sections of the report"))
        self.sections.setHeaderHidden(True)
        self.sections.setStyleSheet(_tree_tick_style())
        self.sections.itemChanged.connect(self._section_changed)
        self.sections.currentItemChanged.connect(lambda *_: self._show_reason())
        self.reason_label = QLabel(self.tr("Why leave this out? (optional)"))
        self.reason = QLineEdit()
        self.reason.setObjectName("planReportReason")
        self.reason.setAccessibleName(self.tr("Why this section is left out (optional)"))
        self.reason.setPlaceholderText(self.tr("For example: we'd rather talk about it"))
        self.reason.setMaxLength(200)
        self.reason_label.setBuddy(self.reason)
        self.reason.textEdited.connect(self._reason_edited)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(_heading(self.tr("Sections")))
        left.addWidget(self.sections, 1)
        left.addWidget(self.reason_label)
        left.addWidget(self.reason)

        self.entries = QListWidget()
        self.entries.setObjectName("planReportEntries")
        self.entries.setAccessibleName(self.tr("Journal entries to include"))
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setStyleSheet(_tick_box_style())
        self.entries.itemChanged.connect(lambda _item: self._entries_changed())
        self.facts_only = QRadioButton(self.tr("Facts only"))
        self.facts_only.setObjectName("planReportFactsOnly")
        self.facts_only.setAccessibleName(self.tr("Entries: facts only"))
        self.facts_only.setChecked(True)
        self.with_thoughts = QRadioButton(self.tr("Facts and what I think"))
        self.with_thoughts.setObjectName("planReportWithThoughts")
        self.with_thoughts.setAccessibleName(self.tr("Entries: facts and what I think"))
        group = QButtonGroup(self)
        group.addButton(self.facts_only)
        group.addButton(self.with_thoughts)
        fields = QHBoxLayout()
        fields.addWidget(self.facts_only)
        fields.addWidget(self.with_thoughts)
        fields.addStretch(1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("planReportNote")
        self.note.setAccessibleName(self.tr("A note for your counsellor"))
        self.note.setPlaceholderText(self.tr("Anything you'd like your counsellor to know"))
        self.note.setMaximumHeight(84)
        note_label = QLabel(self.tr("A note for your counsellor (“Your note” on the left)"))
        note_label.setWordWrap(True)
        note_label.setBuddy(self.note)
        right = QVBoxLayout()
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(_heading(self.tr("Journal entries")))
        right.addWidget(body_label(self.tr("None are ticked until you tick them."),
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

    def _preview_page(self) -> QWidget:
        self.preview = QTextBrowser()
        self.preview.setObjectName("planReportPreview")
        self.preview.setAccessibleName(self.tr("Preview of the report"))
        self.preview.setOpenLinks(False)
        self.preview.setReadOnly(True)
        self.preview_note = body_label(self.tr(
            "This is what your counsellor will read. Saving writes a PDF (with the same "
            "report inside it for their systems), a JSON file beside it, and a copy for "
            "screen readers."), muted=True, name="planReportPreviewNote")
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(12, 12, 12, 12)
        box.addWidget(self.preview_note)
        box.addWidget(self.preview, 1)
        return page

    def _buttons(self) -> QHBoxLayout:
        close = button(self.tr("Close"), "planReportClose",
                       accessible=self.tr("Close the report writer"))
        close.clicked.connect(self.reject)
        self.next_button = button(self.tr("Preview the report"), "planReportNext",
                                  primary=True, accessible=self.tr("Preview the report"))
        self.next_button.clicked.connect(lambda: self.tabs.setCurrentIndex(PREVIEW_TAB))
        self.save_button = button(self.tr("Save report…"), "planReportSave", primary=True,
                                  accessible=self.tr("Save the report files"))
        self.save_button.clicked.connect(self.save)
        self.save_button.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.next_button)
        row.addWidget(self.save_button)
        return row

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
                    weeks[slot.week] = QTreeWidgetItem(self.sections,
                                                       [self.tr("Week {n}").format(n=slot.week)])
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
            self.entries.addItem(QListWidgetItem(self.tr("No journal entries in this plan's "
                                                         "weeks.")))
        self.entries.blockSignals(False)
        self._chart = chart_image(chart_weeks(data), categories_from(self._library))
        self._show_reason()

    def _tree_label(self, slot: SectionSlot) -> str:
        """A section as the parent ticks it (under its week, so without "Week 2:")."""
        if slot.kind == "task":
            return task_title(slot.key)
        if slot.kind == "answers":
            return self.tr("Answers to the weekly questions")
        return {JOURNAL_SUMMARY: self.tr("Journal: how many signs, by kind"),
                JOURNAL_ENTRIES: self.tr("Journal: the entries you tick on the right"),
                CHART: self.tr("Journal: the chart of signs per week"),
                NOTE: self.tr("Your note")}.get(slot.key, section_title(slot))

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

    # --- preview and save -------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        previewing = index == PREVIEW_TAB
        self.next_button.setVisible(not previewing)
        self.save_button.setVisible(previewing)
        if previewing:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        """Read the ticked entries (only those) and lay the report out as it will be saved."""
        if self.data is None:
            return
        self.report = None
        self.save_button.setEnabled(False)
        self._building += 1
        building, choices, data = self._building, self.choices(), self.data
        ids = list(choices.entry_ids)
        self._ops.read(lambda s: report_data.ticked_entries(s, ids),
                       lambda entries: self._built(building, build_report(
                           data, choices, entries, self._library, self._clock.now())),
                       owner=self,
                       failed=lambda error: show_message(self.message,
                                                         messages.for_vault_error(error)))

    def _built(self, building: int, report: Report) -> None:
        if building != self._building:
            return  # the parent changed something since; a newer preview is on its way
        self.report = report
        document = report_text_document(report, self._chart)
        document.setParent(self.preview)
        self.preview.setDocument(document)
        self.save_button.setEnabled(True)

    def save(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as PDF"),
                                              "progress-report.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, pdf_path: Path) -> bool:
        """Write the previewed report's three files; say what happened under the buttons."""
        if self.report is None:
            return False
        result = save_report(self.report, pdf_path, self._chart)
        if not result.ok:
            show_message(self.message, problem_text(result.reason))
            return False
        json_path, html_path = paths_beside(pdf_path)
        show_message(self.message, self.tr("Saved {pdf}, {json} and {html}").format(
            pdf=pdf_path.name, json=json_path.name, html=html_path.name), ok=True)
        return True


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
