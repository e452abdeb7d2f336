"""Setup's other path: "I already use Porchlight on another computer".

The parent makes one export file on the old computer (Settings → Backups → "Move to another
computer…"), brings it over and chooses it here. Choosing only reads the file: it is checked
against its manifest and previewed (when it was made, how big) without any secret, because the
file stays encrypted all the way. Importing itself is the flow's job (on a background thread);
this step holds the chosen file and says plainly when a file cannot be used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from app.ui.dates import moment_words, size_words
from app.ui.setup.welcome_step import Step
from app.ui.widgets.common import body_label, button, card, message_label, show_message

if TYPE_CHECKING:
    from app.storage.vault_export import ExportInfo

# app.storage.vault_export.EXTENSION, repeated so that showing setup does not load SQLAlchemy.
EXTENSION = ".porchlight-export"


def when_words(moment: dt.datetime) -> str:
    """When an export was made, on this computer's clock, through QLocale (``app.ui.dates``)."""
    return moment_words(moment if moment.tzinfo else moment.astimezone())


class ImportStep(Step):
    """Choose a ``.porchlight-export`` file and see what it holds before bringing it in."""

    def __init__(self) -> None:
        super().__init__()
        self.set_title(self.tr("Bring Porchlight over from another computer"))
        self.continue_text = self.tr("Bring it in")
        self.chosen: Path | None = None
        self.info: ExportInfo | None = None
        self.layout_.addWidget(body_label(self.tr(
            "Your notes move as one encrypted file. To make it:")))
        self.layout_.addWidget(body_label(self.tr(
            "1.  On the other computer, open Porchlight and go to Settings → Backups.\n"
            "2.  Choose \"Move to another computer…\". Porchlight saves one encrypted file "
            "whose name ends in {extension}.\n"
            "3.  Copy that file to this computer (a USB stick works well), then choose it "
            "below.").format(extension=EXTENSION), name="importHowTo"))

        self.choose_button = button(self.tr("Choose the file…"), "chooseExportFile")
        self.choose_button.setAccessibleName(self.tr("Choose the export file"))
        self.choose_button.clicked.connect(self.choose_file)
        self.layout_.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.preview, preview_layout = card(self.tr("The chosen file"))
        self.file_label = self._preview_line("exportFileName", self.tr("Chosen file"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = self._preview_line("exportDetails", self.tr("What the file holds"))
        self.encrypted_label = self._preview_line("exportStaysEncrypted",
                                                  self.tr("About the passphrase"))
        self.encrypted_label.setProperty("muted", True)
        self.encrypted_label.setText(self.tr(
            "It stays encrypted: you will need the passphrase you use on the other computer."))
        for label in (self.file_label, self.details_label, self.encrypted_label):
            preview_layout.addWidget(label)
        self.preview.hide()
        self.layout_.addWidget(self.preview)

        self.message = message_label("importMessage")
        self.message.setAccessibleName(self.tr("Import message"))
        self.layout_.addWidget(self.message)
        self.finish()

    @staticmethod
    def _preview_line(name: str, accessible: str) -> QLabel:
        label = body_label("", name=name)
        label.setAccessibleName(accessible)
        return label

    def is_ready(self) -> bool:
        return self.info is not None

    def entered(self) -> None:
        self.choose_button.setFocus()

    def choose_file(self) -> None:
        start = str(self.chosen.parent) if self.chosen else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose your Porchlight export"), start,
            self.tr("Porchlight export (*{extension})").format(extension=EXTENSION))
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> None:
        """Check and preview ``path``; a file that cannot be used is named, never half-taken."""
        from app.storage.vault_export import ExportDamaged, inspect_export

        self.chosen = path
        self.file_label.setText(path.name)
        try:
            self.info = inspect_export(path)
        except ExportDamaged:
            self.info = None
            self.preview.hide()
            self.show_problem(self.cannot_use(path))
        else:
            self.details_label.setText(self.tr("Made on {when}. Size: {size}.").format(
                when=when_words(self.info.created), size=size_words(self.info.size_bytes)))
            self.preview.show()
            show_message(self.message, "")
        self.ready_changed.emit(self.is_ready())

    def cannot_use(self, path: Path) -> str:
        if not path.exists():
            return self.tr(
                "\"{name}\" can't be found any more (a USB stick may have been removed). "
                "Nothing has been changed. Put it back, or choose the file again."
            ).format(name=path.name)
        return self.tr(
            "\"{name}\" can't be used: it isn't a Porchlight export, or it was damaged on the "
            "way. Nothing has been changed. Make the file again on the other computer, or "
            "choose another copy.").format(name=path.name)

    def show_problem(self, text: str) -> None:
        show_message(self.message, text)

    def forget_file(self) -> None:
        """The file went bad after it was chosen: keep the name, refuse to continue."""
        self.info = None
        self.preview.hide()
        self.ready_changed.emit(False)
