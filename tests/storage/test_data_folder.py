import os

import pytest

from app.storage import atomic_file
from app.storage.data_folder import ENV_VAR, DataFolder, default_data_dir, resolve_data_dir


def test_command_line_wins_then_environment_then_platform(tmp_path):
    env = {ENV_VAR: str(tmp_path / "from-env")}
    assert resolve_data_dir(str(tmp_path / "cli"), env) == (tmp_path / "cli").resolve()
    assert resolve_data_dir(None, env) == (tmp_path / "from-env").resolve()
    assert resolve_data_dir(None, {}) == default_data_dir()
    assert "porchlight" in str(default_data_dir()).lower()


def test_atomic_write_leaves_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    target = tmp_path / "porchlight.key"
    atomic_file.write_atomically(target, b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_file.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["porchlight.key"]


def test_demo_folder_has_a_sample_family_behind_the_shown_passphrase(tmp_path, clock):
    from app.storage import vault
    from app.storage.demo import DEMO_PASSPHRASE, create_demo
    from app.storage.services import Services

    folder = create_demo(tmp_path / "demo", clock)
    assert isinstance(folder, DataFolder) and folder.is_set_up()
    opened = vault.unlock(folder, DEMO_PASSPHRASE, clock)
    services = Services.for_vault(opened)
    assert len(services.family.children()) == 3
    assert services.settings.country().code == "us"
    opened.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_folder_is_private_from_the_start(tmp_path):
    folder = DataFolder(tmp_path / "a" / "b")
    folder.prepare()
    assert oct(folder.root.stat().st_mode & 0o777) == "0o700"
