"""The vault: creating, unlocking and recovering the family's encrypted database.

Everything that touches keys goes through here. Unlocking checks the passphrase against the key
file *before* the database is opened, so a wrong passphrase changes nothing on disk; a key file
or database that cannot be read is reported as damaged, in different words.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock, SystemClock
from app.storage import schema
from app.storage.backups import take_backup
from app.storage.data_folder import DataFolder
from app.storage.engine import DatabaseError, open_engine, quick_check, session_factory
from app.storage.key_derivation import KEY_BYTES, KdfParams, calibrate
from app.storage.key_file import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyFile,
    KeyFileDamaged,
    WrongSecret,
)


class VaultError(Exception):
    """Base of everything that can stop the vault from opening."""


class WrongPassphrase(VaultError):
    """The passphrase does not open this vault."""


class WrongRecoveryCode(VaultError):
    """The recovery code does not open this vault."""


class DamagedVault(VaultError):
    """The key file or the database cannot be read; ``part`` says which."""

    def __init__(self, part: str, detail: str = "") -> None:
        super().__init__(f"{part}: {detail}")
        self.part = part


class NewerVault(VaultError):
    """The database was written by a newer Porchlight."""


class AlreadySetUp(VaultError):
    """Setup was asked for in a folder that already holds a vault."""


@dataclass
class OpenVault:
    """An unlocked vault: the engine and sessions the stores use, and the key to rewrap."""

    folder: DataFolder
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    _key_file: KeyFile
    _data_key: bytes = field(repr=False)

    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the data key under a new passphrase; the database is not re-encrypted."""
        self._key_file = self._key_file.with_slot(PASSPHRASE_SLOT, self._data_key, new_passphrase)
        self._key_file.write(self.folder.key_file)

    def backup(self, reason: str) -> Path:
        path = take_backup(self.engine, self.folder.backups, reason, self.clock.now())
        self.folder.tighten_permissions()
        return path

    def close(self) -> None:
        self.engine.dispose()


def create(folder: DataFolder, passphrase: str, recovery_code: str,
           params: KdfParams | None = None, clock: Clock | None = None) -> OpenVault:
    """Set up a new vault. The key file is written last: it marks setup as finished."""
    if folder.is_set_up():
        raise AlreadySetUp(str(folder.root))
    folder.prepare()
    for leftover in (folder.database, *_sidecars(folder.database)):
        leftover.unlink(missing_ok=True)  # an earlier setup that never finished
    data_key = secrets.token_bytes(KEY_BYTES)
    key_file = KeyFile.new(data_key, passphrase, recovery_code, params or calibrate())
    opened = _open(folder, key_file, data_key, clock or SystemClock())
    key_file.write(folder.key_file)
    folder.tighten_permissions()
    return opened


def unlock(folder: DataFolder, passphrase: str, clock: Clock | None = None) -> OpenVault:
    key_file = _read_key_file(folder)
    try:
        data_key = key_file.unwrap(passphrase, PASSPHRASE_SLOT)
    except WrongSecret as error:
        raise WrongPassphrase() from error
    except KeyFileDamaged as error:
        raise DamagedVault("key file", str(error)) from error
    return _open(folder, key_file, data_key, clock or SystemClock())


def recover(folder: DataFolder, recovery_code: str, new_passphrase: str,
            clock: Clock | None = None) -> OpenVault:
    """Open with the recovery code and set a new passphrase (the old one stops working)."""
    key_file = _read_key_file(folder)
    try:
        data_key = key_file.unwrap(recovery_code, RECOVERY_SLOT)
    except WrongSecret as error:
        raise WrongRecoveryCode() from error
    except KeyFileDamaged as error:
        raise DamagedVault("key file", str(error)) from error
    opened = _open(folder, key_file, data_key, clock or SystemClock())
    opened.change_passphrase(new_passphrase)
    return opened


def _read_key_file(folder: DataFolder) -> KeyFile:
    try:
        return KeyFile.read(folder.key_file)
    except KeyFileDamaged as error:
        raise DamagedVault("key file", str(error)) from error


def _sidecars(database: Path) -> tuple[Path, Path]:
    return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")


def _open(folder: DataFolder, key_file: KeyFile, data_key: bytes, clock: Clock) -> OpenVault:
    is_new = not folder.database.exists()
    if not is_new and folder.database.stat().st_size == 0:
        raise DamagedVault("database", "the file is empty")
    engine = open_engine(folder.database, data_key)
    try:
        if not is_new:
            result = quick_check(engine)
            if result != "ok":
                raise DamagedVault("database", result)
        schema.upgrade(engine, folder.backups, clock.now())
    except DatabaseError as error:
        engine.dispose()
        raise DamagedVault("database", str(error)) from error
    except schema.NewerDatabase as error:
        engine.dispose()
        raise NewerVault(str(error)) from error
    except VaultError:
        engine.dispose()
        raise
    folder.tighten_permissions()
    return OpenVault(folder, engine, session_factory(engine), clock, key_file, data_key)
