"""Where Porchlight keeps its files, and keeping that folder private.

One place decides the folder: ``--data-dir`` wins, then ``PORCHLIGHT_DATA_DIR``, then the
platform's data folder from platformdirs. On POSIX the folder is 0700 and every file in it
0600, so another account on the same computer cannot even read the encrypted bytes.

This module is imported before the first window is painted: keep it light.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "PORCHLIGHT_DATA_DIR"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Porchlight", appauthor=False, roaming=True))


def resolve_data_dir(cli_value: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser().resolve()
    return default_data_dir()


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix":
        os.chmod(path, PRIVATE_DIR_MODE)


def make_private_file(path: Path) -> None:
    if os.name == "posix" and path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


@dataclass(frozen=True)
class DataFolder:
    """The files of one Porchlight data folder."""

    root: Path

    @property
    def key_file(self) -> Path:
        return self.root / "porchlight.key"

    @property
    def database(self) -> Path:
        return self.root / "porchlight.db"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def window_settings(self) -> Path:
        return self.root / "window.ini"

    @property
    def lock_file(self) -> Path:
        return self.root / "porchlight.lock"

    def is_set_up(self) -> bool:
        """Whether first-run setup finished here (the key file is written last)."""
        return self.key_file.exists()

    def prepare(self) -> None:
        make_private_dir(self.root)
        make_private_dir(self.backups)

    def tighten_permissions(self) -> None:
        """Re-apply 0600 to every file (SQLite creates -wal and -shm with the umask)."""
        make_private_dir(self.root)
        for path in self.root.rglob("*"):
            if path.is_dir():
                make_private_dir(path)
            else:
                make_private_file(path)
