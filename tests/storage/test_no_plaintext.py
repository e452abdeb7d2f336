"""The child's name must never be readable in any file Porchlight writes."""

from app.storage import vault
from app.storage.services import Services
from tests.conftest import PASSPHRASE

NAME = "Zephyrine Quillfeather"


def _all_bytes(folder):
    return {path: path.read_bytes() for path in folder.root.rglob("*") if path.is_file()}


def test_name_is_absent_from_database_wal_and_backups(open_vault, folder, clock):
    services = Services.for_vault(open_vault)
    services.family.add(NAME, 2015, 6)
    files = _all_bytes(folder)
    assert any(path.name.endswith("-wal") and data for path, data in files.items())
    backup = open_vault.backup("check")
    open_vault.close()
    reopened = vault.unlock(folder, PASSPHRASE, clock)
    assert [c.name for c in Services.for_vault(reopened).family.children()] == [NAME]
    reopened.close()
    files = _all_bytes(folder)
    assert backup in files and folder.database in files
    for needle in (NAME.encode(), NAME.encode("utf-16-le"), b"Zephyrine", b"Quillfeather"):
        for path, data in files.items():
            assert needle not in data, f"{needle!r} readable in {path.name}"


def test_backup_is_a_working_encrypted_copy(open_vault, folder, clock):
    Services.for_vault(open_vault).family.add(NAME, 2015, 6)
    backup = open_vault.backup("check")
    open_vault.close()
    assert backup.read_bytes()[:16] != b"SQLite format 3\x00"
    folder.database.unlink()
    for sidecar in folder.root.glob("porchlight.db-*"):
        sidecar.unlink()
    backup.rename(folder.database)
    restored = vault.unlock(folder, PASSPHRASE, clock)
    assert [c.name for c in Services.for_vault(restored).family.children()] == [NAME]
    restored.close()
