"""Printing from Porchlight: the recovery code now; library cards and reports later.

Always through Qt's own print dialog (which also offers "Print to PDF"), never a network
printer service of ours.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def print_document(parent: QWidget, document: QTextDocument, title: str) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def recovery_code_document(code: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(
        "<h1>Porchlight recovery code</h1>"
        "<p>If you forget your Porchlight passphrase, choose “Forgot your passphrase?” on the "
        "unlock screen and type this code.</p>"
        f"<p style='font-size:22pt; font-family:monospace'><b>{html.escape(code)}</b></p>"
        "<p>Keep this paper somewhere safe, away from the computer.</p>"
    )
    return document


def print_recovery_code(parent: QWidget, code: str) -> bool:
    return print_document(parent, recovery_code_document(code), "Porchlight recovery code")


def save_pdf(document: QTextDocument, path: str, title: str) -> None:
    """Write ``document`` to a PDF file, with no print dialog (for "Save as PDF…")."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setDocName(title)
    document.print_(printer)
