"""Note something: three interactions from the top bar, Ctrl+J and a child's card, on a real vault.

Each test drives the real main window unlocked on a real encrypted vault and counts what a
parent does (clicks and keys; typing a word and pressing Enter to tick is one interaction),
then reads the store to check the entry kept: child, signs, tags, details, revisions. An urgent
sign opens Help now; a lock keeps a half-written note and the next unlock gives it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from app.core.journal.model import EntryFields, EntryFilter
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_unlocked, wait_for_ops, wait_for_shell
from tests.ui.test_accessibility import accessible_name, controls


def _entries(window):
    journal = window.services.journal
    return [journal.entry(row.id) for row in journal.page(EntryFilter(), 0, 50)]


def _dialog(qtbot, window):
    dialog = window.session.window_of_kind("journal-entry")
    assert dialog is not None and dialog.isVisible()
    wait_for_ops(qtbot, window)  # the children and the last child noted are read
    return dialog


def _sign_item(dialog, sign_id):
    for item in dialog.picker._sign_items():
        if item.data(0, Qt.ItemDataRole.UserRole)[1] == sign_id:
            return item
    raise AssertionError(sign_id)


def _click_row(qtbot, dialog, sign_id) -> None:
    """A click on the words of a sign's row ticks it (one interaction)."""
    tree = dialog.picker.tree
    item = _sign_item(dialog, sign_id)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _type_and_enter(qtbot, dialog, words: str) -> None:
    """Type a few words in the filter and press Enter: the first match is ticked."""
    qtbot.keyClicks(dialog.picker.filter, words)
    qtbot.keyClick(dialog.picker.filter, Qt.Key.Key_Return)


def _saved(qtbot, window, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    wait_for_ops(qtbot, window)


def test_top_bar_button_tick_save_in_three_clicks(qtbot, context, services):
    maya = services.family.add("Maya", 2014, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    interactions = 0
    qtbot.mouseClick(window.note_button, Qt.MouseButton.LeftButton)
    interactions += 1
    dialog = _dialog(qtbot, window)
    assert dialog.child_id() == maya.id  # the only child is chosen already
    _click_row(qtbot, dialog, "sign.hides-screen")
    interactions += 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    interactions += 1
    _saved(qtbot, window, dialog)
    assert interactions <= 3
    [entry] = _entries(window)
    assert entry.fields.child_id == maya.id
    assert entry.fields.signs == ("sign.hides-screen",)
    assert entry.revision == 1
    assert window.noted.isVisible() and window.noted.text() == "Noted in your journal."


def test_ctrl_j_type_enter_ctrl_enter_for_the_child_last_noted(qtbot, context, services, clock):
    services.family.add("Maya", 2014, 3)
    sam = services.family.add("Sam", 2011, 7)
    services.journal.add(EntryFields(child_id=sam.id, noted_at=clock.now(),
                                     signs=("sign.clears-chats",)))
    services.close()
    window = open_unlocked(qtbot, context)
    window.activateWindow()
    qtbot.keyClick(window.shell, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, window)
    assert dialog.child_id() == sam.id  # two children: the one noted about last
    assert dialog.focusWidget() is dialog.picker.filter  # typing goes to the filter
    _type_and_enter(qtbot, dialog, "gift cards urgently")
    qtbot.keyClick(dialog.picker.filter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _saved(qtbot, window, dialog)
    newest = max(_entries(window), key=lambda e: e.id)
    assert newest.fields.child_id == sam.id
    assert newest.fields.signs == ("sign.urgent-money",)


def test_child_card_preselects_that_child(qtbot, context, services):
    services.family.add("Maya", 2014, 3)
    sam = services.family.add("Sam", 2011, 7)
    services.close()
    window = open_unlocked(qtbot, context)
    family = window.shell.page("family")
    qtbot.waitUntil(lambda: family.findChild(QPushButton, f"noteChild{sam.id}") is not None)
    card_button = family.findChild(QPushButton, f"noteChild{sam.id}")
    assert card_button.accessibleName() == "Note something about Sam"
    qtbot.mouseClick(card_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, window)
    assert dialog.child_id() == sam.id
    _type_and_enter(qtbot, dialog, "second account")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _saved(qtbot, window, dialog)
    [entry] = _entries(window)
    assert entry.fields.child_id == sam.id and entry.fields.signs == ("sign.hidden-account",)


def test_details_and_own_word_are_kept(qtbot, context, services):
    services.family.add("Maya", 2014, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.note_something()
    _dialog(qtbot, window)
    dialog.select_child(None)  # the family / not sure
    qtbot.keyClicks(dialog.picker.tag_edit, "bus stop")
    qtbot.keyClick(dialog.picker.tag_edit, Qt.Key.Key_Return)
    assert not dialog.details.isVisible()  # closed by default
    qtbot.mouseClick(dialog.details_toggle, Qt.MouseButton.LeftButton)
    assert dialog.details.saw.isVisible()
    dialog.details.saw.setPlainText("Said 'he told me not to tell you'")
    dialog.details.think.setPlainText("Maybe someone new online")
    qtbot.mouseClick(dialog.details.strength_group.button(2), Qt.MouseButton.LeftButton)
    dialog.details.place.setText("Discord")
    dialog.details.did.setPlainText("Asked gently, will talk Sunday")
    dialog.details.come_back.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _saved(qtbot, window, dialog)
    [entry] = _entries(window)
    fields = entry.fields
    assert fields.child_id is None and fields.signs == () and fields.tags == ("bus stop",)
    assert (fields.saw, fields.think, fields.strength, fields.place, fields.did,
            fields.come_back) == ("Said 'he told me not to tell you'", "Maybe someone new online",
                                  2, "Discord", "Asked gently, will talk Sunday", True)
    again = window.note_something()  # "Add details" is remembered open
    assert again.details_toggle.isChecked() and again.details.saw.isVisible()
    wait_for_ops(qtbot, window)
    assert "Discord" in again.details.place.completer().model().stringList()
    window.save_geometry()
    kept_outside = context.folder.window_settings.read_bytes()  # a yes/no, never a word
    assert b"detailsOpen" in kept_outside
    assert not any(word in kept_outside for word in (b"Discord", b"bus stop", b"Maya"))


def test_nothing_ticked_says_why_and_keeps_the_dialog(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.note_something()
    _dialog(qtbot, window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Tick at least one sign" in dialog.message.text()
    wait_for_ops(qtbot, window)
    assert not _entries(window)


def test_editing_makes_revision_two(qtbot, context, services, clock):
    maya = services.family.add("Maya", 2014, 3)
    entry = services.journal.add(EntryFields(child_id=maya.id, noted_at=clock.now(),
                                             signs=("sign.hides-screen",), saw="first words"))
    services.close()
    window = open_unlocked(qtbot, context)
    window.shell.edit_entry_requested.emit(entry.id)  # what the journal page asks for
    wait_for_ops(qtbot, window)
    dialog = _dialog(qtbot, window)
    assert dialog.entry.id == entry.id and dialog.windowTitle() == "Change this note"
    assert dialog.picker.signs() == ("sign.hides-screen",)
    assert dialog.details.saw.toPlainText() == "first words" and dialog.details.isVisible()
    assert dialog.child_id() == maya.id
    dialog.details.saw.setPlainText("first words, and more")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _saved(qtbot, window, dialog)
    kept = window.services.journal.entry(entry.id)
    assert kept.revision == 2 and kept.fields.saw == "first words, and more"
    assert [r.fields.saw for r in window.services.journal.history(entry.id)] == [
        "first words", "first words, and more"]


def test_an_urgent_sign_is_kept_and_opens_help_now(qtbot, context, services):
    services.family.add("Maya", 2014, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.note_something()
    _dialog(qtbot, window)
    _click_row(qtbot, dialog, "sign.talks-of-dying")
    assert dialog.picker.urgent_note.isVisible()
    assert window.help_dialog is None or not window.help_dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _saved(qtbot, window, dialog)
    help_now = window.help_dialog
    assert help_now is not None and help_now.isVisible() and help_now.urgent
    # The crisis lines come first, before the emergency card and the steps.
    body = help_now.scroll.widget()
    crisis = help_now.findChild(QWidget, "crisisFirst")
    emergency = help_now.findChild(QLabel, "emergencyLine")
    assert crisis is not None and crisis.isVisible()
    assert crisis.mapTo(body, crisis.rect().topLeft()).y() < \
        emergency.mapTo(body, emergency.rect().topLeft()).y()
    names = [label.text() for label in crisis.findChildren(QLabel, "crisisName")]
    assert names  # this family's country has at least one crisis line
    [entry] = _entries(window)
    assert entry.fields.signs == ("sign.talks-of-dying",)


def test_a_lock_keeps_the_half_written_note_and_unlock_gives_it_back(qtbot, context, services):
    services.family.add("Maya", 2014, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.note_something()
    _dialog(qtbot, window)
    _click_row(qtbot, dialog, "sign.secret-friend")
    qtbot.mouseClick(dialog.details_toggle, Qt.MouseButton.LeftButton)
    dialog.details.saw.setPlainText("a new friend called Ash")
    window.lock()
    assert not dialog.isVisible()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    wait_for_shell(qtbot, window)
    banner = window.shell.drafts_banner
    qtbot.waitUntil(banner.isVisible, timeout=15000)
    assert "A note for your journal" in banner.findChild(QLabel, "draftLine").text()
    qtbot.mouseClick(banner.findChild(QPushButton, "restoreDraft1"), Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, window)
    again = window.session.window_of_kind("journal-entry")
    assert again is not None and again is not dialog
    assert again.picker.signs() == ("sign.secret-friend",)
    assert again.details.saw.toPlainText() == "a new friend called Ash"
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    _saved(qtbot, window, again)
    [entry] = _entries(window)
    assert entry.fields.saw == "a new friend called Ash"
    qtbot.waitUntil(lambda: not window.services.drafts.drafts(), timeout=15000)


def test_every_control_has_its_own_name(qtbot, context, services):
    services.family.add("Maya", 2014, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.note_something()
    _dialog(qtbot, window)
    dialog.details_toggle.setChecked(True)
    dialog.picker.add_tag("bus stop")
    QApplication.processEvents()
    found = controls(dialog)
    names = [accessible_name(widget) for widget in found]
    object_names = [widget.objectName() for widget in found]
    assert len(found) >= 15
    assert all(names) and len(set(names)) == len(names), names
    assert all(object_names) and len(set(object_names)) == len(object_names), object_names
    top = [accessible_name(w) for w in controls(window)]
    assert "Note something in the journal" in top and len(set(top)) == len(top)
