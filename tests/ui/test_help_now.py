"""Help now is one click (or Ctrl+Shift+H) away on every screen, locked or not."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.ui.help.help_now_dialog import HelpNowDialog
from app.ui.main_window import HELP_SHORTCUT, MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_unlocked, wait_for_shell


def _open_with_shortcut(qtbot, window) -> HelpNowDialog:
    """Press Ctrl+Shift+H as a person would, wherever the focus is in the window."""
    assert HELP_SHORTCUT == "Ctrl+Shift+H"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.focusWidget() or window
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(target, Qt.Key.Key_H, modifiers)
    dialog = window.help_dialog
    assert isinstance(dialog, HelpNowDialog) and dialog.isVisible()
    return dialog


def _texts(dialog, name):
    return [label.text() for label in dialog.findChildren(QLabel, name)]


def test_help_now_before_setup_shows_steps_and_channels(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.setup_flow is not None
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    dialog = window.help_dialog
    assert dialog.isVisible() and dialog.country_code() == "intl"
    assert _texts(dialog, "helpStep") and _texts(dialog, "neverItem")
    assert dialog.evidence_log is None and _texts(dialog, "evidenceLocked")
    dialog.country.setCurrentIndex(dialog.country.findData("us"))
    contacts = " ".join(_texts(dialog, "channelContact"))
    assert "1-800-843-5678" in contacts and "report.cybertip.org" in contacts
    dialog.copy("1-800-843-5678")
    assert QGuiApplication.clipboard().text() == "1-800-843-5678"
    dialog.close()


def test_help_now_from_the_unlock_screen_uses_the_family_country(qtbot, context, services):
    services.settings.set_country("gb")
    services.close()
    window = open_unlocked(qtbot, context)
    window.lock()
    assert window.unlock_page is not None
    dialog = _open_with_shortcut(qtbot, window)
    assert dialog.country_code() == "gb" and dialog.evidence_log is None
    assert "0800 1111" in " ".join(_texts(dialog, "channelContact"))
    assert any("999" in text for text in _texts(dialog, "emergencyLine"))


def test_help_now_when_unlocked_has_the_evidence_log_on_every_page(qtbot, context, services):
    services.close()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    wait_for_shell(qtbot, window)
    for row in range(window.shell.sidebar.count()):
        window.shell.sidebar.setCurrentRow(row)
        dialog = _open_with_shortcut(qtbot, window)
        assert dialog.evidence_log is not None
        assert _texts(dialog, "firstWords")
        dialog.close()
