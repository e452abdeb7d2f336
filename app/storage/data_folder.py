"""Where Porchlight keeps its files, what state that folder is in, and keeping it private.

One place decides the folder: ``--data-dir`` wins, then ``PORCHLIGHT_DATA_DIR``, then the
platform's data folder from platformdirs. On POSIX the folder is 0700 and Porchlight's own files
in it 0600, so another account on the same computer cannot even read the encrypted bytes.

A parent may point ``--data-dir`` at a folder full of their own files, so this module only ever
touches names it owns (``is_own_name``), never follows a symbolic link, and treats a file system
that refuses ``chmod`` (FAT, exFAT, network shares) as a warning, not a failure.

This module is imported before the first window is painted: keep it light.
"""

from __future__ import annotations

import enum
import os
import re
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ENV_VAR = "PORCHLIGHT_DATA_DIR"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
SUBFOLDER_NAME = "Porchlight"

_OWN_NAMES = frozenset({
    "porchlight.db", "porchlight.db-wal", "porchlight.db-shm", "porchlight.key",
    "porchlight.lock", "window.ini", "backups", "drafts", "inbox.sealed",
    "inbox", "inbox.pub", "porchlight.check",
})
_OWN_PREFIXES = ("porchlight.log", "porchlight.lock.", ".porchlight.", "aside-", ".restoring-")
# Files an operating system drops into any folder; they do not make a folder "someone else's".
_SYSTEM_CLUTTER = frozenset({".DS_Store", "desktop.ini", "Thumbs.db", ".directory"})
# write_atomically's temporary name for the key file: ".porchlight.key.<random>.tmp".
_KEY_TEMP = re.compile(r"^\.porchlight\.key\.[A-Za-z0-9_]+\.tmp$")
_SETUP_TEMP = re.compile(r"^\.porchlight\.setup-[A-Za-z0-9_]+\.db(-wal|-shm)?$")
STALE_AFTER_SECONDS = 60


class FolderState(enum.Enum):
    NEW = "new"  # nothing of a vault here: setup may run
    READY = "set up"  # database and key file both present
    KEY_MISSING = "key missing"  # a database without its key file
    DATABASE_MISSING = "database missing"  # a key file without its database
    FOREIGN = "not a Porchlight folder"  # no vault, but files that are not Porchlight's


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Porchlight", appauthor=False, roaming=True))


def resolve_data_dir(cli_value: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser().resolve()
    return default_data_dir()


def is_own_name(name: str) -> bool:
    """Whether a name in the data folder is one Porchlight writes (and so may tighten)."""
    return name in _OWN_NAMES or name.startswith(_OWN_PREFIXES)


def make_private_dir(path: Path) -> str | None:
    """Create ``path`` (0700); a refused chmod is returned as a warning instead of raised."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    return _chmod(path, PRIVATE_DIR_MODE)


def make_private_file(path: Path) -> str | None:
    """Make one of our files 0600; a link is skipped, a refused chmod comes back as a warning."""
    return _chmod(path, PRIVATE_FILE_MODE)


def _chmod(path: Path, mode: int) -> str | None:
    if os.name != "posix":
        return None
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
            return None
        os.chmod(path, mode)
    except FileNotFoundError:
        return None
    except OSError as error:  # FAT, exFAT, SMB, a read-only mount: keep working, say so once
        return f"{type(error).__name__} (errno {error.errno}) on {path.name}"
    return None


@dataclass(frozen=True)
class DataFolder:
    """The files of one Porchlight data folder."""

    root: Path
    # Filled by tighten_permissions when the file system refused chmod; shown once by the UI.
    permission_warnings: list[str] = field(default_factory=list, compare=False, hash=False,
                                           repr=False)

    @property
    def key_file(self) -> Path:
        return self.root / "porchlight.key"

    @property
    def database(self) -> Path:
        return self.root / "porchlight.db"

    @property
    def database_parts(self) -> tuple[Path, Path, Path]:
        """The database and its SQLite sidecars (write-ahead log and shared memory)."""
        return (self.database, self.root / "porchlight.db-wal", self.root / "porchlight.db-shm")

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def inbox(self) -> Path:
        """Notes written while locked, each sealed to the vault's inbox key, one file a note."""
        return self.root / "inbox"

    @property
    def inbox_public_key(self) -> Path:
        """The inbox key's public half, written at each unlock so a locked app can seal notes."""
        return self.root / "inbox.pub"

    @property
    def check_marker(self) -> Path:
        """Present when the check after an unlock found damage: the next unlock checks the
        whole file before opening (and refuses a damaged one, offering a backup)."""
        return self.root / "porchlight.check"

    @property
    def window_settings(self) -> Path:
        return self.root / "window.ini"

    @property
    def lock_file(self) -> Path:
        return self.root / "porchlight.lock"

    @property
    def permission_warning(self) -> str | None:
        return self.permission_warnings[0] if self.permission_warnings else None

    def state(self) -> FolderState:
        """New, set up, missing a part, or someone else's folder (raises OSError if unreadable)."""
        if not self.root.exists():
            return FolderState.NEW
        if not self.root.is_dir():
            return FolderState.FOREIGN
        has_database = os.path.lexists(self.database)
        has_key = os.path.lexists(self.key_file)
        if has_database and has_key:
            return FolderState.READY
        if has_database:
            return FolderState.KEY_MISSING
        if has_key or any(os.path.lexists(part) for part in self.database_parts[1:]):
            return FolderState.DATABASE_MISSING  # sidecars alone are what is left of one
        names = [entry.name for entry in os.scandir(self.root)]
        if any(not is_own_name(name) and name not in _SYSTEM_CLUTTER for name in names):
            return FolderState.FOREIGN
        return FolderState.NEW

    def is_set_up(self) -> bool:
        """Whether a vault lives here, complete or not: never offer setup over any part of one."""
        return self.state() in (FolderState.READY, FolderState.KEY_MISSING,
                                FolderState.DATABASE_MISSING)

    def prepare(self) -> None:
        self._note(make_private_dir(self.root))
        self._note(make_private_dir(self.backups))

    def tighten_permissions(self) -> None:
        """Re-apply 0700/0600 to Porchlight's own files only (SQLite creates -wal with the umask).

        Unrelated files are never looked at, links are never followed, and a file system that
        refuses chmod leaves one warning in ``permission_warning`` instead of an error.
        """
        self._note(_chmod(self.root, PRIVATE_DIR_MODE))
        for entry in os.scandir(self.root):
            if is_own_name(entry.name) and not entry.is_symlink():
                self._tighten(Path(entry.path), entry.is_dir(follow_symlinks=False))

    def _tighten(self, path: Path, is_dir: bool) -> None:
        if not is_dir:
            self._note(_chmod(path, PRIVATE_FILE_MODE))
            return
        self._note(_chmod(path, PRIVATE_DIR_MODE))
        for entry in os.scandir(path):  # inside our own folders (backups, aside-…) all is ours
            if not entry.is_symlink():
                self._tighten(Path(entry.path), entry.is_dir(follow_symlinks=False))

    def _note(self, warning: str | None) -> None:
        if warning is not None and not self.permission_warnings:
            self.permission_warnings.append(warning)

    def clean_stale_temp_files(self, now: float | None = None) -> list[str]:
        """Remove what interrupted writes left behind; return the names removed.

        Only Porchlight's own temporary names, only when older than a minute (a write may be
        under way in another process), and a temporary key file only while the real key file
        reads as valid: otherwise the temporary one may be the only copy of the key.
        """
        if not self.root.is_dir():
            return []
        now = time.time() if now is None else now
        key_ok = self._key_file_is_valid()
        removed = []
        for entry in os.scandir(self.root):
            is_key_temp = bool(_KEY_TEMP.match(entry.name))
            if not (is_key_temp or _SETUP_TEMP.match(entry.name)):
                continue
            if is_key_temp and not key_ok:
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER_SECONDS:
                continue
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                continue
            removed.append(entry.name)
        return removed

    def _key_file_is_valid(self) -> bool:
        from app.storage.key_file import KeyFile

        try:
            KeyFile.read(self.key_file)
        except Exception:  # any failure means "keep every copy"
            return False
        return True


def suggest_subfolder(folder: DataFolder) -> DataFolder:
    """Where to set up instead of a folder holding someone else's files."""
    return DataFolder(folder.root / SUBFOLDER_NAME)
