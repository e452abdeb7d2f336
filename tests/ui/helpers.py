"""Small helpers for driving real windows in tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.background import wait_for_background
from app.ui.main_window import MainWindow


def answer_next_dialog(action: Callable[[QWidget], None], delay_ms: int = 50) -> None:
    """Run ``action`` on the next modal dialog once it is open (as a person would)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(delay_ms, attempt)
            return
        action(dialog)

    QTimer.singleShot(delay_ms, attempt)


def wait_for_shell(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.shell is not None, timeout=15000)
    wait_for_background()
    wait_for_ops(qtbot, window)


def wait_for_ops(qtbot, window: MainWindow) -> None:
    """Until the database worker has run and delivered everything asked of it so far."""
    if window.session is not None:
        ops = window.session.ops
        qtbot.waitUntil(ops.idle, timeout=15000)


def open_unlocked(qtbot, context) -> MainWindow:
    """A real main window on ``context``'s folder, unlocked with the test passphrase."""
    from tests.conftest import PASSPHRASE

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    wait_for_shell(qtbot, window)
    return window
