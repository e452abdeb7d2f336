"""Putting a backup back: the current files are moved aside first, never deleted.

Restoring is what a parent does when the database or key file is missing or damaged, so it
opens nothing: it checks the backup's files against its manifest (size and sha256), copies them
into the data folder under temporary names (flushed to disk), moves whatever is there now —
``porchlight.db``, its ``-wal`` and ``-shm``, ``porchlight.key`` — into a new
``aside-<moment>/`` folder, and only then renames the copies into place. A full disk fails
during the copy, before anything was moved. The vault must be closed (locked) while this runs.

The passphrase that opens a restored vault is the one in use when the backup was taken (the
key file is restored with the database); :func:`key_file_changed_since` tells the caller
whether to say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

from app.storage.backups import (
    DATABASE,
    KEY_FILE,
    BackupInfo,
    copy_synced,
    sync_folder,
    verify_backup,
)
from app.storage.data_folder import DataFolder, make_private_dir

_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%SZ"
TEMP_PREFIX = ".restoring-"


class RestoreFailed(Exception):
    """Nothing was restored; the current files are where they were."""


def current_files(folder: DataFolder) -> list[Path]:
    """The vault's own files as they are now (the ones a restore moves aside)."""
    database = folder.database
    candidates = [database, database.with_name(database.name + "-wal"),
                  database.with_name(database.name + "-shm"), folder.key_file]
    return [path for path in candidates if path.exists() or path.is_symlink()]


def restore_backup(folder: DataFolder, backup: BackupInfo, now: dt.datetime) -> Path:
    """Put ``backup`` in place of the current files; return the folder they were moved to."""
    verify_backup(backup.path)  # raises BackupDamaged, before anything is touched
    aside = _aside_folder(folder, now)
    install_files(folder, backup.path, aside)
    return aside


def install_files(folder: DataFolder, backup: Path, aside: Path | None) -> None:
    """Copy a verified backup's database and key file into the folder.

    The current files are moved into ``aside``; with ``aside=None`` there must be none.
    """
    sources = {DATABASE: backup / DATABASE, KEY_FILE: backup / KEY_FILE}
    make_private_dir(folder.root)
    temps = {name: folder.root / f"{TEMP_PREFIX}{name}" for name in sources}
    try:
        for name, source in sources.items():
            temps[name].unlink(missing_ok=True)
            copy_synced(source, temps[name])
    except BaseException as error:
        _remove(temps.values())
        if isinstance(error, OSError):
            raise RestoreFailed("The backup could not be copied into the data folder "
                                f"({type(error).__name__}); nothing was changed.") from error
        raise
    present = current_files(folder)
    if present and aside is None:
        _remove(temps.values())
        raise RestoreFailed("The data folder already holds a vault; nothing was changed.")
    if aside is not None:
        moved: list[Path] = []
        try:
            make_private_dir(aside)
            for path in present:
                os.rename(path, aside / path.name)
                moved.append(path)
            sync_folder(aside)
        except OSError as error:
            for path in moved:  # put back what was moved, so the folder is as it was
                with contextlib.suppress(OSError):
                    os.rename(aside / path.name, path)
            _remove(temps.values())
            raise RestoreFailed("The current files could not be moved aside "
                                f"({type(error).__name__}); nothing was changed.") from error
    # The database goes first and the key file last: the key file marks a finished vault.
    for name in sorted(temps, key=lambda n: n == KEY_FILE):
        os.rename(temps[name], folder.root / name)
    sync_folder(folder.root)


def key_file_changed_since(folder: DataFolder, backup: BackupInfo) -> bool:
    """Whether the current key file differs from the backup's (e.g. a new passphrase)."""
    try:
        return folder.key_file.read_bytes() != (backup.path / KEY_FILE).read_bytes()
    except OSError:
        return True


def clean_restore_leftovers(folder: DataFolder) -> None:
    """Remove temporary copies left by an interrupted restore (never a real file)."""
    if folder.root.is_dir():
        _remove(path for path in folder.root.glob(f"{TEMP_PREFIX}*") if path.is_file())


def _aside_folder(folder: DataFolder, now: dt.datetime) -> Path:
    base = folder.root / f"aside-{now.astimezone(dt.UTC).strftime(_STAMP_FORMAT)}"
    target, counter = base, 1
    while target.exists():
        counter += 1
        target = base.with_name(f"{base.name}~{counter}")
    return target


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
