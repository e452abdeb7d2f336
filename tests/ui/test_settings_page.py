"""Settings: the catalogue's choices are saved and take effect; backups are listed and used."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.storage import backups, vault_export
from app.ui.background import wait_for_background
from app.ui.settings.catalogue import AUTO_LOCK, CATALOGUE, LOCK_ON_SLEEP
from tests.ui.helpers import open_unlocked


def settings_page(qtbot, context, services):
    services.family.add("Maya", 2016, 4)
    services.close()
    window = open_unlocked(qtbot, context)
    return window, window.shell.show_page("settings")


def test_every_catalogue_entry_has_a_named_control(qtbot, context, services):
    _window, page = settings_page(qtbot, context, services)
    names = [page.controls[spec.key].accessibleName() for spec in CATALOGUE]
    assert all(names) and len(set(names)) == len(names)


def test_auto_lock_minutes_are_saved_and_used(qtbot, context, services):
    window, page = settings_page(qtbot, context, services)
    spin = page.controls[AUTO_LOCK.key]
    assert spin.value() == 10
    spin.setValue(25)
    assert window.session.auto_lock_minutes() == 25
    assert window.services.settings.get(AUTO_LOCK.key) == "25"
    spin.setValue(0)
    assert window.session.idle._minutes == 0  # 0 means never


def test_lock_on_sleep_can_be_turned_off(qtbot, context, services, clock):
    window, page = settings_page(qtbot, context, services)
    page.controls[LOCK_ON_SLEEP.key].setChecked(False)
    clock.advance(dt.timedelta(hours=3))
    window.checkins.engine.heartbeat.check()
    assert window.session is not None


def test_back_up_now_lists_the_new_backup(qtbot, context, services, folder):
    _window, page = settings_page(qtbot, context, services)
    before = len(backups.list_backups(folder))
    page.backups.backup_now.click()
    wait_for_background()
    qtbot.waitUntil(lambda: "made by you" in page.backups.list.item(0).text())
    assert len(backups.list_backups(folder)) == before + 1
    assert page.backups.list.count() == before + 1


def test_move_to_another_computer_writes_one_encrypted_file(qtbot, context, services, tmp_path,
                                                             monkeypatch):
    _window, page = settings_page(qtbot, context, services)
    target = tmp_path / "moving" / "family"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Porchlight export (*.porchlight-export)"))
    page.backups.move.click()
    wait_for_background()
    written = target.with_name("family.porchlight-export")
    qtbot.waitUntil(written.exists)
    assert vault_export.inspect_export(written).size_bytes > 0
    assert b"Maya" not in written.read_bytes()


def test_remove_older_backups_keeps_one_fresh_copy(qtbot, context, services, folder, clock,
                                                   monkeypatch):
    window, page = settings_page(qtbot, context, services)
    vault = window.services.vault
    for _day in range(3):
        clock.advance(dt.timedelta(days=1))
        backups.create_backup(vault.engine, folder, "daily", clock.now())
    page.backups.refresh()
    assert page.backups.drop.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    page.backups.drop.click()
    wait_for_background()
    qtbot.waitUntil(lambda: len(backups.list_backups(folder)) == 1)
    assert backups.list_backups(folder)[0].reason == "after-delete"
