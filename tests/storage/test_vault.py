import os
import stat

import pytest
from sqlalchemy import text

from app.storage import vault
from app.storage.engine import checkpoint
from app.storage.services import Services
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY


def _snapshot(folder):
    return {path.name: path.read_bytes() for path in folder.root.iterdir() if path.is_file()}


def test_create_then_unlock_keeps_data(folder, clock):
    opened = vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    Services.for_vault(opened).family.add("Maya", 2017, 4)
    opened.close()
    again = vault.unlock(folder, PASSPHRASE, clock)
    assert [c.name for c in Services.for_vault(again).family.children()] == ["Maya"]
    again.close()


def test_wrong_passphrase_changes_nothing_on_disk(open_vault, folder, clock):
    Services.for_vault(open_vault).family.add("Maya", 2017, 4)
    open_vault.close()
    before = _snapshot(folder)
    with pytest.raises(vault.WrongPassphrase):
        vault.unlock(folder, "not the passphrase", clock)
    assert _snapshot(folder) == before


def test_recovery_sets_a_new_passphrase_and_keeps_data(open_vault, folder, clock):
    Services.for_vault(open_vault).family.add("Sam", 2012, 10)
    open_vault.close()
    with pytest.raises(vault.WrongRecoveryCode):
        vault.recover(folder, "Z" * 25, "a brand new passphrase", clock)
    recovered = vault.recover(folder, RECOVERY, "a brand new passphrase", clock)
    assert [c.name for c in Services.for_vault(recovered).family.children()] == ["Sam"]
    recovered.close()
    with pytest.raises(vault.WrongPassphrase):
        vault.unlock(folder, PASSPHRASE, clock)
    vault.unlock(folder, "a brand new passphrase", clock).close()


def test_changing_the_passphrase_does_not_reencrypt_the_database(open_vault, folder, clock):
    Services.for_vault(open_vault).family.add("Sam", 2012, 10)
    open_vault.close()
    reopened = vault.unlock(folder, PASSPHRASE, clock)
    checkpoint(reopened.engine)
    database_before = folder.database.read_bytes()
    reopened.change_passphrase("another good passphrase")
    assert folder.database.read_bytes() == database_before
    reopened.close()
    vault.unlock(folder, "another good passphrase", clock).close()


def test_damaged_database_is_told_apart_from_a_wrong_passphrase(open_vault, folder, clock):
    open_vault.close()
    data = bytearray(folder.database.read_bytes())
    data[0:4096] = os.urandom(4096)
    folder.database.write_bytes(bytes(data))
    with pytest.raises(vault.DamagedVault) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    assert caught.value.part == "database"
    with pytest.raises(vault.WrongPassphrase):
        vault.unlock(folder, "not it", clock)


def test_damaged_key_file(open_vault, folder, clock):
    open_vault.close()
    folder.key_file.write_bytes(folder.key_file.read_bytes()[:100])
    with pytest.raises(vault.DamagedVault) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    assert caught.value.part == "key file"


def test_missing_database_is_damage(open_vault, folder, clock):
    open_vault.close()
    folder.database.write_bytes(b"")
    with pytest.raises(vault.DamagedVault):
        vault.unlock(folder, PASSPHRASE, clock)


def test_setup_refuses_an_existing_vault(open_vault, folder):
    with pytest.raises(vault.AlreadySetUp):
        vault.create(folder, "x", RECOVERY, FAST_KDF)


def test_connection_settings(open_vault):
    with open_vault.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("busy_timeout") >= 5000
        assert connection.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_and_files_are_private(open_vault, folder):
    open_vault.backup("test")
    with open_vault.sessions.begin() as session:
        session.execute(text("INSERT INTO settings VALUES ('x', 'y')"))
    assert stat.S_IMODE(folder.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.backups.stat().st_mode) == 0o700
    for path in folder.root.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
