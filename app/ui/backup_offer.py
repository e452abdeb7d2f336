"""After a deletion: deleted words stay in backups until those age out — say so, offer more.

A parent who deletes an entry or a child may expect it gone everywhere. Porchlight's daily
backups still hold it for up to a year, so right after a deletion the parent is told plainly and
offered the choice to replace every older backup with one fresh copy taken now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.storage import backup_rotation, backups
from app.ui import messages
from app.ui.background import run_in_background


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupOffer", text)


def offer_to_drop_backups(parent: QWidget, vault: Any) -> bool:
    """Ask once; True if the parent chose to replace the older backups (done off-thread)."""
    if not any(b.complete for b in backups.list_backups(vault.folder)):
        return False  # nothing holds the deleted words
    box = QMessageBox(QMessageBox.Icon.Information, _tr("Deleted"), _tr(
        "Deleted from Porchlight. Copies of it stay in Porchlight's encrypted backups until they "
        "age out (up to a year). Remove the older backups now? One fresh backup of everything "
        "as it is now is kept."), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("dropBackupsOffer")
    drop = box.addButton(_tr("Remove older backups"), QMessageBox.ButtonRole.DestructiveRole)
    drop.setObjectName("dropOlderBackups")
    keep = box.addButton(_tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepOlderBackups")
    box.setDefaultButton(keep)
    box.exec()
    if box.clickedButton() is not drop:
        return False
    now = vault.clock.now()

    def failed(error: Exception) -> None:
        if parent is not None and parent.isVisible():
            QMessageBox.warning(parent, _tr("Backups not changed"),
                                messages.for_vault_error(error))

    run_in_background(lambda: backup_rotation.replace_backups_with_fresh_one(vault, now),
                      lambda _path: None, failed)
    return True
