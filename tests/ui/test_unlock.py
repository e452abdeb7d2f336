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
