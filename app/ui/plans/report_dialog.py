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

The choosing tab is ``report_choosing.py``; this file holds the dialog, its preview and saving.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.plans.model import Report
from app.ui import messages
from app.ui.ops import Ops
from app.ui.plans import report_data
from app.ui.plans.report_build import build_report
from app.ui.plans.report_choosing import ReportChoosing
from app.ui.plans.report_data import ReportData
from app.ui.plans.report_document import (
    paths_beside,
    report_text_document,
    save_report,
)
from app.ui.printing import problem_text
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

CHOOSE_TAB, PREVIEW_TAB = 0, 1


class ReportDialog(ReportChoosing, QDialog):
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
