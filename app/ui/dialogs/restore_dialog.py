"""Restore from a backup: the backups listed by date, one chosen, confirmed, and put back.

A parent meets this dialog when the key file or the notes file is missing or damaged, so it
only ever runs while Porchlight is locked (a restore needs the vault closed). Backups are named
by when they were made, in this computer's zone and language, and why ("daily backup", "made by
you"); a file path is never the main text. Nothing is deleted by a restore: what is in the
folder now is moved into an ``aside-…`` folder first (``app.storage.backup_restore``), and the
confirmation says so before anything happens. The copy runs on a background thread, so the
window stays responsive for a large vault.

A damaged backup is refused with its date named, and the list stays so another can be chosen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.storage import backup_restore
from app.storage.backup_restore import RestoreFailed, key_file_changed_since, restore_backup
from app.storage.backups import BackupDamaged, BackupInfo, list_backups
from app.storage.data_folder import DataFolder
from app.ui import messages
from app.ui.background import run_in_background
from app.ui.backup_words import backup_detail, backup_moment, backup_title
from app.ui.theme import current_colors
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label


@dataclass(frozen=True)
class RestoreOutcome:
    """What a finished restore did, for whoever shows the confirmation afterwards."""

    backup: BackupInfo
    aside: Path  # where the files that were there before now are
    passphrase_changed: bool  # the key file differs: the passphrase of that day opens it
    summary: str  # the words a parent reads


class RestoreDialog(QDialog):
    restored = Signal(object)  # RestoreOutcome

    def __init__(self, folder: DataFolder, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(560)
        self._folder, self._clock = folder, clock
        self._busy = False
        self.outcome: RestoreOutcome | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Restore from a backup"), "sectionTitle"))
        self.backups = list_backups(folder)
        self.intro = body_label(self.tr(
            "Choose the backup to put back. Porchlight makes one each day you use it; the "
            "newest is at the top."), name="restoreIntro")
        self.empty_note = body_label(self.tr(
            "Porchlight hasn't made a backup in this folder yet, so there is nothing to restore "
            "from here. Nothing has been changed. If you have a copy of your Porchlight folder "
            "(on a USB stick, another computer or an online backup), copy porchlight.db and "
            "porchlight.key from it into this folder, then start Porchlight again. If you have "
            "an export file from Porchlight, it can bring your notes back when Porchlight is "
            "set up in a new, empty folder."), name="noBackupsMessage")
        self.empty_note.setAccessibleName(self.tr("No backups yet"))
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        colors = current_colors()  # a light selection, so the row's own labels stay readable
        self.list.setStyleSheet(
            f"QListWidget#backupList::item:selected {{ background: {colors.selection}; }}")
        self._fill_list()
        layout.addWidget(self.intro)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.list, 1)
        self.message = message_label("restoreMessage")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = button(self.tr("Close"), "restoreClose")
        self.close_button.setAccessibleName(self.tr("Close restore from a backup"))
        self.close_button.clicked.connect(self.reject)
        self.restore_button = button(self.tr("Restore this backup"), "restoreThisBackup",
                                     primary=True)
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.close_button)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        has_any = bool(self.backups)
        self.intro.setVisible(has_any)
        self.list.setVisible(has_any)
        self.restore_button.setVisible(has_any)
        self.empty_note.setVisible(not has_any)
        self.list.currentRowChanged.connect(self._selection_changed)
        self._selection_changed(self.list.currentRow())

    def _fill_list(self) -> None:
        first_usable = -1
        for index, info in enumerate(self.backups):
            title, detail = backup_title(info), backup_detail(info)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("{title}, {detail}").format(title=title, detail=detail))
            if not info.complete:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            elif first_usable < 0:
                first_usable = index
            self.list.addItem(item)
            shown = _BackupRow(title, detail)
            shown.ensurePolished()
            hint = shown.sizeHint()  # plus the list's own item padding (theme: 6px each side)
            item.setSizeHint(QSize(hint.width(), hint.height() + 14))
            self.list.setItemWidget(item, shown)
        self.list.setCurrentRow(first_usable)

    def _selection_changed(self, row: int) -> None:
        usable = 0 <= row < len(self.backups) and self.backups[row].complete
        self.restore_button.setEnabled(usable and not self._busy)

    def selected_backup(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or self._busy or not info.complete:
            return
        now = self._clock.now()
        if not self._confirm(info, now):
            return
        self._set_busy(True)
        folder = self._folder

        def restore() -> tuple[Path, bool]:
            changed = key_file_changed_since(folder, info)  # before: afterwards they match
            return restore_backup(folder, info, now), changed

        run_in_background(restore, lambda result: self._restored(info, result),
                          lambda error: self._failed(info, error))

    def _confirm(self, info: BackupInfo, now: dt.datetime) -> bool:
        # The same moment is handed to the restore, so the folder named here is the one used.
        aside = backup_restore._aside_folder(self._folder, now).name
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore this backup?"), self.tr(
            "Porchlight will put back your notes as they were on {date}. What is there now is "
            "kept aside in a folder named {aside}, nothing is deleted.").format(
                date=backup_moment(info), aside=aside), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmRestoreBox")
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirmRestore")
        yes.setAccessibleName(self.tr("Restore the backup from {date}").format(
            date=backup_moment(info)))
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("cancelRestore")
        no.setAccessibleName(self.tr("Cancel the restore"))
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.list.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.restore_button.setText(self.tr("Restoring…") if busy else self.tr(
            "Restore this backup"))
        self._selection_changed(self.list.currentRow())
        if busy:
            show_message(self.message, "")

    def _restored(self, info: BackupInfo, result: tuple[Path, bool]) -> None:
        aside, changed = result
        self._set_busy(False)
        date = backup_moment(info)
        summary = self.tr(
            "Your notes are back as they were on {date}. What was there before is kept in the "
            "folder {aside}; nothing was deleted.").format(date=date, aside=aside.name)
        if changed:
            summary += " " + self.tr("Use the passphrase you had on {date}.").format(date=date)
        self.outcome = RestoreOutcome(info, aside, changed, summary)
        show_message(self.message, summary, ok=True)
        self.accept()
        self.restored.emit(self.outcome)

    def _failed(self, info: BackupInfo, error: Exception) -> None:
        self._set_busy(False)
        date = backup_moment(info)
        if isinstance(error, BackupDamaged):
            text = self.tr(
                "The backup from {date} is damaged, so Porchlight didn't use it. Nothing has "
                "been changed. Please choose another backup.").format(date=date)
        elif isinstance(error, RestoreFailed):
            text = self.tr(
                "Porchlight couldn't put back the backup from {date}: its files couldn't be "
                "copied into Porchlight's folder (the disk may be full, or the folder may be "
                "read-only). Nothing has been changed. Free some space or check the folder, then "
                "try again.").format(date=date)
        else:
            text = messages.for_vault_error(error)
        show_message(self.message, text)

    def reject(self) -> None:
        if not self._busy:  # a restore under way finishes first; it takes seconds
            super().reject()


class _BackupRow(QWidget):
    """One backup in the list: the date and reason, and the size in small muted text."""

    def __init__(self, title: str, detail: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        self.title = QLabel(title)
        self.title.setObjectName("backupTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = body_label(detail, muted=True, name="backupDetail")
        self.detail.setWordWrap(False)
        font = self.detail.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        self.detail.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
