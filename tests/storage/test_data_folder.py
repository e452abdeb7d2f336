import os
import stat
import time

import pytest

from app.storage import atomic_file
from app.storage.data_folder import (
    ENV_VAR,
    DataFolder,
    FolderState,
    default_data_dir,
    resolve_data_dir,
)


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


def test_demo_family_has_a_year_of_journal_that_makes_rules_fire(tmp_path, clock):
    """About 150 entries over the past year, and the last fortnight shows at least two
    patterns on the home card: secrecy more than once, and a gift beside another sign."""
    from app.core.clock import local_today
    from app.core.journal.model import EntryFilter
    from app.core.journal.rules import evaluate_all, load_rules
    from app.paths import shipped_content_dir
    from app.storage import vault
    from app.storage.demo import DEMO_PASSPHRASE, create_demo
    from app.storage.services import Services

    folder = create_demo(tmp_path / "demo", clock)
    opened = vault.unlock(folder, DEMO_PASSPHRASE, clock)
    journal = Services.for_vault(opened).journal
    assert 140 <= journal.count(EntryFilter()) <= 160
    oldest = journal.page(EntryFilter(), journal.count(EntryFilter()) - 1, 1)[0]
    assert (clock.now() - oldest.noted_at).days > 300
    events = journal.events()
    assert not [e for e in events if e.category == "self-harm"]  # the demo never opens Help now
    rules = load_rules(shipped_content_dir() / "rules.toml")
    recent = evaluate_all(rules, {}, events, local_today(clock), clock.zone(), within_days=14)
    fired = {firing.rule_id for firing in recent}
    assert {"rule.secrecy-again", "rule.gifts-with-another-sign"} <= fired
    opened.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_folder_is_private_from_the_start(tmp_path):
    folder = DataFolder(tmp_path / "a" / "b")
    folder.prepare()
    assert oct(folder.root.stat().st_mode & 0o777) == "0o700"


def test_folder_states(tmp_path):
    folder = DataFolder(tmp_path / "data")
    assert folder.state() is FolderState.NEW and not folder.is_set_up()
    folder.prepare()
    folder.window_settings.write_text("[window]\n")
    (folder.root / ".DS_Store").write_bytes(b"")
    assert folder.state() is FolderState.NEW
    folder.database.write_bytes(b"x")
    assert folder.state() is FolderState.KEY_MISSING and folder.is_set_up()
    folder.key_file.write_bytes(b"x")
    assert folder.state() is FolderState.READY
    folder.database.unlink()
    assert folder.state() is FolderState.DATABASE_MISSING and folder.is_set_up()
    other = DataFolder(tmp_path / "mine")
    other.root.mkdir()
    (other.root / "holiday.jpg").write_bytes(b"jpeg")
    assert other.state() is FolderState.FOREIGN and not other.is_set_up()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_tightening_touches_only_our_files_and_never_follows_links(open_vault, folder, tmp_path):
    """Issue 9.6: every file under the folder was chmodded, links followed."""
    outside = tmp_path / "outside.txt"
    outside.write_text("not Porchlight's")
    outside.chmod(0o644)
    theirs = folder.root / "notes-of-mine.txt"
    theirs.write_text("mine")
    theirs.chmod(0o664)
    (folder.root / "link-out").symlink_to(outside)
    (folder.backups / "link-in-backups").symlink_to(outside)
    folder.window_settings.write_text("[w]\n")
    folder.window_settings.chmod(0o644)
    folder.tighten_permissions()
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert stat.S_IMODE(theirs.stat().st_mode) == 0o664
    assert stat.S_IMODE(folder.window_settings.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.key_file.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_file_system_refusing_chmod_gives_one_warning_not_an_error(folder, clock, monkeypatch):
    """FAT, exFAT and SMB refuse chmod: setup and unlock used to raise PermissionError."""
    from app.storage import data_folder, vault
    from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

    def refuse(path, mode, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(data_folder.os, "chmod", refuse)
    opened = vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    opened.close()
    vault.unlock(folder, PASSPHRASE, clock).close()
    assert folder.permission_warning is not None and len(folder.permission_warnings) == 1


def test_stale_key_temp_files_are_cleaned_only_when_safe(open_vault, folder, clock):
    """Issue 9.7: interrupted key writes left the wrapped key in .porchlight.key.*.tmp forever."""
    from app.storage import vault
    from tests.conftest import PASSPHRASE

    open_vault.close()
    stale = folder.root / ".porchlight.key.abc123.tmp"
    fresh = folder.root / ".porchlight.key.def456.tmp"
    lookalike = folder.root / ".porchlight.key.abc123.tmp.mine"
    for path in (stale, fresh, lookalike):
        path.write_bytes(folder.key_file.read_bytes())
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(lookalike, (old, old))
    vault.unlock(folder, PASSPHRASE, clock).close()
    assert not stale.exists() and fresh.exists() and lookalike.exists()


def test_a_temp_key_file_is_kept_while_it_may_be_the_only_key(open_vault, folder):
    open_vault.close()
    only_copy = folder.root / ".porchlight.key.abc123.tmp"
    folder.key_file.rename(only_copy)
    old = time.time() - 3600
    os.utime(only_copy, (old, old))
    assert folder.clean_stale_temp_files() == []
    assert only_copy.exists()
