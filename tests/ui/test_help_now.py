"""Help now is one click (or Ctrl+Shift+H) away on every screen, locked or not."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from app.ui.help.help_now_dialog import HelpNowDialog
from app.ui.main_window import HELP_SHORTCUT, MainWindow
from app.ui.ops import Ops
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_unlocked, wait_for_shell
from tests.ui.modal_answers import answer_next


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


# -- the evidence log keeps typed words (issue 9, point 8) ------------------------------------

@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def _dialog_with_log(qtbot, ops) -> HelpNowDialog:
    from app.ui.content_access import shipped_library

    dialog = HelpNowDialog(shipped_library(), "gb", ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(ops.idle)
    return dialog


def test_every_control_has_its_own_name(qtbot, ops):
    """Screen readers hear "Copy phone 0800 1111", not "Copy" many times over."""
    dialog = _dialog_with_log(qtbot, ops)
    names = [b.accessibleName() for b in dialog.findChildren(QAbstractButton)]
    assert all(names) and len(names) == len(set(names))
    assert "Copy phone 0800 1111" in names
    dialog.discard_and_close()


def test_changing_the_country_keeps_the_half_typed_entry(qtbot, ops):
    dialog = _dialog_with_log(qtbot, ops)
    log = dialog.evidence_log
    qtbot.keyClicks(log.fields["username"], "velvet.harbor.77")
    dialog.country.setCurrentIndex(dialog.country.findData("us"))
    assert dialog.evidence_log is log and log.fields["username"].text() == "velvet.harbor.77"
    assert "1-800-843-5678" in " ".join(_texts(dialog, "channelContact"))
    assert "0800 1111" not in " ".join(_texts(dialog, "channelContact"))  # gb's are gone
    assert log.has_unsaved_changes()
    dialog.discard_and_close()


def test_closing_with_unsaved_evidence_asks_first(qtbot, services, ops):
    dialog = _dialog_with_log(qtbot, ops)
    qtbot.keyClicks(dialog.evidence_log.fields["notes"], "Asked for gift cards")
    seen: list[tuple[str, str]] = []
    answer_next("unsavedCancel", seen)
    dialog.close()
    assert dialog.isVisible() and seen[0][0] == "Save your evidence entry?"
    assert "gift cards" not in seen[0][0] + seen[0][1]
    answer_next("unsavedCancel")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    answer_next("unsavedSave")
    dialog.close()
    qtbot.waitUntil(ops.idle)  # closes once the entry is really saved
    assert not dialog.isVisible()
    assert [e.draft.notes for e in services.evidence.entries()] == ["Asked for gift cards"]


def test_discard_closes_and_the_words_are_gone(qtbot, services, ops):
    dialog = _dialog_with_log(qtbot, ops)
    qtbot.keyClicks(dialog.evidence_log.fields["notes"], "not wanted")
    answer_next("unsavedDiscard")
    dialog.close()
    assert not dialog.isVisible() and services.evidence.entries() == []
    assert dialog.evidence_log.fields["notes"].toPlainText() == ""


def test_lock_takes_the_draft_then_closes_without_asking(qtbot, ops):
    dialog = _dialog_with_log(qtbot, ops)
    assert dialog.unsaved_draft() is None
    qtbot.keyClicks(dialog.evidence_log.fields["username"], "harbor.fox")
    draft = dialog.unsaved_draft()
    assert draft is not None and draft["fields"]["username"] == "harbor.fox"  # type: ignore[index]
    asked: list[tuple[str, str]] = []
    answer_next("unsavedCancel", asked, tries=20)  # would catch a question, if one came
    dialog.discard_and_close()
    assert not dialog.isVisible()
    qtbot.wait(300)
    assert asked == []

    again = _dialog_with_log(qtbot, ops)  # after the next unlock
    again.restore_draft(draft)
    assert again.evidence_log.fields["username"].text() == "harbor.fox"
    assert again.unsaved_draft() == draft
    again.discard_and_close()


def test_locked_help_now_has_no_draft(qtbot):
    from app.ui.content_access import shipped_library

    dialog = HelpNowDialog(shipped_library(), "gb")
    qtbot.addWidget(dialog)
    assert dialog.unsaved_draft() is None
    dialog.restore_draft({"fields": {"notes": "x"}})  # nothing to put it in: no error
    dialog.discard_and_close()


@pytest.mark.parametrize("code", ["us", "ca", "gb", "au", "intl"])
def test_every_country_has_crisis_lines_and_urgent_help_puts_them_first(qtbot, code):
    from app.ui.content_access import shipped_library

    library = shipped_library()
    calm = HelpNowDialog(library, code)
    urgent = HelpNowDialog(library, code, urgent=True)
    for dialog in (calm, urgent):
        qtbot.addWidget(dialog)
    assert calm.findChild(QWidget, "crisisFirst") is None
    frame = urgent.findChild(QWidget, "crisisFirst")
    crisis = [c for c in library.library.country(code).channels if c.crisis]
    assert crisis and frame is not None
    assert [label.text() for label in frame.findChildren(QLabel, "crisisName")] == [
        c.name for c in crisis]
    names = [b.accessibleName() for b in urgent.findChildren(QPushButton)]
    assert len(names) == len(set(names))  # each Copy button says what it copies
    calm.show_crisis_first()
    assert calm.findChild(QWidget, "crisisFirst") is not None
