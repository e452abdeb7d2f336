"""Moving to another computer: one export file, imported only into a new folder."""

from __future__ import annotations

import zipfile

import pytest

from app.core.evidence import EvidenceDraft
from app.storage import schema, vault
from app.storage.data_folder import DataFolder
from app.storage.services import Services
from app.storage.vault_export import (
    ExportDamaged,
    ImportRefused,
    export_vault,
    import_vault,
    inspect_export,
)
from tests.conftest import PASSPHRASE, RECOVERY

SECRET = "Orrinbrook Vastelmere"


def _export(services, open_vault, tmp_path):
    services.evidence.add(EvidenceDraft(platform="Discord", notes=SECRET))
    return export_vault(open_vault, tmp_path / "family")


def test_export_is_one_encrypted_file_that_imports_on_a_new_computer(services, open_vault,
                                                                     tmp_path, clock):
    exported = _export(services, open_vault, tmp_path)
    assert exported.name == "family.porchlight-export"
    data = exported.read_bytes()
    assert SECRET.encode() not in data and SECRET.encode("utf-16-le") not in data
    info = inspect_export(exported)
    assert info.schema_revision == schema.head_revision()
    assert info.size_bytes == len(data)

    elsewhere = DataFolder(tmp_path / "new computer")
    backup = import_vault(exported, elsewhere)
    assert backup.parent == elsewhere.backups
    opened = vault.unlock(elsewhere, PASSPHRASE, clock)
    assert [e.draft.notes for e in Services.for_vault(opened).evidence.entries()] == [SECRET]
    opened.close()
    # the recovery code travels too
    vault.recover(elsewhere, RECOVERY, "another passphrase entirely", clock).close()


def test_import_refuses_a_folder_that_holds_a_vault(services, open_vault, folder, tmp_path):
    exported = _export(services, open_vault, tmp_path)
    before = folder.key_file.read_bytes()
    with pytest.raises(ImportRefused):
        import_vault(exported, folder)
    assert folder.key_file.read_bytes() == before
    only_key = DataFolder(tmp_path / "only a key")
    only_key.root.mkdir()
    only_key.key_file.write_bytes(b"{}")
    with pytest.raises(ImportRefused):
        import_vault(exported, only_key)
    assert not only_key.database.exists()


def test_a_damaged_or_foreign_file_is_refused(services, open_vault, tmp_path):
    exported = _export(services, open_vault, tmp_path)
    damaged = tmp_path / "damaged.porchlight-export"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "porchlight.db":
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.writestr(item.filename, data)
    foreign = tmp_path / "holiday.zip"
    foreign.write_bytes(b"not a zip at all")
    for bad in (damaged, foreign):
        with pytest.raises(ExportDamaged):
            inspect_export(bad)
        target = DataFolder(tmp_path / f"new-{bad.stem}")
        with pytest.raises(ExportDamaged):
            import_vault(bad, target)
        assert not target.database.exists() and not target.key_file.exists()
        assert not any(target.backups.glob("*")) if target.backups.exists() else True
