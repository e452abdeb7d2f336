"""Setup's two side paths: a data folder of someone else's files, and moving from another computer.

A folder holding someone else's files is named before anything else (``ForeignFolderStep``),
with the "Porchlight" folder inside it offered instead: setup never writes into the folder
itself. A parent who already uses Porchlight elsewhere chooses an export file (``ImportStep``)
and it is brought in on a background thread; a failure leaves no new folder behind.

``SidePaths`` is part of ``SetupFlow`` (see ``flow.py``), kept apart so each file has one job.
Its words keep the flow's translation context, so translators see them where they always were.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.storage.data_folder import DataFolder, FolderState
from app.ui.widgets.common import show_message


def is_foreign(folder: DataFolder) -> bool:
    try:
        return folder.state() is FolderState.FOREIGN
    except OSError:  # unreadable: setup's own error message will name the problem
        return False


def bring_in(source: Path, folder: DataFolder) -> Path:
    """Import ``source`` into ``folder`` (background thread); a failure leaves no new folder."""
    from app.storage.errors import ForeignFolder
    from app.storage.vault_export import ImportRefused, import_vault

    state = folder.state()
    if state is FolderState.FOREIGN:
        raise ForeignFolder(str(folder.root))
    if state is not FolderState.NEW:
        raise ImportRefused(str(folder.root))
    existed = folder.root.exists()
    try:
        return import_vault(source, folder)
    except BaseException:
        if not existed:  # rmdir only removes empty folders: never a file of anyone's
            for made in (folder.backups, folder.root):
                with contextlib.suppress(OSError):
                    made.rmdir()
        raise


class SidePaths:
    """The folder and import paths of ``SetupFlow``, which this is mixed into."""

    def _show_folder_step(self) -> None:
        from app.ui.setup.folder_step import ForeignFolderStep

        if self.folder_step is not None:
            self.stack.removeWidget(self.folder_step)
            self.folder_step.deleteLater()
        self.folder_step = ForeignFolderStep(self._context.folder)
        self.folder_step.quit_requested.connect(self._quit)
        self.stack.addWidget(self.folder_step)
        self._show(self.folder_step)

    def _use_folder_inside(self) -> None:
        """Switch setup to the "Porchlight" folder inside someone else's folder (no writing)."""
        from app.ui.setup.folder_step import Offer

        assert self.folder_step is not None
        step = self.folder_step
        self._context.folder = step.inside
        if step.offer is Offer.OPEN_INSIDE:
            self.imported.emit()
            return
        self.welcome.show_folder(str(step.inside.root))
        self._show(self.welcome)

    def _quit(self) -> None:
        window = self.window()
        quit_for_real = getattr(window, "quit_for_real", None)
        if callable(quit_for_real):
            quit_for_real()
        else:
            QApplication.quit()

    def show_import(self) -> None:
        if is_foreign(self._context.folder):
            self._show_folder_step()
            return
        show_message(self.message, "")
        self._show(self.import_step)

    def _start_import(self) -> None:
        source = self.import_step.chosen
        if source is None:
            return
        heading = QCoreApplication.translate("SetupFlow", "Bringing your notes over…")
        self._show_busy(heading, QCoreApplication.translate(
            "SetupFlow", "Porchlight is checking the file and putting it in place. Your notes "
            "stay encrypted the whole time."))
        folder = self._context.folder
        from app.ui.background import run_in_background

        run_in_background(lambda: bring_in(source, folder), self._imported,
                          self._import_failed)

    def _imported(self, _backup: Any) -> None:
        self.imported.emit()

    def _import_failed(self, error: Exception) -> None:
        from app.storage.errors import AlreadySetUp
        from app.storage.vault_export import ExportDamaged, ImportRefused
        from app.ui import messages

        step = self.import_step
        self._show(step)
        if isinstance(error, ExportDamaged) and step.chosen is not None:
            step.forget_file()
            step.show_problem(step.cannot_use(step.chosen))
        elif isinstance(error, ImportRefused | AlreadySetUp):
            step.show_problem(messages.translated(messages.ALREADY_SET_UP))
        else:
            step.show_problem(messages.for_vault_error(error))
