"""Backups: database and key file together, verified, named only when complete, restorable."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.core.evidence import EvidenceDraft
from app.storage import backups, schema, vault
from app.storage.backup_restore import key_file_changed_since, restore_backup
from app.storage.backup_rotation import (
    backup_if_due,
    drop_all_but_latest,
    drop_backups_older_than,
    prune_backups,
    replace_backups_with_fresh_one,
)
from app.storage.backups import (
    BackupDamaged,
    BackupFailed,
    clean_incomplete_backups,
    create_backup,
    list_backups,
    verify_backup,
)
from app.storage.services import Services
from tests.conftest import PASSPHRASE

SECRET = "Marrowvane Tesselquist"
UTC = dt.UTC


def _note(services, text=SECRET):
    services.evidence.add(EvidenceDraft(platform="Snapchat", notes=text))


def _notes(opened) -> list[str]:
    return [e.draft.notes for e in Services.for_vault(opened).evidence.entries()]


def _backups_dir_entries(folder) -> list[str]:
    return sorted(p.name for p in folder.backups.iterdir()) if folder.backups.exists() else []


def test_a_backup_holds_database_key_and_manifest_and_is_private(services, open_vault, folder,
                                                                 clock):
    _note(services)
    path = create_backup(open_vault.engine, folder, "manual", clock.now())
    assert path.name == "2026-11-23T18-00-00Z-manual"
    assert sorted(p.name for p in path.iterdir()) == ["manifest.json", "porchlight.db",
                                                      "porchlight.key"]
    manifest = verify_backup(path)
    assert manifest["reason"] == "manual"
    assert manifest["schema_revision"] == schema.head_revision()
    assert manifest["created"] == "2026-11-23T18:00:00+00:00"
    assert (path / "porchlight.key").read_bytes() == folder.key_file.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
        for file in path.iterdir():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    [info] = list_backups(folder)
    assert info.complete and info.reason == "manual" and info.path == path
    assert info.created == dt.datetime(2026, 11, 23, 18, tzinfo=UTC)
    assert info.size_bytes == sum(p.stat().st_size for p in path.iterdir()
                                  if p.name != "manifest.json")


def test_backups_never_hold_plaintext(services, open_vault, folder, clock):
    _note(services)
    path = create_backup(open_vault.engine, folder, "manual", clock.now())
    for file in path.iterdir():
        data = file.read_bytes()
        for needle in (SECRET.encode(), SECRET.encode("utf-16-le"), b"Marrowvane"):
            assert needle not in data, file.name
    assert not (path / "porchlight.db").read_bytes().startswith(b"SQLite format 3")


def test_the_old_call_still_returns_the_backups_database(services, open_vault, folder):
    _note(services)
    database = open_vault.backup("check")
    assert database.name == "porchlight.db" and database.parent.parent == folder.backups
    assert list_backups(folder)[0].complete


@pytest.mark.parametrize("step", ["_copy_database", "_verify_copy", "_copy_file",
                                  "_write_manifest", "_sync"])
def test_a_failure_at_any_step_leaves_nothing_behind(services, open_vault, folder, clock,
                                                     monkeypatch, step):
    _note(services)
    good = create_backup(open_vault.engine, folder, "first", clock.now())

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, step, full_disk)
    with pytest.raises(BackupFailed) as failed:
        create_backup(open_vault.engine, folder, "second", clock.now())
    assert failed.value.kind == "disk-full"
    assert "free space" in str(failed.value)
    assert _backups_dir_entries(folder) == [good.name]
    verify_backup(good)


def test_sqlites_own_full_disk_error_is_named_and_cleaned_up(services, open_vault, folder,
                                                             clock, monkeypatch):
    def vacuum_fails(_engine, target):
        target.write_bytes(b"partial")
        raise sqlcipher.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "_copy_database", vacuum_fails)
    with pytest.raises(BackupFailed) as failed:
        create_backup(open_vault.engine, folder, "manual", clock.now())
    assert failed.value.kind == "disk-full"
    assert _backups_dir_entries(folder) == []


def test_a_damaged_copy_is_never_named_as_a_backup(services, open_vault, folder, clock,
                                                   monkeypatch):
    real_copy = backups._copy_database

    def copy_then_damage(engine, target):
        real_copy(engine, target)
        data = bytearray(target.read_bytes())
        data[5000:5100] = bytes(100)
        target.write_bytes(bytes(data))

    _note(services)
    monkeypatch.setattr(backups, "_copy_database", copy_then_damage)
    with pytest.raises(BackupFailed):
        create_backup(open_vault.engine, folder, "manual", clock.now())
    assert _backups_dir_entries(folder) == []


def test_no_key_file_no_backup(open_vault, folder, clock):
    folder.key_file.rename(folder.root / "moved.key")
    with pytest.raises(BackupFailed) as failed:
        create_backup(open_vault.engine, folder, "manual", clock.now())
    assert failed.value.kind == "no-key-file"


def test_only_our_own_leftovers_are_cleaned(open_vault, folder, clock):
    good = create_backup(open_vault.engine, folder, "manual", clock.now())
    (folder.backups / ".incomplete-2026-11-23T18-00-00Z-daily-abcd").mkdir()
    (folder.backups / ".incomplete-2026-11-23T18-00-00Z-daily-abcd" / "porchlight.db").write_bytes(
        b"half")
    (folder.backups / "my-notes.txt").write_text("mine")
    (folder.backups / "holiday photos").mkdir()
    assert clean_incomplete_backups(folder) == 1
    assert _backups_dir_entries(folder) == sorted([good.name, "my-notes.txt", "holiday photos"])
    assert [b.path for b in list_backups(folder)] == [good]


def test_a_backup_whose_files_changed_is_listed_incomplete_and_refused(open_vault, folder,
                                                                      clock):
    path = create_backup(open_vault.engine, folder, "manual", clock.now())
    (path / "manifest.json").unlink()
    [info] = list_backups(folder)
    assert not info.complete
    with pytest.raises(BackupDamaged):
        verify_backup(path)


def test_same_second_backups_get_distinct_names(open_vault, folder, clock):
    first = create_backup(open_vault.engine, folder, "manual", clock.now())
    second = create_backup(open_vault.engine, folder, "manual", clock.now())
    assert first != second and second.name.endswith("~2")
    assert len(list_backups(folder)) == 2


# -- automatic backups and retention ---------------------------------------------------------


def test_one_automatic_backup_per_day(open_vault, folder, clock):
    first = backup_if_due(open_vault, clock.now(), UTC)
    assert first is not None
    clock.advance(dt.timedelta(hours=5))
    assert backup_if_due(open_vault, clock.now(), UTC) is None
    clock.advance(dt.timedelta(hours=2))  # the next calendar day
    assert backup_if_due(open_vault, clock.now(), UTC) is not None
    assert [b.reason for b in list_backups(folder)] == ["daily", "daily"]


def test_a_year_of_daily_use_keeps_days_weeks_and_months(open_vault, folder, clock):
    (folder.backups / "my-notes.txt").parent.mkdir(parents=True, exist_ok=True)
    (folder.backups / "my-notes.txt").write_text("mine")
    start = clock.now()
    for day in range(400):
        backup_if_due(open_vault, start + dt.timedelta(days=day), UTC)
    kept = list_backups(folder)
    assert (folder.backups / "my-notes.txt").exists()
    assert 7 <= len(kept) <= 7 + 4 + 12
    newest = start + dt.timedelta(days=399)
    assert kept[0].created == newest
    days = {b.created.date() for b in kept}
    for back in range(7):
        assert (newest - dt.timedelta(days=back)).date() in days
    months = {(b.created.year, b.created.month) for b in kept}
    assert len(months) == 12


def test_pruning_leaves_incomplete_and_foreign_folders_alone(open_vault, folder, clock):
    old = create_backup(open_vault.engine, folder, "daily", clock.now() - dt.timedelta(days=900))
    (old / "manifest.json").unlink()  # incomplete: a person should look at it
    for day in range(10):
        create_backup(open_vault.engine, folder, "daily", clock.now() - dt.timedelta(days=day))
    removed = prune_backups(folder, clock.now(), UTC)
    # Mon 23 back to Sat 14 Nov: 23…17 kept as days; Sun 15 as the newest of its ISO week;
    # Mon 16 is in the week of Sun 22 and Sat 14 in the week of Sun 15: both go.
    assert sorted(b.created.day for b in removed) == [14, 16]
    assert old.exists()
    assert len(list_backups(folder)) == 9


def test_dropping_older_backups_keeps_the_newest(open_vault, folder, clock):
    for day in (30, 20, 10, 0):
        create_backup(open_vault.engine, folder, "daily", clock.now() - dt.timedelta(days=day))
    dropped = drop_backups_older_than(folder, clock.now() - dt.timedelta(days=15))
    assert len(dropped) == 2
    assert len(list_backups(folder)) == 2
    dropped = drop_backups_older_than(folder, clock.now() + dt.timedelta(days=1))
    assert len(list_backups(folder)) == 1
    create_backup(open_vault.engine, folder, "daily", clock.now() + dt.timedelta(days=1))
    assert len(drop_all_but_latest(folder)) == 1
    assert len(list_backups(folder)) == 1


def test_after_a_deletion_a_fresh_backup_replaces_the_old_ones(services, open_vault, folder,
                                                               clock):
    _note(services)
    create_backup(open_vault.engine, folder, "daily", clock.now())
    entry = services.evidence.entries()[0]
    services.evidence.delete(entry.id)
    fresh = replace_backups_with_fresh_one(open_vault, clock.now())
    assert [b.path for b in list_backups(folder)] == [fresh]


# -- restore ---------------------------------------------------------------------------------


def _reopen(folder, clock):
    return vault.unlock(folder, PASSPHRASE, clock)


def test_restore_replaces_a_damaged_database_and_keeps_it_aside(services, open_vault, folder,
                                                                clock):
    _note(services)
    create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    damaged = b"\x00" * folder.database.stat().st_size
    folder.database.write_bytes(damaged)
    [info] = list_backups(folder)
    aside = restore_backup(folder, info, clock.now())
    assert aside.parent == folder.root and aside.name.startswith("aside-")
    assert (aside / "porchlight.db").read_bytes() == damaged
    assert (aside / "porchlight.key").exists()
    reopened = _reopen(folder, clock)
    assert _notes(reopened) == [SECRET]
    reopened.close()


def test_restore_works_when_the_key_file_and_database_are_gone(services, open_vault, folder,
                                                              clock):
    _note(services)
    create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    folder.key_file.unlink()
    for path in folder.root.glob("porchlight.db*"):
        path.unlink()
    restore_backup(folder, list_backups(folder)[0], clock.now())
    reopened = _reopen(folder, clock)
    assert _notes(reopened) == [SECRET]
    reopened.close()


def test_a_damaged_backup_is_refused_and_nothing_moves(services, open_vault, folder, clock):
    _note(services)
    path = create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    data = bytearray((path / "porchlight.db").read_bytes())
    data[-10] ^= 0xFF
    (path / "porchlight.db").write_bytes(bytes(data))
    before = sorted(p.name for p in folder.root.iterdir())
    with pytest.raises(BackupDamaged):
        restore_backup(folder, list_backups(folder)[0], clock.now())
    assert sorted(p.name for p in folder.root.iterdir()) == before


def test_restoring_an_older_key_file_is_reported(services, open_vault, folder, clock):
    create_backup(open_vault.engine, folder, "daily", clock.now())
    [info] = list_backups(folder)
    assert not key_file_changed_since(folder, info)
    open_vault.change_passphrase("a completely different passphrase")
    assert key_file_changed_since(folder, info)


def test_the_manifest_is_plain_json_without_contents(services, open_vault, folder, clock):
    _note(services)
    path = create_backup(open_vault.engine, folder, "daily", clock.now())
    manifest = json.loads((path / "manifest.json").read_text())
    assert set(manifest) == {"format", "created", "reason", "app_version", "schema_revision",
                             "files"}


def test_a_restore_that_cannot_move_files_aside_puts_everything_back(services, open_vault,
                                                                    folder, clock, monkeypatch):
    from app.storage import backup_restore

    create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    before = {p.name: p.read_bytes() for p in folder.root.iterdir() if p.is_file()}
    real_rename, calls = os.rename, []

    def second_rename_fails(source, target):
        calls.append(source)
        if len(calls) == 2:
            raise PermissionError(errno.EACCES, "denied")
        real_rename(source, target)

    monkeypatch.setattr(backup_restore.os, "rename", second_rename_fails)
    with pytest.raises(backup_restore.RestoreFailed):
        restore_backup(folder, list_backups(folder)[0], clock.now())
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in folder.root.iterdir() if p.is_file()}
    assert after == before
    vault.unlock(folder, PASSPHRASE, clock).close()
