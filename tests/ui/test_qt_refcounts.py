"""The Qt binding must not eat references to None: a long-running app would abort.

PySide6 6.12.0 on Python 3.11 loses one reference to ``None`` on every call that returns
nothing; after a few thousand such calls (a day in the tray) the interpreter stops with
"deallocating None". pyproject.toml keeps that release out; this test notices if it comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_that_return_nothing_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(3000):
        label.setText(str(number))
    assert sys.getrefcount(None) > before - 100
