import os
import stat

import pytest
from sqlalchemy import text

from app.storage import vault
from app.storage.data_folder import DataFolder, FolderState, suggest_subfolder
from app.storage.engine import checkpoint
from app.storage.errors import VaultLocked
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


def test_empty_database_is_damage(open_vault, folder, clock):
    open_vault.close()
    folder.database.write_bytes(b"")
    with pytest.raises(vault.DamagedVault):
        vault.unlock(folder, PASSPHRASE, clock)


def test_setup_refuses_an_existing_vault(open_vault, folder):
    with pytest.raises(vault.AlreadySetUp):
        vault.create(folder, "x", RECOVERY, FAST_KDF)


def test_a_database_without_its_key_file_is_never_deleted(open_vault, folder, clock):
    """Issue 9.1: the old code took this folder for "new" and setup unlinked the database."""
    Services.for_vault(open_vault).family.add("Maya", 2017, 4)
    open_vault.close()
    folder.key_file.unlink()
    before = _snapshot(folder)
    assert folder.state() is FolderState.KEY_MISSING and folder.is_set_up()
    with pytest.raises(vault.AlreadySetUp):
        vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    with pytest.raises(vault.DamagedVault) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    assert (caught.value.part, caught.value.missing) == ("key file", True)
    assert _snapshot(folder) == before


@pytest.mark.parametrize("sidecar", ["porchlight.db-wal", "porchlight.db-shm"])
def test_setup_refuses_a_folder_holding_only_a_sidecar(folder, sidecar):
    folder.prepare()
    (folder.root / sidecar).write_bytes(b"left over")
    with pytest.raises(vault.AlreadySetUp):
        vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF)
    assert (folder.root / sidecar).read_bytes() == b"left over"


def test_a_missing_database_is_missing_not_a_new_family(open_vault, folder, clock):
    """Issue 9.2: the old code opened an empty family when porchlight.db was gone."""
    open_vault.close()
    folder.database.unlink()
    with pytest.raises(vault.DamagedVault) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    assert (caught.value.part, caught.value.missing) == ("database", True)
    assert not folder.database.exists()
    with pytest.raises(vault.AlreadySetUp):
        vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)


def test_setup_leaves_only_the_vault_files(folder, clock):
    vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock).close()
    names = {path.name for path in folder.root.iterdir()}
    assert names <= {"porchlight.db", "porchlight.key", "backups", "porchlight.db-wal",
                     "porchlight.db-shm"}
    assert folder.state() is FolderState.READY


def test_setup_refuses_a_folder_of_someone_elses_files(tmp_path):
    documents = DataFolder(tmp_path / "Documents")
    documents.root.mkdir()
    (documents.root / "tax return.pdf").write_bytes(b"%PDF")
    assert documents.state() is FolderState.FOREIGN
    with pytest.raises(vault.ForeignFolder):
        vault.create(documents, PASSPHRASE, RECOVERY, FAST_KDF)
    assert [p.name for p in documents.root.iterdir()] == ["tax return.pdf"]
    inside = suggest_subfolder(documents)
    assert inside.root == documents.root / "Porchlight" and inside.state() is FolderState.NEW
    vault.create(inside, PASSPHRASE, RECOVERY, FAST_KDF).close()


def test_a_decomposed_passphrase_opens_a_composed_vault(folder, clock):
    """Issue 9.10: NFD "Café" (e + combining accent) did not open an NFC vault."""
    composed, decomposed = "Caf\u00e9 lantern orchard", "Cafe\u0301 lantern orchard"
    vault.create(folder, composed, RECOVERY, FAST_KDF, clock).close()
    vault.unlock(folder, decomposed, clock).close()
    vault.unlock(folder, composed, clock).close()


def test_a_vault_made_before_normalisation_still_opens(folder, clock):
    """A vault wrapped with a raw NFD passphrase by the old code keeps opening as typed."""
    from app.storage.key_derivation import derive_key
    from app.storage.key_file import KeyFile, WrappedKey, _aad

    decomposed = "Cafe\u0301 lantern orchard"
    opened = vault.create(folder, "placeholder passphrase", RECOVERY, FAST_KDF, clock)
    data_key = opened._data_key
    opened.close()
    old = KeyFile.read(folder.key_file)
    salt, nonce = os.urandom(16), os.urandom(12)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    sealed = AESGCM(derive_key(decomposed, salt, FAST_KDF)).encrypt(
        nonce, data_key, _aad("passphrase"))
    slots = dict(old.slots, passphrase=WrappedKey(salt, nonce, sealed))
    KeyFile(old.params, slots).write(folder.key_file)
    vault.unlock(folder, decomposed, clock).close()


def test_an_ascii_passphrase_derives_the_same_key_as_before():
    from app.storage.key_derivation import derive_key, normalise_secret

    salt = b"0123456789abcdef"
    assert normalise_secret(PASSPHRASE) == PASSPHRASE
    assert derive_key(normalise_secret(PASSPHRASE), salt, FAST_KDF) == derive_key(
        PASSPHRASE, salt, FAST_KDF)


def test_lock_closes_the_engine_for_good_and_drops_the_key(open_vault):
    """Issue 9.3: a disposed engine used to reconnect on the next use, key and all."""
    services = Services.for_vault(open_vault)
    services.family.add("Maya", 2017, 4)
    open_vault.close()
    assert open_vault._data_key == b"" and open_vault.closed
    with pytest.raises(VaultLocked):
        open_vault.engine.connect()
    with pytest.raises(VaultLocked):
        open_vault.change_passphrase("anything at all")
    cells = [cell.cell_contents for listener in open_vault.engine.pool.dispatch.connect
             for cell in (listener.__closure__ or ())]
    assert cells, "the connect listener holding the key was not found"
    assert not any(isinstance(value, bytes | bytearray) and value for value in cells)
    holders = [value for value in cells if hasattr(value, "_key")]
    assert holders and all(holder._key is None for holder in holders)


@pytest.mark.parametrize("use", [
    ("family", lambda s: s.family.children()),
    ("family", lambda s: s.family.add("Sam", 2012, 10)),
    ("evidence", lambda s: s.evidence.entries()),
    ("checkins", lambda s: s.checkins.schedules()),
    ("talks", lambda s: s.talks.discussed(1)),
    ("settings", lambda s: s.settings.country()),
    ("settings", lambda s: s.settings.set_country("gb")),
], ids=lambda use: use[0] if isinstance(use, tuple) else "")
def test_every_store_refuses_after_lock(open_vault, use):
    services = Services.for_vault(open_vault)
    open_vault.close()
    with pytest.raises(VaultLocked):
        use[1](services)


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
