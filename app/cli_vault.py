"""`porchlight vault status|check`: what support needs to know about a data folder.

Neither command opens a window or prints anything from the vault: only one line naming the
state or the kind of problem, so the output can be pasted into a support message safely.

``porchlight vault status [--data-dir DIR]`` needs no passphrase and changes nothing. It prints
one of: ``set up``, ``new``, ``key missing``, ``database missing``, ``damaged: key file``,
``damaged: database``, ``newer version: key file``, ``not a Porchlight folder``,
``cannot read: <kind>``. Exit codes:

    0  set up (database and a readable key file; the database looks like an encrypted file)
    1  a part is missing or damaged, or the key file is from a newer Porchlight
    2  nothing to open: a new (empty) folder, or a folder holding other files
    3  the folder or its files cannot be read (permission)

``porchlight vault check [--data-dir DIR]`` reads the passphrase from the first line of
standard input, unlocks (which migrates after taking a backup, as the app would), runs SQLite's
``PRAGMA integrity_check`` and prints ``ok`` or the kind of problem (``damaged: database``,
``disk full: database``…). Exit codes:

    0  ok
    1  a problem was found (the line says which kind); nothing was changed
    4  wrong passphrase
"""

from __future__ import annotations

import argparse
from typing import TextIO

from app.storage.data_folder import DataFolder, FolderState
from app.storage.errors import DATABASE, KEY_FILE, Problem, ProblemKind, classify

OK, PROBLEM, NOTHING_TO_OPEN, CANNOT_READ, WRONG_PASSPHRASE = 0, 1, 2, 3, 4
_SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
_PAGE_BYTES = 4096  # SQLCipher 4's page size: an intact file is a whole number of pages


def run_vault_command(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    from app.cli import command_data_dir

    folder = DataFolder(command_data_dir(args))
    if args.vault_command == "status":
        line, code = status(folder)
    else:
        line, code = check(folder, stdin.readline().rstrip("\r\n"))
    print(line, file=out)
    return code


def status(folder: DataFolder) -> tuple[str, int]:
    """The folder's state as one line and its exit code; reads no secret, writes nothing."""
    try:
        state = folder.state()
        if state is FolderState.NEW:
            return "new", NOTHING_TO_OPEN
        if state is FolderState.FOREIGN:
            return "not a Porchlight folder", NOTHING_TO_OPEN
        if state is FolderState.KEY_MISSING:
            return "key missing", PROBLEM
        if state is FolderState.DATABASE_MISSING:
            return "database missing", PROBLEM
        key_problem = _key_file_problem(folder)
        if key_problem is not None:
            return key_problem
        if not _looks_encrypted(folder):
            return "damaged: database", PROBLEM
    except OSError as error:
        return f"cannot read: {classify(error).kind.value}", CANNOT_READ
    return "set up", OK


def _key_file_problem(folder: DataFolder) -> tuple[str, int] | None:
    from app.storage.key_file import KeyFile, KeyFileDamaged, NewerKeyFile

    try:
        KeyFile.read(folder.key_file)
    except NewerKeyFile:
        return "newer version: key file", PROBLEM
    except KeyFileDamaged:
        return "damaged: key file", PROBLEM
    return None


def _looks_encrypted(folder: DataFolder) -> bool:
    """An encrypted database is whole pages of random-looking bytes: not empty, not zeroed,
    not plain SQLite."""
    size = folder.database.stat().st_size
    if size == 0 or size % _PAGE_BYTES:
        return False
    with folder.database.open("rb") as handle:
        header = handle.read(16)
    return header != bytes(16) and header != _SQLITE_PLAIN_HEADER


def check(folder: DataFolder, passphrase: str) -> tuple[str, int]:
    """Unlock, run the full integrity check, lock again; one line and an exit code."""
    from sqlalchemy import text

    from app.storage import vault

    try:
        opened = vault.unlock(folder, passphrase)
    except vault.WrongPassphrase:
        return "wrong passphrase", WRONG_PASSPHRASE
    except Exception as error:  # every failure is named by the classifier, never printed raw
        return _describe(classify(error)), PROBLEM
    try:
        with opened.engine.connect() as connection:
            rows = connection.execute(text("PRAGMA integrity_check")).scalars().all()
    except Exception as error:  # the same: the kind only
        return _describe(classify(error, DATABASE)), PROBLEM
    finally:
        opened.close()
    if rows == ["ok"]:
        return "ok", OK
    return _describe(Problem(ProblemKind.DAMAGED, DATABASE)), PROBLEM


def _describe(problem: Problem) -> str:
    if problem.part in (DATABASE, KEY_FILE, "backup", "folder"):
        return f"{problem.kind.value}: {problem.part}"
    return problem.kind.value
