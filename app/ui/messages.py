"""The words a parent sees when something goes wrong, in one place.

Each message says what happened, that nothing was lost or changed, and what to do next. None
of them include a child's name or anything from the journal. Which message fits is decided by
the storage classifier (``app.storage.errors.classify``): one message per kind of problem, and
per part (database, key file, backup) where the next step differs.

The constants are marked for translation (context "Messages") but kept in English so they can
be compared and logged by identity; ``for_vault_error`` and ``for_problem`` return them
translated, and a call site that shows a constant itself wraps it in ``translated``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.storage.errors import (
    BACKUP,
    DATABASE,
    KEY_FILE,
    AlreadySetUp,
    ForeignFolder,
    MigrationFailed,
    Problem,
    ProblemKind,
    WrongRecoveryCode,
    classify,
)

WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Messages",
    "That passphrase doesn't open Porchlight. Check that Caps Lock is off and try again. "
    "Nothing has been changed."
)
EMPTY_PASSPHRASE = QT_TRANSLATE_NOOP("Messages", "Please type your passphrase.")
WRONG_RECOVERY_CODE = QT_TRANSLATE_NOOP(
    "Messages",
    "That recovery code doesn't match this computer's Porchlight. Check each group of five "
    "letters and numbers against what you wrote down."
)
DAMAGED_KEY_FILE = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight's key file (porchlight.key) is damaged, so your notes can't be opened — your "
    "passphrase may well be right. Nothing has been changed or deleted. Restore from a backup "
    "to put a good copy back, or put porchlight.key back from a copy of your Porchlight folder."
)
MISSING_KEY_FILE = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight's key file (porchlight.key) is missing from its folder, so your notes can't be "
    "opened. Your notes file is still there and nothing has been deleted. Restore from a "
    "backup, or put porchlight.key back from a copy of your Porchlight folder. Please don't "
    "set Porchlight up again in this folder."
)
DAMAGED_DATABASE = QT_TRANSLATE_NOOP(
    "Messages",
    "Your passphrase is right, but the notes file (porchlight.db) is damaged and can't be read. "
    "Nothing has been changed or deleted. Restore from a backup to go back to the last good "
    "copy of your notes."
)
MISSING_DATABASE = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight's notes file (porchlight.db) is missing from its folder, so there is nothing to "
    "open. Porchlight has not started an empty family in its place, and nothing else has been "
    "changed. Restore from a backup, or put porchlight.db back from a copy of your Porchlight "
    "folder."
)
DAMAGED_BACKUP = QT_TRANSLATE_NOOP(
    "Messages",
    "That backup is damaged and can't be used. Nothing has been changed. Please choose another "
    "backup."
)
MISSING_FOLDER = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight's folder can't be found (a USB stick or network drive may be disconnected). "
    "Nothing has been changed. Reconnect it and try again."
)
NEWER_DATABASE = QT_TRANSLATE_NOOP(
    "Messages",
    "These notes were saved by a newer version of Porchlight. Please update Porchlight to open "
    "them. Nothing has been changed."
)
NEWER_KEY_FILE = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight's key file was made by a newer version of Porchlight. Please update Porchlight "
    "to open your notes. Nothing has been changed."
)
DISK_FULL = QT_TRANSLATE_NOOP(
    "Messages",
    "This computer's disk is full, so Porchlight couldn't save. Nothing you saved before has "
    "been lost or changed. Free some space (for example, empty the Trash or Recycle Bin), then "
    "try again."
)
DISK_PROBLEM = DISK_FULL  # the older name, still used by pages
READ_ONLY = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight's folder is read-only right now, so Porchlight can't save there. Nothing has "
    "been lost or changed. If the folder is on a USB stick, memory card or network drive, check "
    "that it is connected and not write-protected, then try again."
)
PERMISSION = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight isn't allowed to use the files in its folder. Nothing has been lost or changed. "
    "Check that your account may open and change that folder (or ask whoever looks after this "
    "computer), then try again."
)
LOCKED_BY_ANOTHER_PROGRAM = QT_TRANSLATE_NOOP(
    "Messages",
    "Another program is using Porchlight's files right now (often a backup or sync program). "
    "Nothing has been lost or changed. Wait a minute, then try again."
)
VAULT_LOCKED = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight was locked, so this wasn't saved. Everything saved before is safe. Unlock "
    "Porchlight and try again."
)
ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight is already set up in this folder, so it won't set up again over it. Nothing "
    "has been changed. Close this window and start Porchlight again to unlock it."
)
FOREIGN_FOLDER = QT_TRANSLATE_NOOP(
    "Messages",
    "This folder already holds other files, so Porchlight won't set up here (it never mixes "
    "its files with yours). Nothing has been changed. Choose an empty folder, or a folder "
    "named \"Porchlight\" inside this one."
)
PERMISSIONS_NOT_TIGHTENED = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight couldn't make its files private on this drive (some drives, such as USB sticks "
    "and network folders, don't allow it). Your notes are still encrypted and Porchlight works "
    "normally; keep the folder somewhere only you can reach."
)
CANNOT_TAKE_LOCK = QT_TRANSLATE_NOOP(
    "Messages",
    "Porchlight can't start because it isn't allowed to write in its folder (it may be "
    "read-only). Nothing has been changed. Check the folder, or start Porchlight with "
    "--data-dir pointing at a folder you can change."
)
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "Something unexpected went wrong. Nothing has been deleted. Please try again; if it keeps "
    "happening, restart Porchlight."
)


UPDATE_ROLLED_BACK = QT_TRANSLATE_NOOP(
    "Messages",
    "This version of Porchlight could not bring your notes up to date, so it put everything "
    "back exactly as it was — nothing was changed or lost, and a backup was taken first. "
    "Please go back to the version you used before, and let us know."
)


def translated(text: str) -> str:
    """One of the constants above in the parent's language (for a call site showing it as is)."""
    return QCoreApplication.translate("Messages", text)


def for_vault_error(error: BaseException) -> str:
    """The message, translated, for an error raised opening, creating or writing the vault."""
    return translated(_constant_for_error(error))


def for_problem(problem: Problem) -> str:
    """The message, translated, for a classified ``Problem`` (kind and part)."""
    return translated(_constant_for_problem(problem))


def _constant_for_error(error: BaseException) -> str:
    if isinstance(error, ForeignFolder):
        return FOREIGN_FOLDER
    if isinstance(error, AlreadySetUp):
        return ALREADY_SET_UP
    if isinstance(error, WrongRecoveryCode):
        return WRONG_RECOVERY_CODE
    if isinstance(error, MigrationFailed):
        return UPDATE_ROLLED_BACK
    return _constant_for_problem(classify(error))


def _constant_for_problem(problem: Problem) -> str:
    kind, part = problem.kind, problem.part
    if kind is ProblemKind.DAMAGED:
        return {KEY_FILE: DAMAGED_KEY_FILE, BACKUP: DAMAGED_BACKUP}.get(part, DAMAGED_DATABASE)
    if kind is ProblemKind.MISSING:
        return {KEY_FILE: MISSING_KEY_FILE, DATABASE: MISSING_DATABASE}.get(part, MISSING_FOLDER)
    if kind is ProblemKind.NEWER_VERSION:
        return NEWER_KEY_FILE if part == KEY_FILE else NEWER_DATABASE
    return {
        ProblemKind.WRONG_SECRET: WRONG_PASSPHRASE,
        ProblemKind.DISK_FULL: DISK_FULL,
        ProblemKind.READ_ONLY: READ_ONLY,
        ProblemKind.PERMISSION: PERMISSION,
        ProblemKind.LOCKED: LOCKED_BY_ANOTHER_PROGRAM,
        ProblemKind.LOCKED_VAULT: VAULT_LOCKED,
    }.get(kind, UNEXPECTED)


def offers_restore(error: BaseException) -> bool:
    """Whether the message for ``error`` points to restoring a backup (a damaged/missing part)."""
    problem = classify(error)
    return problem.kind in (ProblemKind.DAMAGED, ProblemKind.MISSING) and problem.part in (
        DATABASE, KEY_FILE)
