"""The first window is built without naming any of Qt's own enums (``Qt.*``): the first such
name makes PySide build all 93 of them, 15 ms of a start otherwise close to a bare Qt window's.
What those names did is done by name instead; these tests show it took effect, and that a start
on a new and on an existing folder really builds none of them before the paint."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent, QPalette, QShortcut
from PySide6.QtWidgets import QApplication, QScrollArea

from app.ui import theme
from app.ui.main_window import MainWindow
from app.ui.widgets.common import body_label, button, message_label
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

WATCH = """
import sys, runpy
built = []
def watch(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "_create_" and \\
            frame.f_code.co_filename.endswith("enum.py"):
        built.append(str(frame.f_locals.get("class_name") or ""))
sys.setprofile(watch)
import app.ui.application as application
smoke = application._smoke
def painted_once(app, window):
    result = smoke(app, window)  # shown, painted, grabbed
    sys.setprofile(None)
    # Qt's namespace is built in one go; these names are its own and no class's.
    own = {"GlobalColor", "AlignmentFlag", "ShortcutContext", "TextFormat", "CursorShape"}
    print("QT ENUMS BEFORE THE PAINT:", sorted(own.intersection(built)), len(built))
    return result
application._smoke = painted_once
sys.argv = ["porchlight", "--smoke", "--data-dir", sys.argv[1]]
runpy.run_module("app", run_name="__main__")
"""


@pytest.mark.parametrize("kind", ["new", "existing"])
def test_a_start_builds_none_of_qts_enums_before_the_first_paint(tmp_path, clock, kind):
    folder = tmp_path / "data"
    if kind == "existing":
        from app.storage import vault
        from app.storage.data_folder import DataFolder

        vault.create(DataFolder(folder), PASSPHRASE, RECOVERY, FAST_KDF, clock).close()
    result = subprocess.run([sys.executable, "-c", WATCH, str(folder)], capture_output=True,
                            text=True, timeout=60,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert "QT ENUMS BEFORE THE PAINT: [] " in result.stdout, result.stdout


def test_labels_show_their_text_as_written(qtbot):
    label = body_label("<b>Maya</b>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert message_label().textFormat() == Qt.TextFormat.PlainText


def test_the_windows_shortcuts_work_in_every_window(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    shortcuts = window.findChildren(QShortcut)
    keys = {s.key().toString() for s in shortcuts}
    assert {"Ctrl+J", "Ctrl+Shift+H", "Ctrl+Shift+Q"} <= keys
    assert {s.context() for s in shortcuts if s.key().toString() in
            ("Ctrl+J", "Ctrl+Shift+H", "Ctrl+Shift+Q")} == {Qt.ShortcutContext.ApplicationShortcut}


def test_the_setup_steps_never_scroll_sideways_and_the_folder_can_be_copied(qtbot, tmp_path):
    from app.storage.data_folder import DataFolder
    from app.ui.context import AppContext

    window = MainWindow(AppContext(DataFolder(tmp_path / "new"), use_tray=False))
    qtbot.addWidget(window)
    scroll = window.findChild(QScrollArea, "setupScroll")
    assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    note = window.setup_flow.findChild(type(body_label("")), "setupFolderNote")
    assert note.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_link_shows_a_pointing_hand_once_the_mouse_is_over_it(qtbot):
    link = button("Forgot your passphrase?", "forgot", link=True)
    qtbot.addWidget(link)
    link.show()
    assert link.cursor().shape() != Qt.CursorShape.PointingHandCursor
    QApplication.sendEvent(link, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    assert link.cursor().shape() == Qt.CursorShape.PointingHandCursor
    plain = button("Unlock", "unlock")
    assert plain.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert QEvent.Type.Enter  # the event sent above is the one Qt sends


def _with_palette(app, window_colour: str) -> None:
    palette = QPalette(app.palette())
    palette.setColor(QPalette.ColorRole.Window, window_colour)
    app.setPalette(palette)


def test_light_or_dark_is_read_from_the_palette_then_confirmed(qtbot, qapp, monkeypatch):
    monkeypatch.delenv("PORCHLIGHT_COLOR_SCHEME")
    before = QPalette(qapp.palette())
    try:
        _with_palette(qapp, "#202124")  # the system gave a dark palette
        assert theme.wants_dark()
        assert theme.apply_theme(qapp, set_style=False) is theme.DARK
        theme.follow_the_system(qapp, read_scheme=lambda: None)  # Qt cannot say: stays
        assert theme.wants_dark()
        theme.follow_the_system(qapp, read_scheme=lambda: "light")  # Qt says otherwise
        assert not theme.wants_dark() and theme.LIGHT.window in qapp.styleSheet() + \
            qapp.palette().color(QPalette.ColorRole.Window).name()
        theme.follow_the_system(qapp, read_scheme=lambda: "dark")
        assert theme.wants_dark()
        monkeypatch.setenv("PORCHLIGHT_COLOR_SCHEME", "light")  # a choice made outright wins
        theme.follow_the_system(qapp, read_scheme=lambda: "dark")
        assert theme.apply_theme(qapp, set_style=False) is theme.LIGHT
    finally:
        qapp.setPalette(before)
        monkeypatch.setenv("PORCHLIGHT_COLOR_SCHEME", "light")
        theme.apply_theme(qapp, set_style=False)
