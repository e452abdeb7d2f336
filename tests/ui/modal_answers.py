"""Answer the next modal question by clicking one of its buttons, as a person would.

The question is a real ``QMessageBox`` run with ``exec()``; a timer waits for it to appear,
records its title and text (so a test can check what the parent read), and clicks the button
with the given object name. It gives up after about five seconds, so a question that never
comes fails the test's own assertion instead of looping forever.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


def answer_next(button_name: str, seen: list[tuple[str, str]] | None = None,
                tries: int = 500) -> None:
    def attempt(left: int) -> None:
        box = QApplication.activeModalWidget()
        target = box.findChild(QAbstractButton, button_name) if box is not None else None
        if target is None:
            if left > 0:
                QTimer.singleShot(10, lambda: attempt(left - 1))
            return
        if seen is not None:
            text = box.text() if isinstance(box, QMessageBox) else ""
            seen.append((box.windowTitle(), text))
        target.click()

    QTimer.singleShot(0, lambda: attempt(tries))
