"""After a deletion: deleted words stay in backups until those age out — say so, offer more.

A parent who deletes an entry or a child may expect it gone everywhere. Porchlight's daily
backups still hold it for up to a year, so right after a deletion the parent is told plainly and
offered the choice to replace every older backup with one fresh copy taken now. The backups are
looked at and replaced on the database worker; this module holds nothing of the vault.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from app.storage import backup_rotation, backups
from app.ui.translate import _tr


def offer_to_drop_backups(parent: QWidget, ops: Any) -> None:
    """Ask once, if any backup holds the deleted words; replace them if the parent agrees."""
    ops.read(lambda s: any(b.complete for b in backups.list_backups(s.vault.folder)),
             lambda found: _ask(parent, ops) if found and shiboken6.isValid(parent) else None,
             owner=parent)


def _ask(parent: QWidget, ops: Any) -> None:
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
    if box.clickedButton() is drop:
        ops.read(lambda s: backup_rotation.replace_backups_with_fresh_one(
            s.vault, s.vault.clock.now()), owner=parent)
