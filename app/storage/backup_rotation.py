"""When to take an automatic backup, and which old backups to remove.

The dates are decided by the pure rule in :mod:`app.core.backup_retention`; this module only
applies it to the folders :mod:`app.storage.backups` recognises. Nothing else in ``backups/`` is
ever touched, an incomplete backup is never counted as one, and the newest good backup is never
removed, not even by the "drop older backups" offer made to a parent after a deletion (deleted
words stay in backups until those age out; the offer lets the parent make that happen now).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.backup_retention import Dated, backups_to_keep, is_due
from app.storage.backups import (
    BackupInfo,
    clean_incomplete_backups,
    create_backup,
    delete_backup,
    list_backups,
)
from app.storage.data_folder import DataFolder

if TYPE_CHECKING:
    from app.storage.vault import OpenVault

DAILY = "daily"


def backup_if_due(vault: OpenVault, now: dt.datetime, zone: dt.tzinfo | None = None) -> Path | None:
    """Take today's automatic backup if there is none yet, then prune; None if not due.

    Safe to call after every unlock and from a daily timer (on the database worker thread):
    at most one automatic backup is taken per calendar day in ``zone`` (default: this
    computer's zone).
    """
    zone = zone or _local_zone()
    folder = vault.folder
    clean_incomplete_backups(folder)
    last = next((b.created for b in list_backups(folder) if b.complete and b.reason == DAILY),
                None)
    if not is_due(last, now, zone):
        return None
    path = create_backup(vault.engine, folder, DAILY, now)
    prune_backups(folder, now, zone)
    return path


def prune_backups(folder: DataFolder, now: dt.datetime,
                  zone: dt.tzinfo | None = None) -> list[BackupInfo]:
    """Remove the backups the retention rule lets go; return what was removed.

    Incomplete backups (a missing or mismatched manifest) are left for a person to look at:
    the rule only counts, and only removes, complete ones.
    """
    complete = [b for b in list_backups(folder) if b.complete]
    keep = backups_to_keep([Dated(b.path, b.created, b.before_migration) for b in complete],
                           now, zone or _local_zone())
    removed = [b for b in complete if b.path not in keep]
    for backup in removed:
        delete_backup(backup)
    return removed


def drop_backups_older_than(folder: DataFolder, when: dt.datetime) -> list[BackupInfo]:
    """Remove complete backups taken before ``when`` (the newest one always stays)."""
    complete = [b for b in list_backups(folder) if b.complete]
    removed = [b for b in complete[1:] if b.created < when]
    for backup in removed:
        delete_backup(backup)
    return removed


def drop_all_but_latest(folder: DataFolder) -> list[BackupInfo]:
    """Keep only the newest complete backup (e.g. right after a backup taken post-deletion)."""
    complete = [b for b in list_backups(folder) if b.complete]
    for backup in complete[1:]:
        delete_backup(backup)
    return complete[1:]


def _local_zone() -> dt.tzinfo:
    zone = dt.datetime.now().astimezone().tzinfo
    return zone or dt.UTC


def replace_backups_with_fresh_one(vault: OpenVault, now: dt.datetime) -> Path:
    """After a deletion: take a backup without the deleted words, then drop every older one."""
    path = create_backup(vault.engine, vault.folder, "after-delete", now)
    for backup in list_backups(vault.folder):
        if backup.complete and backup.path != path:
            delete_backup(backup)
    return path
