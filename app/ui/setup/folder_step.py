"""Before setup starts: the chosen data folder holds someone else's files.

A parent may start Porchlight with ``--data-dir ~/Documents``. Porchlight never mixes its files
with theirs, so instead of failing at the very end of setup (after the passphrase and recovery
code), it says so first and offers a folder named "Porchlight" inside it. Nothing is written
here: choosing the subfolder only changes where setup will create the vault. What this step
offers depends on the subfolder: a new one is offered for setup, one that already holds
Porchlight is offered for unlocking, and one that is someone else's too is only explained.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from app.storage.data_folder import DataFolder, FolderState, suggest_subfolder
from app.ui.setup.welcome_step import Step
from app.ui.widgets.common import body_label, button


class Offer(enum.Enum):
    SET_UP_INSIDE = "set up inside"  # the subfolder is new: set up (or import) there
    OPEN_INSIDE = "open inside"  # Porchlight already lives in the subfolder: unlock it
    NOTHING = "nothing"  # the subfolder is someone else's too (or cannot be read)


def offer_for(folder: DataFolder) -> tuple[DataFolder, Offer]:
    """The subfolder to suggest instead of ``folder``, and what can be done with it."""
    inside = suggest_subfolder(folder)
    try:
        state = inside.state()
    except OSError:
        return inside, Offer.NOTHING
    if state is FolderState.NEW:
        return inside, Offer.SET_UP_INSIDE
    if state is FolderState.FOREIGN:
        return inside, Offer.NOTHING
    return inside, Offer.OPEN_INSIDE


class ForeignFolderStep(Step):
    """Says the folder is someone else's and offers the "Porchlight" folder inside it."""

    quit_requested = Signal()

    def __init__(self, folder: DataFolder) -> None:
        super().__init__()
        self.set_title(self.tr("This folder already holds other files"))
        self.inside, self.offer = offer_for(folder)
        self.layout_.addWidget(body_label(self.tr(
            "Porchlight was asked to keep its files in this folder:"), name="foreignIntro"))
        self.layout_.addWidget(self._path_label(str(folder.root), "foreignFolderPath",
                                                self.tr("The folder asked for")))
        self.layout_.addWidget(body_label(self.tr(
            "It already holds other files, and Porchlight never mixes its files with yours, so "
            "it won't set up there. Nothing has been changed."), name="foreignExplained"))
        if self.offer is Offer.SET_UP_INSIDE:
            self.continue_text = self.tr("Use a Porchlight folder inside it")
            offer_text = self.tr("Porchlight can keep everything in a folder of its own inside "
                                 "it instead:")
        elif self.offer is Offer.OPEN_INSIDE:
            self.continue_text = self.tr("Open the Porchlight folder inside it")
            offer_text = self.tr("Porchlight is already set up in a folder of its own inside "
                                 "it:")
        else:
            offer_text = self.tr("The folder named \"Porchlight\" inside it holds other files "
                                 "too. Quit, then start Porchlight with --data-dir pointing at "
                                 "an empty folder.")
        self.layout_.addWidget(body_label(offer_text, name="foreignOffer"))
        if self.offer is not Offer.NOTHING:
            self.layout_.addWidget(self._path_label(str(self.inside.root), "suggestedFolderPath",
                                                    self.tr("The suggested folder")))
        if self.offer is not Offer.NOTHING:
            self.layout_.addWidget(body_label(self.tr(
                "If you meant another folder, quit and start Porchlight again with that "
                "folder."), muted=True))
        self.quit_button = button(self.tr("Quit Porchlight"), "quitFromSetup")
        self.quit_button.clicked.connect(self.quit_requested)
        self.layout_.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish()

    @staticmethod
    def _path_label(text: str, name: str, accessible: str) -> QLabel:
        label = body_label(text, name=name)
        label.setAccessibleName(accessible)
        label.setFont(QFont("monospace"))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def is_ready(self) -> bool:
        return self.offer is not Offer.NOTHING

    def entered(self) -> None:
        if self.offer is Offer.NOTHING:
            self.quit_button.setFocus()
