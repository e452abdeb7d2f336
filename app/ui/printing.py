"""Printing and PDFs from Porchlight, with an honest answer about what actually happened.

Always through Qt's own print dialog (which also offers "Print to PDF"), never a network
printer service of ours. Qt's ``QTextDocument.print_`` returns nothing and writes nothing when
it cannot open its output, so success is never assumed: a PDF is written under a temporary
name in the chosen folder, checked to be a non-empty file, and only then put in place; a
printer that ends in its error state is reported as not printed.
"""

from __future__ import annotations

import errno
import html
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.ui.translate import _tr

CANCELLED = "cancelled"
READ_ONLY = "read_only"
DISK_FULL = "disk_full"
FOLDER_MISSING = "folder_missing"
NOT_WRITTEN = "not_written"
PRINTER_FAILED = "printer_failed"


@dataclass(frozen=True)
class OutputResult:
    """What became of a print or a PDF: ``ok``, or the ``reason`` it did not happen."""

    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


def problem_text(reason: str) -> str:
    """The words for a failed print or PDF: what happened, that nothing was lost, what next."""
    texts = {
        READ_ONLY: _tr("The PDF was not saved: that folder can't be written to (it may be "
                       "read-only or belong to another user). Nothing in Porchlight was "
                       "changed. Choose another folder, such as Documents, and try again."),
        DISK_FULL: _tr("The PDF was not saved: the disk is full. Nothing in Porchlight was "
                       "changed. Free some space or choose another drive, and try again."),
        FOLDER_MISSING: _tr("The PDF was not saved: that folder is no longer there (a USB "
                            "stick may have been removed). Nothing in Porchlight was changed. "
                            "Choose another folder and try again."),
        NOT_WRITTEN: _tr("The PDF was not saved: the file could not be written. Nothing in "
                         "Porchlight was changed. Choose another folder and try again."),
        PRINTER_FAILED: _tr("It did not print: the printer reported a problem. Nothing in "
                            "Porchlight was changed. Check the printer is on and has paper, "
                            "or use \u201cSave as PDF\u2026\u201d instead."),
    }
    return texts.get(reason, "")


def send_to_printer(document: QTextDocument, printer: QPrinter) -> OutputResult:
    """Print ``document`` on a printer already set up; report the printer's own verdict."""
    no_file = (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
               and not printer.outputFileName())  # what Qt falls back to with no printer at all
    if not printer.isValid() or no_file:
        return OutputResult(False, PRINTER_FAILED)
    document.print_(printer)
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        return OutputResult(False, PRINTER_FAILED)
    return OutputResult(True)


def print_document(parent: QWidget, document: QTextDocument, title: str) -> OutputResult:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return OutputResult(False, CANCELLED)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # "Print to PDF" in the dialog: the same checks as Save as PDF.
        return save_pdf(document, printer.outputFileName(), title)
    return send_to_printer(document, printer)


def recovery_code_document(code: str) -> QTextDocument:
    heading = html.escape(_tr("Porchlight recovery code"))
    how = html.escape(_tr("If you forget your Porchlight passphrase, choose “Forgot your "
                          "passphrase?” on the unlock screen and type this code."))
    keep = html.escape(_tr("Keep this paper somewhere safe, away from the computer."))
    document = QTextDocument()
    document.setHtml(
        f"<h1>{heading}</h1><p>{how}</p>"
        f"<p style='font-size:22pt; font-family:monospace'><b>{html.escape(code)}</b></p>"
        f"<p>{keep}</p>"
    )
    return document


def print_recovery_code(parent: QWidget, code: str) -> bool:
    return bool(print_document(parent, recovery_code_document(code),
                               _tr("Porchlight recovery code")))


def save_pdf(document: QTextDocument, path: str, title: str) -> OutputResult:
    """Write ``document`` to a PDF file (no dialog) and say whether it really is there.

    Written to a temporary file beside ``path`` first: a failure leaves any earlier file of
    that name as it was, and never a half-written one under the chosen name.
    """
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".porchlight-", suffix=".pdf",
                                             dir=target.parent)
    except OSError as error:
        return OutputResult(False, _reason(error))
    os.close(handle)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(temporary)
        printer.setDocName(title)
        document.print_(printer)
        if printer.printerState() == QPrinter.PrinterState.Error \
                or os.path.getsize(temporary) == 0:
            return OutputResult(False, NOT_WRITTEN)
        os.replace(temporary, target)
        return OutputResult(True)
    except OSError as error:
        return OutputResult(False, _reason(error))
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)  # only our own temporary file, never the parent's


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return READ_ONLY
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DISK_FULL
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        return FOLDER_MISSING
    return NOT_WRITTEN
