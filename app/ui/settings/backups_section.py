"""Settings → Backups: the encrypted copies by date, and what a parent can do with them.

Backups are taken once a day while Porchlight is open and kept for a week, then weekly for a
month, then monthly for a year. This section lists them, takes one now, restores one (which
needs the vault closed, so Porchlight locks first), moves the whole family to another computer
as one encrypted file, and removes older copies — the way to make deleted words truly gone.
The work runs on the session's database worker, in order with every read and write (a backup
of a database half-way through a write would be no use), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.storage import backup_rotation, backups, vault_export
from app.storage.services import Services
from app.ui import messages
from app.ui.backup_words import backup_line
from app.ui.session import UnlockedSession
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

EXPORT_NAME = "porchlight-family.porchlight-export"


class BackupsSection(QWidget):
    restore_requested = Signal()  # lock, then choose a backup to put back

    def __init__(self, session: UnlockedSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsSection")
        self._session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Backups"), "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "Porchlight keeps an encrypted copy of everything once a day while it is open: one "
            "for each of the last 7 days, one a week for 4 weeks and one a month for a year. "
            "Anything you delete stays in these copies until they age out."), muted=True))
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        self.list.setMinimumHeight(110)
        layout.addWidget(self.list)
        self.message = message_label("backupsMessage")
        self.message.setAccessibleName(self.tr("Backups message"))
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.backup_now = button(self.tr("Back up now"), "backupNow")
        self.backup_now.clicked.connect(self.take_backup)
        self.restore = button(self.tr("Restore a backup…"), "restoreBackup")
        self.restore.clicked.connect(self.ask_restore)
        self.move = button(self.tr("Move to another computer…"), "exportVault")
        self.move.clicked.connect(self.export)
        self.drop = button(self.tr("Remove older backups…"), "dropBackups")
        self.drop.clicked.connect(self.offer_drop)
        for widget in (self.backup_now, self.restore):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        second = QHBoxLayout()  # two short rows fit a small window; one long row would not
        second.addWidget(self.move)
        second.addStretch(1)
        second.addWidget(self.drop)
        layout.addLayout(second)
        self.refresh()

    def showEvent(self, event) -> None:
        """The daily backup may have run since the page was built."""
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        services = self._session.services
        if services is None:
            return
        self.list.clear()
        found = [b for b in backups.list_backups(services.vault.folder) if b.complete]
        for info in found:
            self.list.addItem(backup_line(info))
        if not found:
            self.list.addItem(self.tr("No backup yet: the first one is taken today."))
        self.drop.setEnabled(len(found) > 1)

    # --- actions ---------------------------------------------------------------------------

    def _busy(self, on: bool) -> None:
        for widget in (self.backup_now, self.restore, self.move, self.drop):
            widget.setEnabled(not on)

    def _run(self, work: Callable[[Services], object], done_text: str) -> None:
        self._busy(True)
        show_message(self.message, self.tr("Working…"), ok=True)

        def done(_result: object) -> None:
            self._busy(False)
            show_message(self.message, done_text, ok=True)
            self.refresh()

        def failed(error: Exception) -> None:
            self._busy(False)
            show_message(self.message, messages.for_vault_error(error))
            self.refresh()

        self._session.ops.read(work, done, failed=failed, owner=self)

    def take_backup(self) -> None:
        self._run(lambda s: backups.create_backup(s.vault.engine, s.vault.folder, "manual",
                                                  s.vault.clock.now()),
                  self.tr("Backed up. The copy is encrypted, like your notes."))

    def ask_restore(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Restore a backup?"),
            self.tr("To put back an earlier copy, Porchlight locks first. Then choose the "
                    "backup; what is there now is kept aside, nothing is deleted."),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Ok:
            self.restore_requested.emit()

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Move Porchlight to another computer"), EXPORT_NAME,
            self.tr("Porchlight export (*.porchlight-export)"))
        if not path:
            return
        target = Path(path)
        self._run(lambda s: vault_export.export_vault(s.vault, target), self.tr(
            "Saved {name}. It stays encrypted: on the other computer choose \"I already use "
            "Porchlight\" and open this file with your passphrase.").format(name=target.name))

    def offer_drop(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Remove older backups?"),
            self.tr("Porchlight will take a fresh backup of everything as it is now, then "
                    "remove all the older ones — including anything you deleted since. This "
                    "cannot be undone."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        self._run(lambda s: backup_rotation.replace_backups_with_fresh_one(
                      s.vault, s.vault.clock.now()),
                  self.tr("Older backups removed; one fresh backup is kept."))
