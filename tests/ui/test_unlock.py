"""The unlock screen: wrong passphrase, damaged files, and "Forgot your passphrase?"."""

from PySide6.QtCore import Qt

from app.ui import messages
from app.ui.background import wait_for_background
from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE, RECOVERY
from tests.ui.helpers import wait_for_shell


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.root.iterdir() if p.is_file()}


def _locked_window(qtbot, context, services):
    services.family.add("Maya", 2017, 4)
    services.close()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_wrong_passphrase_says_so_and_changes_nothing(qtbot, context, services):
    window = _locked_window(qtbot, context, services)
    window.save_geometry()
    before = _snapshot(context.folder)
    page = window.unlock_page
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == messages.EMPTY_PASSPHRASE
    qtbot.keyClicks(page.passphrase, "definitely wrong")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == messages.WRONG_PASSPHRASE, timeout=10000)
    assert page.unlock_button.isEnabled() and window.shell is None
    assert _snapshot(context.folder) == before
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    wait_for_shell(qtbot, window)


def test_damaged_database_is_worded_differently(qtbot, context, services):
    window = _locked_window(qtbot, context, services)
    data = bytearray(context.folder.database.read_bytes())
    data[100:4000] = b"\x00" * 3900
    context.folder.database.write_bytes(bytes(data))
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == messages.DAMAGED_DATABASE, timeout=10000)
    # The same screen with a wrong passphrase says something else: told apart, not guessed.
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == messages.WRONG_PASSPHRASE, timeout=10000)
    assert window.shell is None


def test_a_missing_key_file_is_named_at_once_and_setup_is_not_offered(qtbot, context, services):
    """Issue 9.1: the window took a folder without porchlight.key for first-run setup."""
    services.family.add("Maya", 2017, 4)
    services.close()
    context.folder.key_file.unlink()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.setup_flow is None and window.unlock_page is not None
    assert window.unlock_page.message.text() == messages.MISSING_KEY_FILE
    assert context.folder.database.exists()


def test_damaged_key_file_message(qtbot, context, services):
    window = _locked_window(qtbot, context, services)
    context.folder.key_file.write_text("{ not json")
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == messages.DAMAGED_KEY_FILE, timeout=10000)


def test_recovery_code_sets_a_new_passphrase(qtbot, context, services):
    from app.ui.dialogs.recover_dialog import RecoverDialog

    window = _locked_window(qtbot, context, services)
    qtbot.mouseClick(window.unlock_page.forgot_button, Qt.MouseButton.LeftButton)
    dialog = window.unlock_page.findChild(RecoverDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.code, "not a code")
    qtbot.keyClicks(dialog.fields.first, "fresh meadow harbor kettle")
    qtbot.keyClicks(dialog.fields.second, "fresh meadow harbor kettle")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "25" in dialog.message.text()
    dialog.code.setText("Z" * 25)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == messages.WRONG_RECOVERY_CODE, timeout=10000)
    dialog.code.setText("-".join(RECOVERY[i:i + 5] for i in range(0, 25, 5)).lower())
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    wait_for_shell(qtbot, window)
    assert [c.name for c in window.services.family.children()] == ["Maya"]
    window.close()

    from app.storage import vault

    try:
        vault.unlock(context.folder, PASSPHRASE, context.clock)
        raise AssertionError("the old passphrase still works")
    except vault.WrongPassphrase:
        pass
    vault.unlock(context.folder, "fresh meadow harbor kettle", context.clock).close()
    wait_for_background()


# -- a missing or damaged part: restore from a backup, from the unlock screen itself ----------

def _vault_with_a_backup(context, services, open_vault):
    """Maya is in the backup; Sam was added after it (so a restore visibly goes back)."""
    services.family.add("Maya", 2017, 4)
    open_vault.backup("daily")
    services.family.add("Sam", 2019, 2)


def _restore_through_the_dialog(qtbot, page):
    from app.ui.dialogs.restore_dialog import RestoreDialog
    from tests.ui.modal_answers import answer_next

    assert page.restore_row.isVisible() and page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible() and dialog.list.count() == 1
    seen = []
    answer_next("confirmRestore", seen)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.restored_note.isVisible(), timeout=10000)
    wait_for_background()
    assert not dialog.isVisible()
    return seen


def _unlock_with(qtbot, window, passphrase):
    page = window.unlock_page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    wait_for_shell(qtbot, window)
    return [c.name for c in window.services.family.children()]


def test_a_missing_key_file_is_restored_from_a_backup(qtbot, context, services, open_vault):
    _vault_with_a_backup(context, services, open_vault)
    services.close()
    folder = context.folder
    database_now = folder.database.read_bytes()
    folder.key_file.unlink()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.unlock_page
    assert page.message.text() == messages.MISSING_KEY_FILE
    assert page.restore_row.isVisible()
    assert page.restore_button.accessibleName() == "Restore your notes from a backup"
    seen = _restore_through_the_dialog(qtbot, page)
    assert "aside-2026-11-23T18-00-00Z" in seen[0][1]
    # The key file is back; the database that was there is kept aside, byte for byte.
    assert folder.key_file.is_file()
    (aside,) = folder.root.glob("aside-*")
    assert (aside / "porchlight.db").read_bytes() == database_now
    # The page looked again: no problem, no restore offer, a confirmation that stays.
    assert page.problem is None and not page.message.isVisible()
    assert not page.restore_row.isVisible()
    assert page.restored_note.text().startswith(
        "Your notes are back as they were on Monday, 23 November 2026, 18:00.")
    assert aside.name in page.restored_note.text()
    assert page.passphrase.hasFocus() or window.focusWidget() is page.passphrase
    assert _unlock_with(qtbot, window, PASSPHRASE) == ["Maya"]
    window.close()


def test_a_zeroed_database_is_restored_and_the_old_passphrase_is_named(qtbot, context, services,
                                                                       open_vault):
    _vault_with_a_backup(context, services, open_vault)
    open_vault.change_passphrase("harbor kettle fresh meadow")  # after the backup
    services.close()
    folder = context.folder
    folder.database.write_bytes(b"\x00" * folder.database.stat().st_size)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.unlock_page
    assert not page.restore_row.isVisible()  # nothing is known to be wrong before unlocking
    qtbot.keyClicks(page.passphrase, "harbor kettle fresh meadow")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == messages.DAMAGED_DATABASE, timeout=10000)
    seen = _restore_through_the_dialog(qtbot, page)
    assert seen[0][0] == "Restore this backup?"
    (aside,) = folder.root.glob("aside-*")
    assert (aside / "porchlight.db").read_bytes() == b"\x00" * (aside / "porchlight.db").stat(
        ).st_size
    assert page.restored_note.text().endswith(
        "Use the passphrase you had on Monday, 23 November 2026, 18:00.")
    # A wrong try afterwards does not wipe the note saying which passphrase to use.
    page.passphrase.setText("harbor kettle fresh meadow")
    page.try_unlock()
    qtbot.waitUntil(lambda: page.message.text() == messages.WRONG_PASSPHRASE, timeout=10000)
    assert page.restored_note.isVisible() and not page.restore_row.isVisible()
    assert _unlock_with(qtbot, window, PASSPHRASE) == ["Maya"]
    window.close()


def test_with_no_backup_the_offer_says_so_calmly(qtbot, context, services):
    from app.ui.dialogs.restore_dialog import RestoreDialog

    services.close()
    context.folder.key_file.unlink()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.unlock_page
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RestoreDialog)
    assert dialog.empty_note.isVisible() and not dialog.restore_button.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.message.text() == messages.MISSING_KEY_FILE and page.restore_row.isVisible()
    assert context.folder.database.exists()


def test_open_the_data_folder_is_a_local_file_address(qtbot, context, services, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    services.close()
    context.folder.key_file.unlink()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.unlock_page.open_folder_button, Qt.MouseButton.LeftButton)
    assert [url.isLocalFile() for url in opened] == [True]
    assert opened[0].toLocalFile() == str(context.folder.root)


def test_a_wrong_passphrase_offers_no_restore(qtbot, context, services, open_vault):
    _vault_with_a_backup(context, services, open_vault)
    window = _locked_window(qtbot, context, services)
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, "definitely wrong")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == messages.WRONG_PASSPHRASE, timeout=10000)
    assert not page.restore_row.isVisible()


def test_every_control_on_the_unlock_screen_has_its_own_accessible_name(qtbot, context,
                                                                        services):
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    services.close()
    context.folder.key_file.unlink()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    controls = window.unlock_page.findChildren(QAbstractButton) + \
        window.unlock_page.findChildren(QLineEdit)
    names = [c.accessibleName() for c in controls if c.isVisible()]
    assert all(names) and len(names) == len(set(names))
