"""Backups that are always good: the database and its key file together, verified, then named.

A backup is one folder under ``backups/``, named for its moment and reason
(``2026-11-29T18-00-00Z-daily``), holding ``porchlight.db``, ``porchlight.key`` and a small
``manifest.json`` (created, reason, app version, schema revision, size and sha256 of each file).
The database alone is useless without its key file, and the key file alone holds no notes, so
they are only ever kept together.

How a backup is written, so that a crash, a kill or a full disk never leaves a folder that looks
like a good backup:

1. everything is written inside ``.incomplete-<name>-<random>/`` (a name no listing accepts);
2. the database is copied with ``VACUUM INTO`` (a consistent copy, encrypted with the same key;
   a live database file is never copied byte by byte);
3. the copy is attached with the same key and must pass ``PRAGMA integrity_check`` (and FTS5's
   own check for any full-text table), which proves it is readable with this vault's key;
4. the key file is copied, the manifest written last, every file and the folder fsynced;
5. only then is the folder renamed to its final name, and ``backups/`` fsynced.

Any failure removes the temporary folder; temporary folders left by a kill are removed by
:func:`clean_incomplete_backups` at the next start. Only folders whose names this module
recognises are ever listed or removed; anything else in ``backups/`` is left alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Engine

from app import __version__
from app.storage.atomic_file import sync_folder
from app.storage.data_folder import DataFolder, make_private_dir, make_private_file

MANIFEST = "manifest.json"
DATABASE = "porchlight.db"
KEY_FILE = "porchlight.key"
FORMAT = 1
INCOMPLETE_PREFIX = ".incomplete-"
_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%SZ"
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)-([a-z0-9_-]{1,60}?)(?:~(\d+))?$")
_REASON_CHARS = re.compile(r"[^a-z0-9_-]+")
_CHUNK = 1 << 20
_one_at_a_time = threading.Lock()


class BackupFailed(Exception):
    """No backup was taken; nothing was left behind. ``kind`` says why, in one word.

    kinds: ``disk-full``, ``permission``, ``damaged`` (the database failed its check),
    ``no-key-file``, ``other``. Messages never hold vault contents.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class BackupDamaged(Exception):
    """A backup's files do not match its manifest (or it has none), so it is not used."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # aware, UTC
    reason: str
    size_bytes: int
    complete: bool

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def before_migration(self) -> bool:
        return self.reason.startswith("before-")


def backup_name(created: dt.datetime, reason: str) -> str:
    clean = _REASON_CHARS.sub("-", reason.lower()).strip("-")[:60] or "backup"
    return f"{created.astimezone(dt.UTC).strftime(_STAMP_FORMAT)}-{clean}"


def create_backup(engine: Engine, folder: DataFolder, reason: str, now: dt.datetime) -> Path:
    """Take a verified backup of the open database and its key file; return its folder."""
    if not folder.key_file.is_file():
        raise BackupFailed("no-key-file", "The key file is missing, so no backup was taken.")
    with _one_at_a_time:
        make_private_dir(folder.backups)
        name = backup_name(now, reason)
        temp = folder.backups / f"{INCOMPLETE_PREFIX}{name}-{secrets.token_hex(4)}"
        try:
            make_private_dir(temp)
            _copy_database(engine, temp / DATABASE)
            _verify_copy(engine, temp / DATABASE)
            _copy_file(folder.key_file, temp / KEY_FILE)
            revision = _revision(engine)
            _write_manifest(temp, now, reason, revision)
            _sync(temp)
            final = _free_name(folder.backups, name)
            os.rename(temp, final)
            _sync(folder.backups)
        except BaseException as error:
            shutil.rmtree(temp, ignore_errors=True)
            if isinstance(error, BackupFailed) or not isinstance(error, Exception):
                raise
            raise _explain(error) from error
        return final


def take_backup(engine: Engine, backups: Path, reason: str, now: dt.datetime) -> Path:
    """Older call: ``backups`` is the data folder's ``backups``; returns the backup's database.

    Kept so existing callers work; new code calls :func:`create_backup` (which returns the
    backup's folder).
    """
    return create_backup(engine, DataFolder(backups.parent), reason, now) / DATABASE


def list_backups(folder: DataFolder) -> list[BackupInfo]:
    """Every backup this module recognises, newest first (no file contents are read)."""
    if not folder.backups.is_dir():
        return []
    found = []
    for path in folder.backups.iterdir():
        info = read_info(path)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda info: (info.created, info.name), reverse=True)


def read_info(path: Path) -> BackupInfo | None:
    """What a backup folder says about itself, or None if it is not one of ours."""
    match = _NAME.match(path.name)
    if match is None or not path.is_dir() or path.is_symlink():
        return None
    created = dt.datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=dt.UTC)
    reason, size, complete = match.group(2), 0, False
    try:
        manifest = read_manifest(path)
        reason = str(manifest.get("reason", reason))
        files = manifest["files"]
        sizes = [(path / name).stat().st_size for name in (DATABASE, KEY_FILE)]
        size = sum(sizes)
        complete = sizes == [int(files[DATABASE]["size"]), int(files[KEY_FILE]["size"])]
    except (OSError, ValueError, KeyError, TypeError, BackupDamaged):
        complete = False
    return BackupInfo(path, created, reason, size, complete)


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupDamaged("the backup's manifest cannot be read") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupDamaged("the backup's manifest is not one this version understands")
    return manifest


def verify_backup(path: Path) -> dict[str, Any]:
    """Check both files against the manifest's sizes and sha256; return the manifest."""
    manifest = read_manifest(path)
    for name in (DATABASE, KEY_FILE):
        try:
            expected = manifest["files"][name]
            size, digest = file_digest(path / name)
        except (KeyError, TypeError) as error:
            raise BackupDamaged(f"the manifest does not describe {name}") from error
        except OSError as error:
            raise BackupDamaged(f"{name} is missing from the backup") from error
        if size != expected.get("size") or digest != expected.get("sha256"):
            raise BackupDamaged(f"{name} in the backup has changed since it was taken")
    return manifest


def clean_incomplete_backups(folder: DataFolder) -> int:
    """Remove temporary folders left by an interrupted backup; return how many went."""
    if not folder.backups.is_dir():
        return 0
    removed = 0
    for path in folder.backups.iterdir():
        if path.name.startswith(INCOMPLETE_PREFIX) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def delete_backup(info: BackupInfo) -> None:
    """Remove one backup folder this module wrote (checked again by name before removing)."""
    if read_info(info.path) is None:
        raise ValueError("not a Porchlight backup")
    shutil.rmtree(info.path)


def file_digest(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def copy_synced(source: Path, target: Path) -> None:
    """Copy a file to a new private file and flush it to disk."""
    with source.open("rb") as reading, _private_writer(target) as writing:
        shutil.copyfileobj(reading, writing, _CHUNK)
        writing.flush()
        os.fsync(writing.fileno())


# -- the steps (module functions, so tests can make each one fail) --------------------------


def _copy_database(engine: Engine, target: Path) -> None:
    raw = engine.raw_connection()  # autocommit: VACUUM cannot run in a transaction
    try:
        cursor = raw.cursor()
        cursor.execute("VACUUM INTO ?", (str(target),))
        cursor.close()
    finally:
        raw.close()
    make_private_file(target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _verify_copy(engine: Engine, copy: Path) -> None:
    """Attach the copy with the vault's own key and run SQLite's full checks on it."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS backup_check", (str(copy),))
        try:
            result = [str(row[0]) for row in cursor.execute("PRAGMA backup_check.integrity_check")]
            if result != ["ok"]:
                raise BackupFailed("damaged", "The database failed its check; no backup taken.")
            fts = [str(row[0]) for row in cursor.execute(
                "SELECT name FROM backup_check.sqlite_master WHERE type = 'table' "
                "AND lower(sql) LIKE 'create virtual table%using fts5%'")]
            for table in fts:
                cursor.execute(f'INSERT INTO backup_check."{table}"("{table}") '
                               "VALUES ('integrity-check')")
        finally:
            cursor.execute("DETACH DATABASE backup_check")
            cursor.close()
    finally:
        raw.close()


def _copy_file(source: Path, target: Path) -> None:
    copy_synced(source, target)


def _revision(engine: Engine) -> str | None:
    from app.storage.schema import current_revision

    return current_revision(engine)


def _write_manifest(temp: Path, now: dt.datetime, reason: str, revision: str | None) -> None:
    files = {}
    for name in (DATABASE, KEY_FILE):
        size, digest = file_digest(temp / name)
        files[name] = {"size": size, "sha256": digest}
    manifest = {"format": FORMAT, "created": now.astimezone(dt.UTC).isoformat(),
                "reason": _REASON_CHARS.sub("-", reason.lower()).strip("-") or "backup",
                "app_version": __version__, "schema_revision": revision, "files": files}
    with _private_writer(temp / MANIFEST) as handle:
        handle.write(json.dumps(manifest, indent=2).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def _sync(folder: Path) -> None:
    sync_folder(folder)


def _free_name(backups: Path, name: str) -> Path:
    target, counter = backups / name, 1
    while target.exists():
        counter += 1
        target = backups / f"{name}~{counter}"
    return target


@contextlib.contextmanager
def _private_writer(path: Path) -> Iterator[BinaryIO]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        yield handle


def _explain(error: Exception) -> BackupFailed:
    """Turn what went wrong into a BackupFailed with plain words (never row values)."""
    text = str(error).lower()
    if (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "disk is full" in text \
            or "database or disk is full" in text:
        return BackupFailed("disk-full", "There is not enough free space for a backup. "
                                         "Nothing was changed; free some space and try again.")
    if isinstance(error, PermissionError) or "readonly" in text or "read-only" in text:
        return BackupFailed("permission", "Porchlight may not write in the backups folder. "
                                          "Nothing was changed.")
    return BackupFailed("other", f"The backup could not be taken ({type(error).__name__}). "
                                 "Nothing was changed.")
