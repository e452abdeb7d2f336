"""How a backup is named to a parent: its date in their language and why it was made."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.storage.backups import BackupInfo
from app.ui.dates import moment_words


def reason_words(reason: str) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Backups", text)

    if reason.startswith("before-"):
        return tr("before an update")
    return {
        "daily": tr("daily backup"),
        "manual": tr("made by you"),
        "export": tr("made to move to another computer"),
        "import": tr("brought from another computer"),
        "after-delete": tr("made after deleting"),
    }.get(reason, tr("backup"))


def backup_line(info: BackupInfo) -> str:
    when = moment_words(info.created)
    size = QLocale.system().formattedDataSize(info.size_bytes)
    return QCoreApplication.translate("Backups", "{when} — {why} ({size})").format(
        when=when, why=reason_words(info.reason), size=size)
