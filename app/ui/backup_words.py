"""How a backup is named to a parent: when it was made, in their language, and why.

Settings → Backups and the restore dialog list the same backups; both word them here, so a
backup reads the same everywhere and the words are translated once.
"""

from __future__ import annotations

from app.storage.backups import BackupInfo
from app.ui.dates import moment_words, size_words
from app.ui.translate import _tr


def backup_moment(info: BackupInfo) -> str:
    """The long date and time in this computer's zone: "Monday, 23 November 2026, 18:00"."""
    return moment_words(info.created)


def reason_words(reason: str) -> str:
    """Why a backup was made (the reasons backups.py and its callers give)."""
    if reason.startswith("before-"):
        return _tr("before an update")
    return {
        "daily": _tr("daily backup"),
        "manual": _tr("made by you"),
        "export": _tr("made to move to another computer"),
        "import": _tr("moved from another computer"),
        "imported": _tr("moved from another computer"),
        "after-delete": _tr("made after deleting"),
    }.get(reason, _tr("backup"))


def backup_title(info: BackupInfo) -> str:
    """The main line: "Monday, 23 November 2026, 18:00 — daily backup"."""
    return _tr("{moment} — {reason}").format(moment=backup_moment(info),
                                             reason=reason_words(info.reason))


def backup_detail(info: BackupInfo) -> str:
    """The small line under it: the size, or why it cannot be used."""
    if not info.complete:
        return _tr("Incomplete, can't be used")
    return size_words(info.size_bytes)


def backup_line(info: BackupInfo) -> str:
    """Title and size on one line, for a plain list."""
    return _tr("{title} ({detail})").format(title=backup_title(info), detail=backup_detail(info))
