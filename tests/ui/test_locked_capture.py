"""Note something while locked: sealed into the inbox, merged once at the next unlock.

A real main window on a real vault: unlock once (which publishes the inbox key), lock, write a
note from the unlock page, and look at the inbox file's bytes (no typed word in them). The next
unlock merges it once and the banner says so; another lock and unlock adds nothing. Without a
published key the words stay in the dialog and can be copied.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.core.journal.model import EntryFilter
from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_unlocked, wait_for_ops, wait_for_shell
from tests.ui.test_accessibility import accessible_name, controls

WORDS = ("quibblefish", "zebracorn", "lanternmoth")


def _unlock(qtbot, window) -> None:
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    wait_for_shell(qtbot, window)
    wait_for_ops(qtbot, window)


def _write_locked_note(qtbot, window):
    qtbot.mouseClick(window.unlock_page.note_button, Qt.MouseButton.LeftButton)
    dialog = window.locked_note
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # in front, ready for typing
    assert not dialog.child.isEnabled()
    assert dialog.child.currentText() == "Choose the child when you review it"
    qtbot.keyClicks(dialog.picker.filter, "hides the screen")
    qtbot.keyClick(dialog.picker.filter, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.picker.tag_edit, WORDS[0])
    qtbot.keyClick(dialog.picker.tag_edit, Qt.Key.Key_Return)
    dialog.details_toggle.setChecked(True)
    dialog.details.saw.setPlainText(f"{WORDS[1]} said at the {WORDS[2]} bus stop")
    return dialog


def _inbox_bytes(folder) -> list[bytes]:
    return [path.read_bytes() for path in sorted(folder.inbox.iterdir())]


def test_a_note_written_while_locked_is_sealed_and_merged_once(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)  # the first unlock publishes the inbox key
    assert context.folder.inbox_public_key.exists()
    window.lock()
    dialog = _write_locked_note(qtbot, window)
    qtbot.keyClick(dialog.picker.filter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    [sealed] = _inbox_bytes(context.folder)
    for word in (*WORDS, "sign.hides-screen", "bus stop"):
        assert word.encode() not in sealed
        assert word.encode("utf-16-le") not in sealed
    assert window.noted.text() == "Noted in your journal."

    _unlock(qtbot, window)
    banner = window.shell.inbox_banner
    qtbot.waitUntil(banner.isVisible, timeout=15000)
    assert banner.count == 1 and "1 note" in banner.text.text()
    journal = window.services.journal
    [row] = journal.page(EntryFilter(), 0, 10)
    entry = journal.entry(row.id)
    assert entry.fields.child_id is None
    assert entry.fields.signs == ("sign.hides-screen",) and entry.fields.tags == (WORDS[0],)
    assert WORDS[1] in entry.fields.saw
    assert _inbox_bytes(context.folder) == []

    window.lock()
    _unlock(qtbot, window)
    assert journal is not window.services.journal
    assert window.services.journal.count(EntryFilter()) == 1  # merged once, never twice
    assert not window.shell.inbox_banner.isVisible()


def test_review_opens_the_journal_page_when_there_is_one(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    window.lock()
    dialog = _write_locked_note(qtbot, window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    _unlock(qtbot, window)
    banner = window.shell.inbox_banner
    qtbot.waitUntil(banner.isVisible, timeout=15000)
    has_journal = "journal" in window.shell.page_ids()
    assert banner.review_button.isVisibleTo(banner) == has_journal
    if has_journal:
        qtbot.mouseClick(banner.review_button, Qt.MouseButton.LeftButton)
        assert window.shell.pages.currentWidget() is window.shell.page("journal")
    else:
        qtbot.mouseClick(banner.hide_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_without_an_inbox_key_the_words_stay_and_can_be_copied(qtbot, context, services):
    services.close()  # set up, but never unlocked by this version: no inbox key yet
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert not context.folder.inbox_public_key.exists()
    dialog = _write_locked_note(qtbot, window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "after your next unlock" in dialog.message.text()
    assert dialog.details.saw.toPlainText().startswith(WORDS[1])  # nothing typed is lost
    assert dialog.copy_button.isVisible()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert all(word in copied for word in WORDS)
    assert not context.folder.inbox.exists() or _inbox_bytes(context.folder) == []
    dialog.discard_and_close()


def test_unlocking_with_a_locked_note_open_carries_the_words_over(qtbot, context, services):
    services.family.add("Maya", 2014, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    window.lock()
    dialog = _write_locked_note(qtbot, window)
    _unlock(qtbot, window)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    again = window.session.window_of_kind("journal-entry")
    assert again is not None
    assert again.picker.signs() == ("sign.hides-screen",) and again.picker.tags() == (WORDS[0],)
    assert again.details.saw.toPlainText().startswith(WORDS[1])


def test_the_locked_dialog_names_every_control(qtbot, context, services):
    services.close()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert accessible_name(window.unlock_page.note_button) == "Note something without unlocking"
    dialog = _write_locked_note(qtbot, window)
    dialog._cannot_seal("test")  # the copy button shows too
    QApplication.processEvents()
    found = controls(dialog)
    names = [accessible_name(widget) for widget in found]
    object_names = [widget.objectName() for widget in found]
    assert "Copy the words of this note" in names
    assert all(names) and len(set(names)) == len(names), names
    assert all(object_names) and len(set(object_names)) == len(object_names), object_names
    dialog.discard_and_close()
