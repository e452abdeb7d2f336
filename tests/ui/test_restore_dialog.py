"""Restore from a backup: the list by date, the confirmation, a damaged backup, no backups yet.

Real vaults and real backups (``OpenVault.backup``), a real dialog; the confirmation is a real
``QMessageBox`` answered by clicking its button.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from app.storage.backups import DATABASE, list_backups
from app.ui.background import wait_for_background
from app.ui.backup_words import backup_detail, backup_title, reason_words
from app.ui.dialogs.restore_dialog import RestoreDialog
from tests.ui.modal_answers import answer_next


def _vault_files(folder):
    """Everything in the data folder outside backups/, as bytes (what a restore may touch)."""
    return {p.relative_to(folder.root).as_posix(): p.read_bytes()
            for p in folder.root.rglob("*") if p.is_file() and "backups" not in p.parts}


def _dialog(qtbot, folder, clock):
    dialog = RestoreDialog(folder, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row_texts(dialog):
    rows = []
    for index in range(dialog.list.count()):
        shown = dialog.list.itemWidget(dialog.list.item(index))
        rows.append([label.text() for label in shown.findChildren(QLabel)])
    return rows


def test_backups_are_listed_newest_first_by_date_and_reason(qtbot, services, open_vault,
                                                             folder, clock):
    services.family.add("Maya", 2017, 4)
    open_vault.backup("daily")
    clock.advance(dt.timedelta(days=5))  # Saturday 28 November 2026, 18:00 UTC
    open_vault.backup("manual")
    services.close()
    dialog = _dialog(qtbot, folder, clock)
    rows = _row_texts(dialog)
    assert [row[0] for row in rows] == [
        "Saturday, 28 November 2026, 18:00 — made by you",
        "Monday, 23 November 2026, 18:00 — daily backup",
    ]
    # The size is the small muted line; no file path is ever the text a parent reads.
    assert all(row[1].endswith((" kB", " MB")) for row in rows)  # as a person reads sizes
    assert all(str(folder.root) not in " ".join(row) for row in rows)
    detail = dialog.list.itemWidget(dialog.list.item(0)).detail
    assert detail.property("muted") is True
    assert detail.font().pointSizeF() < dialog.font().pointSizeF()
    assert dialog.list.currentRow() == 0 and dialog.restore_button.isEnabled()
    assert not dialog.empty_note.isVisible()


def test_the_date_is_in_the_computers_zone(qtbot, services, open_vault, folder, local_zone):
    open_vault.backup("daily")  # 18:00 UTC
    services.close()
    local_zone("Pacific/Honolulu")
    (info,) = list_backups(folder)
    assert backup_title(info) == "Monday, 23 November 2026, 08:00 — daily backup"


def test_reasons_are_worded_for_a_parent():
    assert reason_words("daily") == "daily backup"
    assert reason_words("before-0005_drafts") == "before an update"
    assert reason_words("manual") == "made by you"
    assert reason_words("imported") == reason_words("import") == "moved from another computer"
    assert reason_words("something-new") == "backup"


def test_no_backups_yet_is_a_calm_message(qtbot, services, folder, clock):
    services.close()
    folder.key_file.unlink()
    before = _vault_files(folder)
    dialog = _dialog(qtbot, folder, clock)
    assert dialog.empty_note.isVisible()
    assert "hasn't made a backup" in dialog.empty_note.text()
    assert "Nothing has been changed" in dialog.empty_note.text()
    assert not dialog.list.isVisible() and not dialog.restore_button.isVisible()
    dialog.restore_selected()  # nothing to restore: nothing happens, nothing breaks
    assert _vault_files(folder) == before and dialog.isVisible()
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_a_damaged_backup_is_named_and_nothing_is_touched(qtbot, services, open_vault,
                                                          folder, clock):
    services.family.add("Maya", 2017, 4)
    backup = open_vault.backup("daily").parent
    services.close()
    data = bytearray((backup / DATABASE).read_bytes())
    data[5000] ^= 0xFF
    (backup / DATABASE).write_bytes(bytes(data))
    folder.key_file.unlink()
    before = _vault_files(folder)
    dialog = _dialog(qtbot, folder, clock)
    seen = []
    answer_next("confirmRestore", seen)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10000)
    wait_for_background()
    assert dialog.message.text() == (
        "The backup from Monday, 23 November 2026, 18:00 is damaged, so Porchlight didn't use "
        "it. Nothing has been changed. Please choose another backup.")
    assert dialog.isVisible() and dialog.list.count() == 1 and dialog.restore_button.isEnabled()
    assert _vault_files(folder) == before
    assert not list(folder.root.glob("aside-*")) and dialog.outcome is None
    assert seen and "nothing is deleted" in seen[0][1]


def test_saying_no_to_the_confirmation_changes_nothing(qtbot, services, open_vault, folder,
                                                       clock):
    open_vault.backup("daily")
    services.close()
    before = _vault_files(folder)
    dialog = _dialog(qtbot, folder, clock)
    seen = []
    answer_next("cancelRestore", seen)
    dialog.restore_button.click()
    wait_for_background()
    assert seen == [("Restore this backup?", (
        "Porchlight will put back your notes as they were on Monday, 23 November 2026, 18:00. "
        "What is there now is kept aside in a folder named aside-2026-11-23T18-00-00Z, nothing "
        "is deleted."))]
    assert _vault_files(folder) == before and dialog.isVisible()


def test_an_incomplete_backup_is_shown_but_cannot_be_chosen(qtbot, services, open_vault,
                                                            folder, clock):
    backup = open_vault.backup("daily").parent
    services.close()
    (backup / "manifest.json").unlink()
    (info,) = list_backups(folder)
    assert backup_detail(info) == "Incomplete, can't be used"
    dialog = _dialog(qtbot, folder, clock)
    assert dialog.list.count() == 1 and not dialog.restore_button.isEnabled()
