"""The evidence log's output: printing it, or saving it as a PDF, with the entries as saved.

Both read the entries afresh on the database worker (after any save still on its way), so the
printout or the file holds the entry saved a moment ago, and a PDF is reported saved only if
the file is really there. ``EvidenceOutput`` is part of ``EvidenceLog`` (``evidence_log.py``),
kept apart so each file has one job; its words keep the log's translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from app.core.evidence import EvidenceEntry
from app.ui.help.evidence_document import evidence_document, printed_on_now
from app.ui.printing import CANCELLED, print_document, problem_text, save_pdf
from app.ui.widgets.common import show_message


class EvidenceOutput:
    """Printing and saving for ``EvidenceLog``, which this is mixed into."""

    def _with_entries(self, use: Callable[[list[EvidenceEntry]], None]) -> None:
        """The entries as saved right now (after any save still on its way), then ``use``."""
        self._ops.read(lambda s: s.evidence.entries(), use, owner=self)

    def print_log(self) -> None:
        title = QCoreApplication.translate("EvidenceLog", "Porchlight evidence log")

        def send(entries: list[EvidenceEntry]) -> None:
            document = evidence_document(entries, printed_on_now())
            result = print_document(self, document, title)
            if result.ok:
                show_message(self.message, QCoreApplication.translate(
                    "EvidenceLog", "Sent to the printer."), ok=True)
            elif result.reason != CANCELLED:
                show_message(self.message, problem_text(result.reason))

        self._with_entries(send)

    def save_log_pdf(self) -> None:
        """Ask where, write the PDF, and report it saved only if the file is really there."""
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("EvidenceLog", "Save the evidence log as PDF"),
            "evidence-log.pdf", QCoreApplication.translate("EvidenceLog", "PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        title = QCoreApplication.translate("EvidenceLog", "Porchlight evidence log")

        def write(entries: list[EvidenceEntry]) -> None:
            document = evidence_document(entries, printed_on_now())
            result = save_pdf(document, path, title)
            if not result.ok:
                show_message(self.message, problem_text(result.reason))
                return
            show_message(self.message, QCoreApplication.translate(
                "EvidenceLog", "Saved to {path}").format(path=path), ok=True)

        self._with_entries(write)
