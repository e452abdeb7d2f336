"""`porchlight backup list|create|restore`: backups from the command line, for support and tests.

Nothing from inside the vault is ever printed: only backup names, dates, reasons and sizes.

``porchlight backup list [--data-dir DIR]`` prints one line per backup, newest first:
``NAME  YYYY-MM-DD HH:MM UTC  REASON  SIZE`` (``incomplete`` is added to a backup whose files do
not match its manifest). Needs no passphrase.

``porchlight backup create [--data-dir DIR]`` reads the passphrase from the first line of
standard input, unlocks (migrating first if needed, as the app would), takes a verified backup
of the database and key file, and prints its name.

``porchlight backup restore NAME [--data-dir DIR]`` checks the backup against its manifest and
puts it in place of the current database and key file; those are moved (never deleted) into an
``aside-…`` folder inside the data folder, which is printed. Needs no passphrase (restoring is
what to do when the database or key file is missing or damaged), and refuses while Porchlight
is running on this folder.

Exit codes (shared with ``porchlight vault``):

    0  done
    1  a problem: the backup could not be taken or restored, or it is damaged (the line says
       which kind); nothing was changed
    2  nothing to work on: no vault in the folder (create), or no backup by that name (restore)
    4  wrong passphrase (create)
    5  Porchlight is running on this folder; close it first (restore)
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from app.storage.data_folder import DataFolder

OK, PROBLEM, NOTHING, WRONG_PASSPHRASE, RUNNING = 0, 1, 2, 4, 5


def run_backup_command(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    from app.cli import command_data_dir

    folder = DataFolder(command_data_dir(args))
    if args.backup_command == "list":
        return list_command(folder, out)
    if args.backup_command == "create":
        return create_command(folder, stdin.readline().rstrip("\r\n"), out)
    return restore_command(folder, args.backup, out)


def list_command(folder: DataFolder, out: TextIO) -> int:
    from app.storage.backups import list_backups

    found = list_backups(folder)
    if not found:
        print("no backups", file=out)
    for backup in found:
        line = (f"{backup.name}  {backup.created:%Y-%m-%d %H:%M} UTC  {backup.reason}  "
                f"{_size(backup.size_bytes)}")
        print(line + ("" if backup.complete else "  incomplete"), file=out)
    return OK


def create_command(folder: DataFolder, passphrase: str, out: TextIO) -> int:
    from app.storage import vault
    from app.storage.backups import BackupFailed, clean_incomplete_backups, create_backup

    if not folder.key_file.exists() and not folder.database.exists():
        print("no vault in this folder", file=out)
        return NOTHING
    try:
        opened = vault.unlock(folder, passphrase)
    except vault.WrongPassphrase:
        print("wrong passphrase", file=out)
        return WRONG_PASSPHRASE
    except vault.VaultError as error:
        print(f"cannot open the vault: {_kind(error)}", file=out)
        return PROBLEM
    try:
        clean_incomplete_backups(folder)
        path = create_backup(opened.engine, folder, "manual", dt.datetime.now(dt.UTC))
    except BackupFailed as error:
        print(f"no backup taken: {error.kind}", file=out)
        return PROBLEM
    finally:
        opened.close()
    print(path.name, file=out)
    return OK


def restore_command(folder: DataFolder, name: str, out: TextIO) -> int:
    from app.storage.backup_restore import (
        RestoreFailed,
        clean_restore_leftovers,
        key_file_changed_since,
        restore_backup,
    )
    from app.storage.backups import BackupDamaged, list_backups

    chosen = next((b for b in list_backups(folder) if b.name == name), None)
    if chosen is None:
        print(f"no backup named {name!r}; `porchlight backup list` shows them", file=out)
        return NOTHING
    with _FolderLock(folder) as locked:
        if not locked:
            print("Porchlight is running on this folder; close it first", file=out)
            return RUNNING
        clean_restore_leftovers(folder)
        older_key = key_file_changed_since(folder, chosen)
        try:
            aside = restore_backup(folder, chosen, dt.datetime.now(dt.UTC))
        except BackupDamaged:
            print("not restored: the backup is damaged; nothing was changed", file=out)
            return PROBLEM
        except (RestoreFailed, OSError) as error:
            print(f"not restored: {_kind(error)}; nothing was changed", file=out)
            return PROBLEM
    print(f"restored {chosen.name}", file=out)
    print(f"the previous files are kept in {aside}", file=out)
    if older_key and folder.key_file.exists():
        print(f"unlock with the passphrase in use on {chosen.created:%Y-%m-%d}", file=out)
    return OK


class _FolderLock:
    """Hold Porchlight's own lock file while restoring, so the app cannot start mid-way."""

    def __init__(self, folder: DataFolder) -> None:
        self._folder = folder
        self._lock: Any = None  # a QLockFile once taken (Qt is imported only when needed)

    def __enter__(self) -> bool:
        if not self._folder.root.is_dir():
            return True
        from PySide6.QtCore import QLockFile

        self._lock = QLockFile(str(self._folder.lock_file))
        self._lock.setStaleLockTime(0)
        if self._lock.tryLock(0):
            return True
        running = self._lock.error() == QLockFile.LockError.LockFailedError
        self._lock = None
        return not running

    def __exit__(self, *_exc: object) -> None:
        if self._lock is not None:
            self._lock.unlock()


def _kind(error: BaseException) -> str:
    """A word or two about what went wrong: never the exception's text (it may quote data)."""
    part = getattr(error, "part", None)
    name = type(error).__name__
    return f"{name} ({part})" if part else name


def _size(size_bytes: int) -> str:
    size = float(size_bytes)
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"
