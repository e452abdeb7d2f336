"""The calm message shown when something unexpected goes wrong (see ``app.ui.crash_dialog``).

Kept apart from the hook so it is imported only when an error happens, not at every start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import APP_NAME
from app.ui.translate import _tr
from app.ui.widgets.common import body_label, button, title_label


class CrashDialog(QDialog):
    """The calm message. One at a time; later errors are added to its support details."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(_tr("Something went wrong"))
        self.details = details
        self.count = 1
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(title_label(_tr("Something went wrong in Porchlight."), "sectionTitle"))
        self.body = body_label(_tr(
            "Nothing you saved has been lost. You can carry on with what you were doing.\n\n"
            "If this keeps happening, close Porchlight and open it again. If it still happens, "
            "\"Copy details for support\" copies a short note of where the problem is in "
            "Porchlight's code. It holds nothing you have written."), name="crashBody")
        column.addWidget(self.body)
        self.copied = QLabel("")
        self.copied.setObjectName("crashCopied")
        self.copied.setAccessibleName(_tr("Copy status"))
        column.addWidget(self.copied)
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = button(_tr("Copy details for support"), "copySupportDetails")
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = button(_tr("Close"), "closeCrashDialog", primary=True)
        self.close_button.setAccessibleName(_tr("Close this message"))
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.copy_button)
        row.addWidget(self.close_button)
        column.addLayout(row)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.body.setMinimumWidth(460)  # wrapped text gets its full height at this width
        self.adjustSize()

    def add(self, details: str) -> None:
        """Another error while this message is open: keep its details too, show no new window."""
        self.count += 1
        self.details = f"{self.details}\n---\n{details}"

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copied.setText(_tr("Copied. You can paste it into a message to support."))
        self.adjustSize()
