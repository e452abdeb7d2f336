"""Reports received: the progress reports families handed over, kept in the vault, one shown.

"Open a report…" reads a report file (``report_file``), keeps it (``keep_report``) and shows
it; the list holds every report kept, newest first. Files are read on the GUI thread: a report
is at most 1 MiB and parsed in milliseconds, while keeping it is a write on the worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.plans.model import Plan, Report
from app.storage.services import Services
from app.ui.counsellor.report_file import ReportNotOpened, read_report_file
from app.ui.counsellor.report_view import ReportView
from app.ui.dates import date_words
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Received:
    """The kept reports and the plans built here (to word their questions), read together."""

    reports: list[tuple[int, dt.datetime, Report]]
    plans: dict[str, Plan]


def read_received(services: Services) -> Received:
    return Received(services.plans.reports(), {p.id: p for p in services.plans.built()})


class ReportsPage(QWidget):
    def __init__(self, ops: Ops) -> None:
        super().__init__()
        self.setObjectName("reportsPage")
        self.title = self.tr("Reports received")
        self._ops = ops
        self.received = Received([], {})
        self._show_after_refresh: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Reports received")), 1)
        self.open_button = button(self.tr("Open a report…"), "openReport", primary=True)
        self.open_button.clicked.connect(self.ask_report_file)
        header.addWidget(self.open_button)
        layout.addLayout(header)
        layout.addWidget(body_label(self.tr(
            "Open the .json file a family saved beside their report's PDF. What they chose "
            "to leave out is marked as withheld."), muted=True))
        self.message = message_label("reportsMessage")
        layout.addWidget(self.message)

        row = QHBoxLayout()
        side = QVBoxLayout()
        self.report_list = QListWidget()
        self.report_list.setObjectName("reportList")
        self.report_list.setAccessibleName(self.tr("Reports kept"))
        self.report_list.setWordWrap(True)
        # Rows wrap to the list's width instead of running off under a sideways scroll bar.
        self.report_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.report_list.currentRowChanged.connect(self._chosen)
        side.addWidget(self.report_list, 1)
        self.delete_button = button(self.tr("Delete…"), "deleteReport", danger=True,
                                    accessible=self.tr("Delete the report"))
        self.delete_button.clicked.connect(self.ask_delete)
        side.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_host = QWidget()
        side_host.setLayout(side)
        side_host.setFixedWidth(250)
        side.setContentsMargins(0, 0, 0, 0)
        row.addWidget(side_host)
        self.view = ReportView()
        row.addWidget(self.view, 1)
        layout.addLayout(row, 1)
        follow_changes(self, ops, lambda c: c.plans, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self._ops.read(read_received, self._show, owner=self)

    def _show(self, received: Received) -> None:
        self.received = received
        wanted = self._show_after_refresh if self._show_after_refresh is not None \
            else self.chosen_id()
        self._show_after_refresh = None
        self.report_list.blockSignals(True)
        self.report_list.clear()
        for report_id, kept_at, report in received.reports:
            item = QListWidgetItem(self.tr("{family} · {title}\nreceived {date}").format(
                family=report.family_label, title=report.plan_title,
                date=date_words(kept_at.date())))
            item.setData(ID_ROLE, report_id)
            self.report_list.addItem(item)
            if report_id == wanted:
                self.report_list.setCurrentItem(item)
        self.report_list.blockSignals(False)
        if not received.reports:
            self.report_list.addItem(self.tr("No reports yet."))
            self.report_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        elif self.report_list.currentRow() < 0:
            self.report_list.setCurrentRow(0)
        self._chosen()

    def chosen_id(self) -> int | None:
        item = self.report_list.currentItem()
        key = item.data(ID_ROLE) if item is not None else None
        return int(key) if key is not None else None

    def _chosen(self) -> None:
        chosen = self.chosen_id()
        found = next((r for i, _at, r in self.received.reports if i == chosen), None)
        self.delete_button.setEnabled(found is not None)
        if found is None:
            self.view.clear()
        else:
            self.view.show_report(found, self.received.plans.get(found.plan_id))

    # --- opening and deleting --------------------------------------------------------------

    def ask_report_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a report"), "",
            self.tr("Porchlight report (*.json *.pdf);;All files (*)"))
        if path:
            self.open_report(Path(path))

    def open_report(self, path: Path) -> None:
        """Read ``path``, keep the report and show it; a file that isn't one is named calmly."""
        try:
            opened = read_report_file(path)
        except ReportNotOpened as problem:
            show_message(self.message, str(problem))
            return
        report = opened.report
        self._ops.write(lambda s: s.plans.keep_report(report), touches=Changes(plans=True),
                        owner=self, done=lambda report_id: self._kept(report_id, opened.note))

    def _kept(self, report_id: int, note: str) -> None:
        self._show_after_refresh = report_id
        show_message(self.message, note or self.tr("Report kept."), ok=True)
        self.refresh()

    def ask_delete(self) -> None:
        chosen = self.chosen_id()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the report?"), self.tr(
            "Delete this report from Porchlight? The file you opened it from is not touched."))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(chosen)

    def delete(self, report_id: int) -> None:
        self._ops.write(lambda s: s.plans.delete_report(report_id),
                        touches=Changes(plans=True), owner=self)
