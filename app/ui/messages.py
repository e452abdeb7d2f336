"""The words a parent sees when something goes wrong, in one place.

Each message says what happened, that nothing was lost or changed, and what to do next. None
of them include a child's name or anything from the journal.
"""

from __future__ import annotations

WRONG_PASSPHRASE = (
    "That passphrase doesn't open Porchlight. Check that Caps Lock is off and try again. "
    "Nothing has been changed."
)
EMPTY_PASSPHRASE = "Please type your passphrase."
WRONG_RECOVERY_CODE = (
    "That recovery code doesn't match this computer's Porchlight. Check each group of five "
    "letters and numbers against what you wrote down."
)
DAMAGED_KEY_FILE = (
    "Porchlight's key file (porchlight.key) is damaged or missing, so your notes can't be "
    "opened — your passphrase may well be right. Nothing has been changed. If you have a copy "
    "of your Porchlight folder, put its porchlight.key back and try again."
)
DAMAGED_DATABASE = (
    "Your passphrase is right, but the notes file (porchlight.db) is damaged and can't be read. "
    "Nothing has been changed or deleted. Encrypted backups are kept in the \"backups\" folder "
    "beside it."
)
NEWER_DATABASE = (
    "These notes were saved by a newer version of Porchlight. Please update Porchlight to open "
    "them. Nothing has been changed."
)
DISK_PROBLEM = (
    "Porchlight couldn't save to this computer's disk (it may be full or read-only). "
    "Nothing you entered before has been lost. Free some space and try again."
)
UNEXPECTED = (
    "Something unexpected went wrong. Nothing has been deleted. Please try again; if it keeps "
    "happening, restart Porchlight."
)


def for_vault_error(error: BaseException) -> str:
    """The message for an error raised while opening, creating or writing to the vault."""
    from app.storage import vault

    if isinstance(error, vault.WrongPassphrase):
        return WRONG_PASSPHRASE
    if isinstance(error, vault.WrongRecoveryCode):
        return WRONG_RECOVERY_CODE
    if isinstance(error, vault.DamagedVault):
        return DAMAGED_KEY_FILE if error.part == "key file" else DAMAGED_DATABASE
    if isinstance(error, vault.NewerVault):
        return NEWER_DATABASE
    if isinstance(error, OSError):
        return DISK_PROBLEM
    from app.storage.writes import SaveFailed

    if isinstance(error, SaveFailed):
        return DISK_PROBLEM
    return UNEXPECTED
