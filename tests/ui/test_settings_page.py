"""Settings: the catalogue's choices are saved through the worker and take effect; the country
leads Help now; caregivers are a list; reminders; backups are listed and used."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QSpinBox,
)

from app.core.schedules import ScheduleSpec
from app.storage import backups, vault_export
from app.ui.settings.catalogue import (
    AUTO_LOCK,
    CATALOGUE,
    CLOSE_TO_TRAY,
    COUNTRY,
    LOCK_ON_SLEEP,
    SHOW_NAMES,
)
from app.ui.settings.settings_page import SettingsPage
from tests.ui.helpers import open_unlocked, wait_for_ops


def settings_page(qtbot, context, services, **settings):
    services.family.add("Maya", 2016, 4)
    for key, value in settings.items():
        services.settings.set(key, value)
    services.close()
    window = open_unlocked(qtbot, context)
    return window, window.shell.show_page("settings")


def full_page(qtbot, window, context) -> SettingsPage:
    """The page as the Shell builds it where there is a tray and a login entry to set."""
    page = SettingsPage(window.session, autostart=context.autostart, tray_available=True)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    wait_for_ops(qtbot, window)
    return page


def test_every_control_has_its_own_name(qtbot, context, services):
    window, _page = settings_page(qtbot, context, services)
    page = full_page(qtbot, window, context)
    assert set(page.controls) == {spec.key for spec in CATALOGUE}
    interactive = [w for kind in (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QListWidget)
                   for w in page.findChildren(kind) if w.isVisibleTo(page)
                   and not isinstance(w.parent(), QSpinBox | QComboBox)]
    names = [w.accessibleName() for w in interactive]
    assert all(names), [w.objectName() for w in interactive if not w.accessibleName()]
    assert len(set(names)) == len(names), sorted(names)


def test_auto_lock_minutes_are_saved_and_used(qtbot, context, services):
    window, page = settings_page(qtbot, context, services)
    spin = page.controls[AUTO_LOCK.key]
    assert spin.value() == 10
    spin.setValue(25)
    wait_for_ops(qtbot, window)
    assert window.session.auto_lock_minutes() == 25
    assert window.services.settings.get(AUTO_LOCK.key) == "25"
    spin.setValue(0)
    assert window.session.idle._minutes == 0  # 0 means never


def test_lock_on_sleep_can_be_turned_off(qtbot, context, services, clock):
    window, page = settings_page(qtbot, context, services)
    page.controls[LOCK_ON_SLEEP.key].setChecked(False)
    wait_for_ops(qtbot, window)
    clock.advance(dt.timedelta(hours=3))
    window.checkins.engine.heartbeat.check()
    assert window.session is not None


def test_the_page_shows_what_is_saved_not_the_defaults(qtbot, context, services):
    window, page = settings_page(qtbot, context, services, **{
        AUTO_LOCK.key: "45", COUNTRY.key: "ca", SHOW_NAMES.key: "1"})
    assert page.controls[AUTO_LOCK.key].value() == 45
    assert page.controls[COUNTRY.key].currentData() == "ca"
    assert page.controls[SHOW_NAMES.key].isChecked()
    writes = window.session.ops.writes
    page.show_values()  # showing again writes nothing back
    wait_for_ops(qtbot, window)
    assert window.session.ops.writes == writes


def test_changing_the_country_here_changes_help_now(qtbot, context, services):
    window, page = settings_page(qtbot, context, services, country="us")
    combo = page.controls[COUNTRY.key]
    combo.setCurrentIndex(combo.findData("gb"))
    wait_for_ops(qtbot, window)
    assert window.services.settings.country().code == "gb"
    dialog = window.open_help_now()
    assert dialog.country_code() == "gb"
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "CEOP" in shown and "CyberTipline" not in shown
    dialog.close()


def test_reminder_choices_are_saved_and_start_at_login_writes_the_entry(qtbot, context,
                                                                          services):
    window, _page = settings_page(qtbot, context, services)
    page = full_page(qtbot, window, context)
    page.controls[SHOW_NAMES.key].setChecked(True)
    page.controls[CLOSE_TO_TRAY.key].setChecked(False)
    wait_for_ops(qtbot, window)
    assert window.services.settings.get(SHOW_NAMES.key) == "1"
    assert window.services.settings.get(CLOSE_TO_TRAY.key) == "0"
    assert window.session.close_to_tray is False
    start = page.reminders.start_at_login
    assert start.isVisibleTo(page) and not start.isChecked()
    start.setChecked(True)
    assert context.autostart.is_enabled()
    assert "--minimized" in context.autostart.path().read_text()
    start.setChecked(False)
    assert not context.autostart.is_enabled()


def test_no_tray_no_close_to_tray_choice_and_no_login_entry_without_autostart(
        qtbot, context, services):
    window, _page = settings_page(qtbot, context, services)
    page = SettingsPage(window.session)
    qtbot.addWidget(page)
    assert CLOSE_TO_TRAY.key not in page.controls
    assert not page.reminders.start_at_login.isVisibleTo(page)


def test_names_in_notifications_only_when_chosen_here(qtbot, context, services, clock):
    window, page = settings_page(qtbot, context, services)
    maya = window.services.family.children()[0]
    page.controls[SHOW_NAMES.key].setChecked(True)
    wait_for_ops(qtbot, window)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [maya.id])
    clock.set(dt.datetime(2026, 11, 29, 18, 0, tzinfo=dt.UTC))
    window.checkins.replan()
    wait_for_ops(qtbot, window)
    assert "Maya" in context.notifier.shown[-1][1]


# --- caregivers ------------------------------------------------------------------------------

def test_caregivers_are_added_renamed_and_removed_and_their_check_ins_follow(
        qtbot, context, services, monkeypatch):
    window, page = settings_page(qtbot, context, services)
    family = page.family
    maya = window.services.family.children()[0]
    schedule = window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [maya.id],
        "Grandma")
    for name in ("Grandma", "Dad", "dad"):
        family.new_name.setText(name)
        family.add_button.click()
        wait_for_ops(qtbot, window)
    assert [c.name for c in family.caregivers] == ["Dad", "Grandma"]
    assert "already on the list" in family.message.text()
    assert family.list.item(1).text() == "Grandma · check-ins led: 1"

    family.list.setCurrentRow(1)
    assert family.rename_button.accessibleName() == "Rename Grandma"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Nana", True))
    family.rename_button.click()
    wait_for_ops(qtbot, window)
    assert window.services.checkins.schedule(schedule.id).caregiver == "Nana"
    assert [c.name for c in family.caregivers] == ["Dad", "Nana"]

    family.list.setCurrentRow(1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    family.remove_button.click()
    wait_for_ops(qtbot, window)
    assert [c.name for c in window.services.caregivers.caregivers()] == ["Dad"]
    assert window.services.checkins.schedule(schedule.id).caregiver == ""


# --- backups ---------------------------------------------------------------------------------

def test_back_up_now_lists_the_new_backup(qtbot, context, services, folder):
    window, page = settings_page(qtbot, context, services)
    before = len(backups.list_backups(folder))
    page.backups.backup_now.click()
    wait_for_ops(qtbot, window)
    qtbot.waitUntil(lambda: "made by you" in page.backups.list.item(0).text())
    assert len(backups.list_backups(folder)) == before + 1
    assert page.backups.list.count() == before + 1


def test_move_to_another_computer_writes_one_encrypted_file(qtbot, context, services, tmp_path,
                                                             monkeypatch):
    window, page = settings_page(qtbot, context, services)
    target = tmp_path / "moving" / "family"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Porchlight export (*.porchlight-export)"))
    page.backups.move.click()
    wait_for_ops(qtbot, window)
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
    wait_for_ops(qtbot, window)
    qtbot.waitUntil(lambda: len(backups.list_backups(folder)) == 1)
    assert backups.list_backups(folder)[0].reason == "after-delete"


def test_the_check_in_dialog_picks_its_leader_from_the_list(qtbot):
    from app.core.ages import BirthMonth
    from app.core.checkins import Schedule
    from app.core.family import Child
    from app.ui.checkins.schedule_dialog import ScheduleDialog

    maya = Child(1, "Maya", BirthMonth(2016, 4))
    saved = []
    dialog = ScheduleDialog([maya], lambda spec, ids, who: saved.append((ids, who)),
                            dt.date(2026, 11, 29), caregivers=["Dad", "Grandma"])
    qtbot.addWidget(dialog)
    offered = [dialog.caregiver.itemText(i) for i in range(dialog.caregiver.count())]
    assert offered == ["Nobody in particular", "Dad", "Grandma"]
    assert dialog.caregiver_name() == ""
    dialog.choose_caregiver("Grandma")
    dialog.save_button.click()
    assert saved == [([1], "Grandma")]

    # A name the check-in already has stays offered (and chosen) even if it left the list.
    spec = ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29))
    old = ScheduleDialog([maya], lambda spec, ids, who: saved.append((ids, who)),
                         dt.date(2026, 11, 29), Schedule(3, spec, (1,), "Auntie"),
                         caregivers=["Dad"])
    qtbot.addWidget(old)
    assert old.caregiver_name() == "Auntie"
    old.save_button.click()
    assert saved[-1] == ([1], "Auntie")
