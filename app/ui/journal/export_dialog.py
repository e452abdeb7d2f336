"""Export for a professional: pick the child, the dates, the entries and how much goes.

A parent sharing their notes with a counsellor, a doctor, a school or the police decides
exactly what leaves Porchlight: every entry of the period is listed and ticked, they untick
what is not the professional's business, and choose "Facts only" (the default: the safer
choice) or "Facts and what I think". Then one save writes a PDF and a JSON file side by side.
Only the ticked entries are read for the files, so a word from an unticked entry cannot reach
them. Everything is read on the database worker; the files are written on the GUI thread (a
``QTextDocument`` lives there) from the pure export document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock, local_today
from app.core.journal.export import (
    FACTS,
    FACTS_AND_THOUGHTS,
    ExportRequest,
    export_document,
    period_bounds,
    picked_in_period,
)
from app.core.journal.model import Entry, EntryFilter, EntrySummary
from app.ui import messages
from app.ui.dates import short_moment
from app.ui.journal.export_chart import chart_image, sign_words
from app.ui.journal.export_document import json_path_beside, save_export
from app.ui.ops import Ops
from app.ui.printing import problem_text
from app.ui.theme import current_colors
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

FAMILY = -1  # the child combo's value for entries about the family as a whole
LIST_LIMIT = 1000  # entries listed at once; a longer period asks the parent to narrow it
DEFAULT_DAYS = 90


class ExportDialog(QDialog):
    """The export screen. ``ops`` is the session's worker, ``clock`` says today and the zone."""

    def __init__(self, ops: Ops, clock: Clock, parent: QWidget | None = None,
                 child_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalExportDialog")
        self._ops, self._clock = ops, clock
        self._zone = clock.zone()
        self._reading = 0  # the newest list read asked for; older answers are dropped
        self._unticked: set[int] = set()  # kept across re-reads, so a new date keeps choices
        self._listed_total = 0  # entries in the period, listed or not (LIST_LIMIT)
        self._wanted_child = FAMILY if child_id is None else child_id
        self.setWindowTitle(self.tr("Export for a professional"))
        self.setMinimumSize(560, 600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Export for a professional"), "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Share your notes with a counsellor, doctor, school or the police. Only the "
            "entries you tick go into the files: a PDF to read and a JSON file for their "
            "systems."), muted=True))
        layout.addLayout(self._build_choices())
        layout.addLayout(self._build_list_header())
        self.entries = QListWidget()
        self.entries.setObjectName("journalExportEntries")
        self.entries.setAccessibleName(self.tr("Entries to export"))
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setMinimumHeight(160)
        self.entries.setStyleSheet(_tick_box_style())
        self.entries.itemChanged.connect(self._ticked_changed)
        layout.addWidget(self.entries, 1)
        layout.addLayout(self._build_fields())
        self.message = message_label("journalExportMessage")
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        self._read_children()

    # --- layout -----------------------------------------------------------------------------

    def _build_choices(self) -> QFormLayout:
        self.child = QComboBox()
        self.child.setObjectName("journalExportChild")
        self.child.setAccessibleName(self.tr("Whose entries"))
        self.child.currentIndexChanged.connect(self.refresh)
        today = local_today(self._clock)
        self.first_day = self._date_edit("journalExportFrom", self.tr("First day"),
                                         today - dt.timedelta(days=DEFAULT_DAYS))
        self.last_day = self._date_edit("journalExportTo", self.tr("Last day"), today)
        dates = QHBoxLayout()
        dates.addWidget(self.first_day, 1)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.last_day, 1)
        form = QFormLayout()
        form.addRow(self.tr("Whose entries"), self.child)
        form.addRow(self.tr("From"), dates)
        return form

    def _date_edit(self, name: str, accessible: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self.refresh)
        return edit

    def _build_list_header(self) -> QHBoxLayout:
        self.summary = QLabel()
        self.summary.setObjectName("journalExportSummary")
        self.summary.setWordWrap(True)
        tick_all = button(self.tr("Tick all"), "journalExportTickAll", link=True,
                          accessible=self.tr("Tick every entry"))
        tick_all.clicked.connect(lambda: self._tick_every(True))
        untick_all = button(self.tr("Untick all"), "journalExportUntickAll", link=True,
                            accessible=self.tr("Untick every entry"))
        untick_all.clicked.connect(lambda: self._tick_every(False))
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(tick_all)
        row.addWidget(untick_all)
        return row

    def _build_fields(self) -> QVBoxLayout:
        self.facts_only = QRadioButton(self.tr("Facts only"))
        self.facts_only.setObjectName("journalExportFactsOnly")
        self.facts_only.setAccessibleName(self.tr("Export facts only"))
        self.facts_only.setChecked(True)
        self.with_thoughts = QRadioButton(self.tr("Facts and what I think"))
        self.with_thoughts.setObjectName("journalExportWithThoughts")
        self.with_thoughts.setAccessibleName(self.tr("Export facts and what I think"))
        group = QButtonGroup(self)
        group.addButton(self.facts_only)
        group.addButton(self.with_thoughts)
        row = QHBoxLayout()
        row.addWidget(self.facts_only)
        row.addWidget(self.with_thoughts)
        row.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addLayout(row)
        column.addWidget(body_label(self.tr(
            "Facts are when it happened, the signs, what you saw or heard, where, and what you "
            "did. “What I think” adds what you think it might mean and how worried you felt."),
            muted=True))
        return column

    def _build_buttons(self) -> QHBoxLayout:
        cancel = button(self.tr("Close"), "journalExportClose",
                        accessible=self.tr("Close the export"))
        cancel.clicked.connect(self.reject)
        self.save_button = button(self.tr("Save PDF and JSON…"), "journalExportSave",
                                  primary=True, accessible=self.tr("Save the export files"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    # --- reading ----------------------------------------------------------------------------

    def _read_children(self) -> None:
        self._ops.read(lambda s: s.family.children(), self._children_read, owner=self)

    def _children_read(self, children: list[Any]) -> None:
        self.child.blockSignals(True)
        self.child.clear()
        for child in children:
            self.child.addItem(child.name, child.id)
        self.child.addItem(self.tr("The family as a whole"), FAMILY)
        self.child.setCurrentIndex(max(self.child.findData(self._wanted_child), 0))
        self.child.blockSignals(False)
        self.refresh()

    def chosen_child(self) -> int | None:
        value = self.child.currentData()
        return None if value in (None, FAMILY) else int(value)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.first_day.date().toPython(), self.last_day.date().toPython()  # type: ignore[return-value]

    def _filter(self) -> EntryFilter:
        first, last = self.period()
        since, until = period_bounds(first, last, self._zone)
        return EntryFilter(children=(self.chosen_child(),), since=since, until=until)

    def refresh(self) -> None:
        """Read the period's entries for the list (newest first, as the timeline shows)."""
        if self.child.count() == 0:
            return
        first, last = self.period()
        self._reading += 1
        reading = self._reading
        if last < first:
            self._show_entries(reading, ([], 0))
            return
        flt = self._filter()
        self._ops.read(lambda s: (s.journal.page(flt, 0, LIST_LIMIT), s.journal.count(flt)),
                       lambda found: self._show_entries(reading, found), owner=self)

    def _show_entries(self, reading: int, found: tuple[list[EntrySummary], int]) -> None:
        if reading != self._reading:
            return  # the parent changed the child or dates since: a newer read is on its way
        summaries, total = found
        self.entries.blockSignals(True)
        self.entries.clear()
        for summary in summaries:
            item = QListWidgetItem(self._item_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = summary.id not in self._unticked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.entries.addItem(item)
        self.entries.blockSignals(False)
        self._listed_total = total
        self._update_summary()

    def _item_text(self, summary: EntrySummary) -> str:
        words = sign_words()
        signs = [words[s].text.rstrip(".") if s in words else s for s in summary.signs]
        lines = [short_moment(summary.noted_at, self._zone),
                 " · ".join(signs + list(summary.tags))]
        if summary.preview:
            lines.append(summary.preview)
        return "\n".join(lines)

    # --- ticking ----------------------------------------------------------------------------

    def ticked_ids(self) -> list[int]:
        return [self.entries.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.entries.count())
                if self.entries.item(row).checkState() == Qt.CheckState.Checked]

    def _ticked_changed(self, item: QListWidgetItem) -> None:
        entry_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._unticked.discard(entry_id)
        else:
            self._unticked.add(entry_id)
        self._update_summary()

    def _tick_every(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row in range(self.entries.count()):
            self.entries.item(row).setCheckState(state)

    def _update_summary(self) -> None:
        listed, ticked = self.entries.count(), len(self.ticked_ids())
        if listed == 0:
            text = self.tr("No entries in these dates.")
        else:
            text = self.tr("%n of {listed} entries ticked.", "", ticked).format(listed=listed)
        if self._listed_total > listed:
            text += " " + self.tr("Only the newest {listed} are listed: choose fewer days to "
                                  "see the rest.").format(listed=listed)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.save_button.setEnabled(ticked > 0)

    # --- saving -----------------------------------------------------------------------------

    def choice(self) -> str:
        return FACTS_AND_THOUGHTS if self.with_thoughts.isChecked() else FACTS

    def save(self) -> None:
        """Ask where, read only the ticked entries, and write both files."""
        ids = self.ticked_ids()
        if not ids:
            show_message(self.message, self.tr("Tick at least one entry to export."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the export as PDF"),
                                              "journal-notes.pdf", self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        request = ExportRequest(self.choice(), *self.period(),
                                child_name=self._child_name(), zone=self._zone,
                                made_at=self._clock.now())
        self._ops.read(lambda s: [s.journal.entry(entry_id) for entry_id in ids],
                       lambda entries: self._write(entries, request, Path(path)), owner=self,
                       failed=lambda error: show_message(self.message,
                                                         messages.for_vault_error(error)))

    def _child_name(self) -> str | None:
        return None if self.chosen_child() is None else self.child.currentText()

    def _write(self, entries: list[Entry], request: ExportRequest, pdf_path: Path) -> None:
        picked = picked_in_period(entries, request.first_day, request.last_day, request.zone)
        document = export_document(picked, request, sign_words())
        chart = chart_image(picked, request)
        result = save_export(document, pdf_path, chart)
        if not result.ok:
            show_message(self.message, problem_text(result.reason))
            return
        show_message(self.message, self.tr("Saved {pdf} and {json}").format(
            pdf=pdf_path.name, json=json_path_beside(pdf_path).name), ok=True)


def _tick_box_style() -> str:
    """The list's tick boxes drawn as the theme draws every check box (the style's own are
    nearly invisible on the dark theme)."""
    c = current_colors()
    return (f"QListWidget::indicator {{ width: 14px; height: 14px; border-radius: 3px; "
            f"border: 2px solid {c.muted}; background: {c.surface}; }}"
            f"QListWidget::indicator:checked {{ background: {c.primary}; "
            f"border: 2px solid {c.primary}; }}")
