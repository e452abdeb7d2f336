"""Small helpers for driving real windows in tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event
from sqlalchemy.engine import Engine

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


@contextmanager
def sql_threads() -> Iterator[tuple[list[str], list[str]]]:
    """Every SQL statement run meanwhile, on any engine, and the first words of those run on
    the GUI thread (which must stay empty: the window never waits for the database)."""
    seen: list[str] = []
    on_gui: list[str] = []
    gui = threading.get_ident()

    def record(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)
        if threading.get_ident() == gui:
            on_gui.append(statement.split("\n")[0][:60])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen, on_gui
    finally:
        event.remove(Engine, "before_cursor_execute", record)
