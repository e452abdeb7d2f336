"""The vault: creating, unlocking and recovering the family's encrypted database.

Everything that touches keys goes through here. Three rules:

- **Never overwrite, never guess.** Setup refuses a folder holding any part of a vault (or
  someone else's files) and never deletes anything; a missing database or key file at unlock
  is a missing part, never a new family.
- **Name the failure.** Unlocking checks the passphrase against the key file *before* the
  database is opened, so a wrong passphrase changes nothing on disk. Every other failure is
  classified (``errors.classify``): damage is ``DamagedVault``, a newer version ``NewerVault``,
  and a full disk, a read-only or forbidden folder ``VaultUnavailable`` — never "damaged".
- **Lock means locked.** ``OpenVault.close`` closes the engine for good and drops the key;
  anything still holding the stores gets ``VaultLocked``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock, SystemClock
from app.storage import schema
from app.storage.backups import BackupFailed, take_backup
from app.storage.data_folder import DataFolder, FolderState
from app.storage.engine import checkpoint, close_for_good, first_read, open_engine, quick_check
from app.storage.engine import session_factory as _session_factory
from app.storage.errors import (
    DATABASE,
    FOLDER,
    KEY_FILE,
    AlreadySetUp,
    DamagedVault,
    ForeignFolder,
    MigrationFailed,
    NewerVault,
    Problem,
    ProblemKind,
    VaultError,
    VaultLocked,
    VaultUnavailable,
    WrongPassphrase,
    WrongRecoveryCode,
    classify,
)
from app.storage.integrity_watch import IntegrityWatch
from app.storage.key_derivation import KEY_BYTES, KdfParams, calibrate
from app.storage.key_file import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyFile,
    KeyFileDamaged,
    NewerKeyFile,
    WrongSecret,
)

__all__ = [
    "AlreadySetUp", "DamagedVault", "ForeignFolder", "NewerVault", "OpenVault", "VaultError",
    "VaultLocked", "VaultUnavailable", "WrongPassphrase", "WrongRecoveryCode", "create",
    "recover", "unlock",
]

# Below this much free space a "disk I/O error" is a full disk, not a damaged file.
NEARLY_FULL_BYTES = 1024 * 1024


@dataclass
class OpenVault:
    """An unlocked vault: the engine and sessions the stores use, and the key to rewrap."""

    folder: DataFolder
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    _key_file: KeyFile
    _data_key: bytes = field(repr=False)
    _watch: IntegrityWatch | None = field(default=None, repr=False)

    @property
    def closed(self) -> bool:
        return not self._data_key

    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the data key under a new passphrase; the database is not re-encrypted."""
        self._ensure_open()
        self._key_file = self._key_file.with_slot(PASSPHRASE_SLOT, self._data_key, new_passphrase)
        self._key_file.write(self.folder.key_file)

    def change_recovery_code(self, new_code: str) -> None:
        """Rewrap the data key under a new recovery code; the old code stops opening the vault.

        Only the recovery slot changes (the passphrase keeps working); backups taken before
        keep the key file of their day, so they still open with the code of that day.
        """
        self._ensure_open()
        self._key_file = self._key_file.with_slot(RECOVERY_SLOT, self._data_key, new_code)
        self._key_file.write(self.folder.key_file)

    def backup(self, reason: str) -> Path:
        self._ensure_open()
        path = take_backup(self.engine, self.folder.backups, reason, self.clock.now())
        self.folder.tighten_permissions()
        return path

    def check_whole_file(self, on_result: Callable[[str], None] | None = None
                         ) -> IntegrityWatch:
        """Start the whole-file check an unlock left for later (see ``integrity_watch``);
        ``on_result`` hears its verdict on the checking thread."""
        self._ensure_open()
        if self._watch is not None:
            self._watch.stop()
        self._watch = IntegrityWatch(self.engine, self.folder.check_marker, on_result)
        self._watch.start()
        return self._watch

    def close(self) -> None:
        """Lock: fold the write-ahead log in, close the engine for good and drop the key."""
        if self.closed:
            return
        if self._watch is not None:  # its connection holds the key too: gone before the key
            self._watch.stop()
            self._watch = None
        # Fold the log in so the -wal file holds nothing while locked; a failure here must
        # never stop the lock (the log stays valid).
        with contextlib.suppress(Exception):
            checkpoint(self.engine)
        close_for_good(self.engine)
        self._data_key = b""

    def _ensure_open(self) -> None:
        if self.closed:
            raise VaultLocked("the vault is locked")


def create(folder: DataFolder, passphrase: str, recovery_code: str,
           params: KdfParams | None = None, clock: Clock | None = None) -> OpenVault:
    """Set up a new vault in a folder that holds no part of one; nothing is ever deleted.

    The database is built under a temporary name and the key file written before the database
    takes its real name, so a failed setup leaves the folder "new" (a full disk, say), not a
    database without its key.
    """
    state = _state(folder)
    if state is FolderState.FOREIGN:
        raise ForeignFolder(str(folder.root))
    if state is not FolderState.NEW or any(os.path.lexists(p) for p in folder.database_parts):
        raise AlreadySetUp(str(folder.root))
    clock = clock or SystemClock()
    try:
        folder.prepare()
        folder.clean_stale_temp_files()
        data_key = secrets.token_bytes(KEY_BYTES)
        key_file = KeyFile.new(data_key, passphrase, recovery_code, params or calibrate())
        temporary = folder.root / f".porchlight.setup-{secrets.token_hex(6)}.db"
        built = open_engine(temporary, data_key)
        try:
            schema.upgrade(built, folder, clock.now())
            checkpoint(built)
        finally:
            close_for_good(built)
        key_file.write(folder.key_file)
        os.replace(temporary, folder.database)
    except VaultError:
        raise
    except Exception as error:
        raise _unavailable(error, folder, FOLDER) from error
    return _open(folder, key_file, data_key, clock)


def unlock(folder: DataFolder, passphrase: str, clock: Clock | None = None, *,
           check_later: bool = False) -> OpenVault:
    """Open with the passphrase. The whole file is checked first, unless ``check_later``: then
    only its first pages, and the caller starts ``check_whole_file`` once the window shows (a
    folder whose last such check found damage is checked first all the same)."""
    key_file = _read_key_file(folder)
    try:
        data_key = key_file.unwrap(passphrase, PASSPHRASE_SLOT)
    except WrongSecret as error:
        raise WrongPassphrase() from error
    except KeyFileDamaged as error:
        raise DamagedVault(KEY_FILE, str(error)) from error
    return _open(folder, key_file, data_key, clock or SystemClock(), check_later=check_later)


def recover(folder: DataFolder, recovery_code: str, new_passphrase: str,
            clock: Clock | None = None) -> OpenVault:
    """Open with the recovery code and set a new passphrase (the old one stops working)."""
    key_file = _read_key_file(folder)
    try:
        data_key = key_file.unwrap(recovery_code, RECOVERY_SLOT)
    except WrongSecret as error:
        raise WrongRecoveryCode() from error
    except KeyFileDamaged as error:
        raise DamagedVault(KEY_FILE, str(error)) from error
    opened = _open(folder, key_file, data_key, clock or SystemClock())
    try:
        opened.change_passphrase(new_passphrase)
    except OSError as error:
        opened.close()
        raise _unavailable(error, folder, KEY_FILE) from error
    return opened


def _state(folder: DataFolder) -> FolderState:
    try:
        return folder.state()
    except OSError as error:
        raise _unavailable(error, folder, FOLDER) from error


def _read_key_file(folder: DataFolder) -> KeyFile:
    state = _state(folder)
    if state in (FolderState.KEY_MISSING, FolderState.NEW, FolderState.FOREIGN):
        raise DamagedVault(KEY_FILE, "missing", missing=True)
    if state is FolderState.DATABASE_MISSING:
        raise DamagedVault(DATABASE, "missing", missing=True)
    try:
        key_file = KeyFile.read(folder.key_file)
    except NewerKeyFile as error:
        raise NewerVault(str(error), part=KEY_FILE) from error
    except KeyFileDamaged as error:
        raise DamagedVault(KEY_FILE, str(error)) from error
    except FileNotFoundError as error:
        raise DamagedVault(KEY_FILE, "missing", missing=True) from error
    except OSError as error:
        raise _unavailable(error, folder, KEY_FILE) from error
    with contextlib.suppress(OSError):  # tidying is never a reason not to open
        folder.clean_stale_temp_files()
    return key_file


def _open(folder: DataFolder, key_file: KeyFile, data_key: bytes, clock: Clock, *,
          check_later: bool = False) -> OpenVault:
    if not folder.database.exists():
        raise DamagedVault(DATABASE, "missing", missing=True)
    if folder.database.stat().st_size == 0:
        raise DamagedVault(DATABASE, "the file is empty")
    if not os.access(folder.root, os.W_OK) or not os.access(folder.database, os.W_OK):
        raise VaultUnavailable(Problem(ProblemKind.READ_ONLY, FOLDER), "cannot write here")
    engine = open_engine(folder.database, data_key)
    try:
        if check_later and not folder.check_marker.exists():
            first_read(engine)  # the key and the first pages; the rest just after the unlock
        else:
            if quick_check(engine) != "ok":
                raise DamagedVault(DATABASE, "quick_check failed")
            with contextlib.suppress(OSError):  # the whole file is sound again
                folder.check_marker.unlink(missing_ok=True)
        schema.upgrade(engine, folder, clock.now())
        folder.tighten_permissions()
    except VaultError:
        close_for_good(engine)
        raise
    except schema.NewerDatabase as error:
        close_for_good(engine)
        raise NewerVault(str(error), part=DATABASE) from error
    except schema.MigrationBrokeLinks as error:  # rolled back: the file is as it was
        close_for_good(engine)
        raise MigrationFailed("the update was rolled back") from error
    except BackupFailed as error:  # the backup before a migration
        close_for_good(engine)
        if error.kind == "damaged":
            raise DamagedVault(DATABASE, "integrity check failed") from error
        raise VaultUnavailable(classify(error), error.kind) from error
    except Exception as error:
        close_for_good(engine)
        problem = _problem_at(error, folder, DATABASE)
        if problem.kind in (ProblemKind.DAMAGED, ProblemKind.BUG):
            # A DBAPI error we cannot name at open still means the file cannot be read.
            if problem.kind is ProblemKind.BUG and not _is_database_error(error):
                raise
            raise DamagedVault(DATABASE, type(error).__name__) from error
        raise VaultUnavailable(problem, type(error).__name__) from error
    return OpenVault(folder, engine, _session_factory(engine), clock, key_file, data_key)


def _problem_at(error: BaseException, folder: DataFolder, part: str) -> Problem:
    problem = classify(error, part)
    if problem.kind in (ProblemKind.DAMAGED, ProblemKind.BUG) and _nearly_full(folder):
        return Problem(ProblemKind.DISK_FULL, part)  # "disk I/O error" on a full disk
    return problem


def _unavailable(error: BaseException, folder: DataFolder, part: str) -> VaultError:
    return VaultUnavailable(_problem_at(error, folder, part), type(error).__name__)


def _nearly_full(folder: DataFolder) -> bool:
    try:
        return shutil.disk_usage(folder.root).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _is_database_error(error: BaseException) -> bool:
    from app.storage.engine import DatabaseError

    return isinstance(error, DatabaseError)
