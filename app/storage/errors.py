"""One classifier for everything that can go wrong with the vault's files.

A full disk, a read-only folder, a folder we may not touch, another program holding the file, a
damaged file, a wrong secret, a newer version and a plain bug each need different words and a
different next step. The UI must not guess from exception types scattered around: it asks
``classify`` and gets a ``Problem`` (a kind and the part of the vault concerned).

The vault's own exceptions live here too, so the classifier and the vault share one vocabulary
without importing each other. Classification reads error codes first (``errno``, SQLite's
result code) and only then the driver's message text; it never looks at SQL parameters, which
``hide_parameters=True`` keeps out of the text anyway.
"""

from __future__ import annotations

import enum
import errno
from dataclasses import dataclass


class ProblemKind(enum.Enum):
    DISK_FULL = "disk full"
    READ_ONLY = "read-only"
    PERMISSION = "permission"
    LOCKED = "locked by another program"
    DAMAGED = "damaged"
    WRONG_SECRET = "wrong secret"
    NEWER_VERSION = "newer version"
    MISSING = "missing"
    LOCKED_VAULT = "vault locked"
    BUG = "bug"


DATABASE = "database"
KEY_FILE = "key file"
BACKUP = "backup"
FOLDER = "folder"


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    part: str = ""


# --- the vault's own exceptions ------------------------------------------------------------


class VaultError(Exception):
    """Base of everything that can stop the vault from opening or being used."""


class WrongPassphrase(VaultError):
    """The passphrase does not open this vault."""


class WrongRecoveryCode(VaultError):
    """The recovery code does not open this vault."""


class DamagedVault(VaultError):
    """A part of the vault is missing or cannot be read; ``part`` says which.

    ``missing`` is True when the file is simply not there (never treated as "new").
    """

    def __init__(self, part: str, detail: str = "", *, missing: bool = False) -> None:
        super().__init__(f"{part}: {detail}")
        self.part = part
        self.missing = missing


class NewerVault(VaultError):
    """The database or the key file was written by a newer Porchlight."""

    def __init__(self, detail: str = "", part: str = DATABASE) -> None:
        super().__init__(detail)
        self.part = part


class AlreadySetUp(VaultError):
    """Setup was asked for in a folder that already holds a database or a key file."""


class ForeignFolder(VaultError):
    """Setup was asked for in a folder that holds files that are not Porchlight's."""


class VaultLocked(VaultError):
    """The vault was locked: this session's engine and key are gone for good."""


class MigrationFailed(VaultError):
    """Bringing the database up to this version failed and was rolled back: nothing changed."""


class VaultUnavailable(VaultError):
    """The vault's files could not be used for a reason that is not damage (disk, permission)."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem.kind.value} ({problem.part}): {detail}")
        self.problem = problem


# --- SQLite result codes (primary codes; extended codes keep them in the low byte) ----------

_SQLITE_KINDS = {
    3: ProblemKind.PERMISSION,  # SQLITE_PERM
    5: ProblemKind.LOCKED,  # SQLITE_BUSY
    6: ProblemKind.LOCKED,  # SQLITE_LOCKED
    8: ProblemKind.READ_ONLY,  # SQLITE_READONLY
    11: ProblemKind.DAMAGED,  # SQLITE_CORRUPT
    13: ProblemKind.DISK_FULL,  # SQLITE_FULL
    14: ProblemKind.PERMISSION,  # SQLITE_CANTOPEN
    26: ProblemKind.DAMAGED,  # SQLITE_NOTADB
}
_SQLITE_IOERR = 10

_MESSAGE_KINDS = (
    ("database or disk is full", ProblemKind.DISK_FULL),
    ("no space left", ProblemKind.DISK_FULL),
    ("readonly database", ProblemKind.READ_ONLY),
    ("read-only file system", ProblemKind.READ_ONLY),
    ("unable to open database file", ProblemKind.PERMISSION),
    ("permission denied", ProblemKind.PERMISSION),
    ("database is locked", ProblemKind.LOCKED),
    ("database table is locked", ProblemKind.LOCKED),
    ("file is not a database", ProblemKind.DAMAGED),
    ("database disk image is malformed", ProblemKind.DAMAGED),
    ("disk i/o error", ProblemKind.DAMAGED),
)

_ERRNO_KINDS = {
    errno.ENOSPC: ProblemKind.DISK_FULL,
    errno.EDQUOT: ProblemKind.DISK_FULL,
    errno.EFBIG: ProblemKind.DISK_FULL,
    errno.EROFS: ProblemKind.READ_ONLY,
    errno.EACCES: ProblemKind.PERMISSION,
    errno.EPERM: ProblemKind.PERMISSION,
    errno.ENOENT: ProblemKind.MISSING,
    errno.EBUSY: ProblemKind.LOCKED,
}


def classify(error: BaseException, part: str = "") -> Problem:
    """What went wrong, in one of a few kinds; ``part`` is used when the error does not say."""
    own = _classify_own(error)
    if own is not None:
        return own
    problem = getattr(error, "problem", None)
    if isinstance(problem, Problem):
        return problem
    for link in _chain(error):
        kind = _kind_of(link)
        if kind is not None:
            return Problem(kind, part or (DATABASE if _is_sqlite(link) else ""))
    return Problem(ProblemKind.BUG, part)


def _classify_own(error: BaseException) -> Problem | None:
    from app.storage.backups import BackupFailed
    from app.storage.key_file import KeyFileDamaged, NewerKeyFile
    from app.storage.writes import SaveFailed

    if isinstance(error, BackupFailed):
        return _BACKUP_FAILURES.get(error.kind, Problem(ProblemKind.BUG, BACKUP))
    if isinstance(error, NewerKeyFile):
        return Problem(ProblemKind.NEWER_VERSION, KEY_FILE)
    if isinstance(error, KeyFileDamaged):
        return Problem(ProblemKind.DAMAGED, KEY_FILE)
    if type(error).__name__ == "NewerDatabase":  # schema.py's, named to keep Alembic unloaded
        return Problem(ProblemKind.NEWER_VERSION, DATABASE)
    if isinstance(error, WrongPassphrase | WrongRecoveryCode):
        return Problem(ProblemKind.WRONG_SECRET, KEY_FILE)
    if isinstance(error, DamagedVault):
        return Problem(ProblemKind.MISSING if error.missing else ProblemKind.DAMAGED, error.part)
    if isinstance(error, NewerVault):
        return Problem(ProblemKind.NEWER_VERSION, error.part)
    if isinstance(error, VaultLocked):
        return Problem(ProblemKind.LOCKED_VAULT, DATABASE)
    if isinstance(error, VaultUnavailable | SaveFailed):
        return error.problem
    return None


_BACKUP_FAILURES = {
    "disk-full": Problem(ProblemKind.DISK_FULL, BACKUP),
    "permission": Problem(ProblemKind.PERMISSION, BACKUP),
    "damaged": Problem(ProblemKind.DAMAGED, DATABASE),
    "no-key-file": Problem(ProblemKind.MISSING, KEY_FILE),
}


def _chain(error: BaseException) -> list[BaseException]:
    """The error, then SQLAlchemy's wrapped driver error, then its causes (no cycles)."""
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is known for known in seen) or len(seen) > 8:
            continue
        seen.append(current)
        pending.extend([getattr(current, "orig", None), current.__cause__, current.__context__])
    return seen


def _is_sqlite(error: BaseException) -> bool:
    return hasattr(error, "sqlite_errorcode") or "sqlite" in type(error).__module__.lower()


def _kind_of(error: BaseException) -> ProblemKind | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_KINDS:
        return _SQLITE_KINDS[code & 0xFF]
    if isinstance(error, OSError) and error.errno in _ERRNO_KINDS:
        return _ERRNO_KINDS[error.errno]
    if isinstance(error, PermissionError):
        return ProblemKind.PERMISSION
    if isinstance(error, FileNotFoundError):
        return ProblemKind.MISSING
    if _is_sqlite(error) or type(error).__name__ in {"OperationalError", "DatabaseError"}:
        text = str(error).lower()
        for needle, kind in _MESSAGE_KINDS:
            if needle in text:
                return kind
        if isinstance(code, int) and (code & 0xFF) == _SQLITE_IOERR:
            return ProblemKind.DAMAGED
    return None
