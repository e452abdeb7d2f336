"""Moving a family to another computer: the whole vault as one file, and reading it back.

An export is a zip (stored, not compressed: encrypted bytes do not compress) holding the three
files of a verified backup: ``porchlight.db`` (SQLCipher), ``porchlight.key`` (the data key,
wrapped by the passphrase and the recovery code) and ``manifest.json``. It is therefore already
encrypted; opening it needs the passphrase or recovery code. It is written under a temporary
name next to the target and renamed when complete.

Importing only ever fills a *new* data folder: one that holds a database or key file is refused.
The export is unpacked into ``backups/`` as an ordinary backup (so the new computer starts with
one), checked against its manifest, and then copied into place, key file last.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.storage.backup_restore import RestoreFailed, current_files, install_files
from app.storage.backups import (
    DATABASE,
    FORMAT,
    INCOMPLETE_PREFIX,
    KEY_FILE,
    MANIFEST,
    BackupDamaged,
    backup_name,
    create_backup,
    sync_folder,
    verify_backup,
)
from app.storage.data_folder import DataFolder, make_private_dir, make_private_file

if TYPE_CHECKING:
    from app.storage.vault import OpenVault

EXTENSION = ".porchlight-export"
_MEMBERS = (MANIFEST, DATABASE, KEY_FILE)


class ExportDamaged(Exception):
    """The file is not a Porchlight export, or its contents do not match their manifest."""


class ImportRefused(Exception):
    """The data folder already holds a vault, so nothing was imported."""


@dataclass(frozen=True)
class ExportInfo:
    created: dt.datetime
    app_version: str
    schema_revision: str | None
    size_bytes: int


def export_vault(vault: OpenVault, target: Path) -> Path:
    """Write the vault to ``target`` (``.porchlight-export`` is added if missing)."""
    if not target.name.endswith(EXTENSION):
        target = target.with_name(target.name + EXTENSION)
    backup = create_backup(vault.engine, vault.folder, "export", vault.clock.now())
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
                for name in _MEMBERS:
                    archive.write(backup / name, arcname=name)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    make_private_file(target)
    sync_folder(target.parent)
    return target


def inspect_export(path: Path) -> ExportInfo:
    """Check an export against its manifest and say what it holds (no secret needed)."""
    manifest = _read_checked(path)
    return ExportInfo(dt.datetime.fromisoformat(manifest["created"]),
                      str(manifest.get("app_version", "")), manifest.get("schema_revision"),
                      path.stat().st_size)


def import_vault(source: Path, folder: DataFolder) -> Path:
    """Fill a new data folder from an export; return the backup it was unpacked into."""
    if current_files(folder):
        raise ImportRefused("This data folder already holds a Porchlight vault.")
    manifest = _read_checked(source)
    make_private_dir(folder.root)
    make_private_dir(folder.backups)
    created = dt.datetime.fromisoformat(manifest["created"])
    name = backup_name(created, "imported")
    temp = folder.backups / f"{INCOMPLETE_PREFIX}{name}-{secrets.token_hex(4)}"
    try:
        make_private_dir(temp)
        with zipfile.ZipFile(source) as archive:
            for member in _MEMBERS:
                fd = os.open(temp / member, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out, archive.open(member) as data:
                    shutil.copyfileobj(data, out, 1 << 20)
                    out.flush()
                    os.fsync(out.fileno())
        verify_backup(temp)
        sync_folder(temp)
        final = folder.backups / name
        if final.exists():
            final = folder.backups / f"{name}~{secrets.token_hex(2)}"
        os.rename(temp, final)
        sync_folder(folder.backups)
    except BaseException as error:
        shutil.rmtree(temp, ignore_errors=True)
        if isinstance(error, BackupDamaged):
            raise ExportDamaged(str(error)) from error
        raise
    try:
        install_files(folder, final, aside=None)
    except RestoreFailed as error:
        raise ImportRefused(str(error)) from error
    return final


def _read_checked(path: Path) -> dict[str, Any]:
    """The manifest of an export whose members all match it (sizes and sha256)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if not set(_MEMBERS) <= set(archive.namelist()):
                raise ExportDamaged("This file is not a Porchlight export.")
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise ExportDamaged("This export was made by a version this one cannot read.")
            for name in (DATABASE, KEY_FILE):
                expected = manifest["files"][name]
                if _member_digest(archive, name) != (expected["size"], expected["sha256"]):
                    raise ExportDamaged("The export's files have changed since it was made.")
            dt.datetime.fromisoformat(manifest["created"])
            return manifest
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError) as error:
        raise ExportDamaged("This file is not a Porchlight export, or it is damaged.") from error


def _member_digest(archive: zipfile.ZipFile, name: str) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with archive.open(name) as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()
