"""Encrypted copies of the database, taken through SQLite itself.

A live database is never copied file by file (a copy taken mid-write can be torn); ``VACUUM
INTO`` writes a consistent copy, encrypted with the same key, in one statement. The backup is
checked for integrity first so a damaged file is not copied over a good backup.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from app.storage.data_folder import make_private_dir, make_private_file


class BackupRefused(Exception):
    """The database failed its integrity check, so no backup was taken."""


def take_backup(engine: Engine, folder: Path, reason: str, now: dt.datetime) -> Path:
    make_private_dir(folder)
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = folder / f"porchlight-{stamp}-{reason}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"porchlight-{stamp}-{reason}-{counter}.db"
    # VACUUM cannot run inside a transaction, so use the driver connection directly (it is in
    # autocommit mode; see engine.py).
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        result = str(cursor.execute("PRAGMA integrity_check").fetchone()[0])
        if result != "ok":
            raise BackupRefused(result)
        cursor.execute("VACUUM INTO ?", (str(target),))
        cursor.close()
    finally:
        raw.close()
    make_private_file(target)
    return target


def list_backups(folder: Path) -> list[Path]:
    if not folder.exists():
        return []
    return sorted(folder.glob("porchlight-*.db"))
