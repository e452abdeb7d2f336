"""Lock really locks: every vault window closes, the key is gone, and typed words come back.

Each test drives a real main window on a real encrypted vault: the Lock button and Ctrl+L,
auto-lock on an injected idle clock, quick hide, and drafts kept across a forced lock.
"""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.storage import vault
from app.storage.errors import VaultLocked
from app.ui.main_window import QUICK_HIDE_SHORTCUT
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_unlocked, wait_for_ops, wait_for_shell


class IdleClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    gc.collect()


def _open_vaults(*fixtures: object) -> int:
    """OpenVault objects alive now, apart from the test's own set-up vault (already closed)."""
    return sum(1 for obj in gc.get_objects()
               if isinstance(obj, vault.OpenVault) and not any(obj is f for f in fixtures))


def unlock_again(qtbot, window) -> None:
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    wait_for_shell(qtbot, window)


def test_lock_closes_help_now_and_the_old_log_cannot_write(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.open_help_now()
    log = dialog.evidence_log
    assert log is not None and dialog.isVisible()
    store = window.services.evidence
    window.lock()
    assert not dialog.isVisible()
    with pytest.raises(VaultLocked):
        store.entries()
    again = window.open_help_now()  # a new, locked Help now: no log, not the old dialog
    assert again is not dialog and again.evidence_log is None
    again.close()


def test_five_lock_cycles_leave_no_vault_or_key_alive(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    for _ in range(5):
        window.open_help_now()
        window.checkins.replan()
        window.lock()
        _flush_deletes()
        assert _open_vaults(services.vault) == 0
        unlock_again(qtbot, window)
    window.lock()
    _flush_deletes()
    assert _open_vaults(services.vault) == 0


def test_lock_by_button_and_by_ctrl_l(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    window.shell.findChild(QPushButton, "lockButton").click()
    assert window.unlock_page is not None and window.session is None
    unlock_again(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session is None)
    assert window.unlock_page is not None


def test_auto_lock_after_the_idle_minutes_but_not_during_a_talk(qtbot, context, services):
    maya = services.family.add("Maya", 2016, 4)
    services.close()
    idle = IdleClock()
    context.idle_seconds = idle
    window = open_unlocked(qtbot, context)
    session = window.session
    assert session.auto_lock_minutes() == 10
    idle.now += 9 * 60
    session.idle.check()
    assert window.session is session  # 9 minutes: still open
    window.checkins.start(None, (maya.id,))
    idle.now += 30 * 60
    session.idle.check()
    assert window.session is session  # a talk counts as someone being there
    window.checkins.coach.reject()
    idle.now += 10 * 60
    session.idle.check()
    assert window.session is None and window.unlock_page is not None


def test_auto_lock_minutes_are_kept_and_activity_resets_the_count(qtbot, context, services):
    services.close()
    idle = IdleClock()
    context.idle_seconds = idle
    window = open_unlocked(qtbot, context)
    window.session.set_auto_lock_minutes(3)
    idle.now += 2 * 60
    qtbot.keyClick(window.shell.sidebar, Qt.Key.Key_Down)  # someone is there
    idle.now += 2 * 60
    window.session.idle.check()
    assert window.session is not None
    idle.now += 61
    window.session.idle.check()
    assert window.session is None
    unlock_again(qtbot, window)
    assert window.session.auto_lock_minutes() == 3


def test_quick_hide_hides_every_window_and_locks(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    dialog = window.open_help_now()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert QUICK_HIDE_SHORTCUT == "Ctrl+Shift+Q"
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Q, modifiers)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.session is None)
    assert not window.isVisible() or window.isMinimized()


def test_a_talk_in_progress_survives_a_forced_lock(qtbot, context, services):
    maya = services.family.add("Maya", 2016, 4)
    services.close()
    window = open_unlocked(qtbot, context)
    window.checkins.start(None, (maya.id,))
    wait_for_ops(qtbot, window)  # the coach reads the child's history on the worker
    coach = window.checkins.coach
    coach.prepare.begin_button.click()
    first = coach.current().starter.id
    coach.talk.note.setText("she laughed at the dare one")
    coach.talk.talked_button.click()
    picks = [p.starter.id for p in coach.picks]
    window.lock()  # as auto-lock would: no question asked
    assert not coach.isVisible()

    unlock_again(qtbot, window)
    banner = window.shell.drafts_banner
    qtbot.waitUntil(banner.isVisible)
    banner.findChild(QPushButton, "restoreDraft1").click()
    wait_for_ops(qtbot, window)
    again = window.checkins.coach
    assert again is not None and again.isVisible()
    assert [p.starter.id for p in again.picks] == picks
    assert again.stack.currentWidget() is again.talk and again.index == 1
    assert [(i.starter_id, i.note) for i in again.record.items] == [
        (first, "she laughed at the dare one")]
    while again.stack.currentWidget() is again.talk:
        again.talk.talked_button.click()
    again.practise.next_button.click()
    again.close_step.next_button.click()
    again.after.finish_button.click()
    wait_for_ops(qtbot, window)
    assert window.services.drafts.drafts() == []  # used: the draft is gone
    assert not banner.isVisible()


def test_drafts_are_saved_while_working_so_a_crash_keeps_them(qtbot, context, services):
    maya = services.family.add("Maya", 2016, 4)
    services.close()
    window = open_unlocked(qtbot, context)
    window.checkins.start(None, (maya.id,))
    wait_for_ops(qtbot, window)
    coach = window.checkins.coach
    coach.prepare.begin_button.click()
    coach.talk.note.setText("typed before the power cut")
    window.session.save_drafts()  # what the autosave timer does every 20 s
    wait_for_ops(qtbot, window)
    [draft] = window.services.drafts.drafts()
    assert draft.kind == "talk" and draft.payload["talk_note"] == "typed before the power cut"


def test_leaving_a_talk_with_notes_asks_first(qtbot, context, services, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    maya = services.family.add("Maya", 2016, 4)
    services.close()
    window = open_unlocked(qtbot, context)
    window.checkins.start(None, (maya.id,))
    coach = window.checkins.coach
    coach.prepare.begin_button.click()
    for _ in coach.picks:
        coach.talk.talked_button.click()
    coach.practise.next_button.click()
    coach.close_step.next_button.click()
    coach.after.notes.setPlainText("She told me about a boy on a game")
    asked = []

    def keep_going(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", keep_going)
    qtbot.keyClick(coach, Qt.Key.Key_Escape)
    assert asked and coach.isVisible()
    assert coach.after.notes.toPlainText() == "She told me about a boy on a game"


def test_help_now_is_reachable_during_a_talk(qtbot, context, services):
    maya = services.family.add("Maya", 2016, 4)
    services.close()
    window = open_unlocked(qtbot, context)
    window.checkins.start(None, (maya.id,))
    coach = window.checkins.coach
    assert not coach.isModal()
    coach.help_button.click()
    assert window.help_dialog is not None and window.help_dialog.isVisible()
    assert window.help_dialog.evidence_log is not None


def test_waking_from_sleep_locks(qtbot, context, services, clock):
    services.close()
    window = open_unlocked(qtbot, context)
    heartbeat = window.checkins.engine.heartbeat
    clock.advance(dt.timedelta(hours=3))  # wall time jumps; monotonic time does not
    heartbeat.check()
    assert window.session is None


def test_a_half_typed_evidence_entry_survives_a_forced_lock(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    log = window.open_help_now().evidence_log
    log.fields["username"].setText("night_owl_77")
    log.fields["demanded"].setPlainText("wants 200 in gift cards by tonight")
    window.lock()
    assert window.help_dialog is None or not window.help_dialog.isVisible()

    unlock_again(qtbot, window)
    qtbot.waitUntil(window.shell.drafts_banner.isVisible)
    window.shell.drafts_banner.findChild(QPushButton, "restoreDraft1").click()
    wait_for_ops(qtbot, window)
    log = window.help_dialog.evidence_log
    assert log.fields["username"].text() == "night_owl_77"
    assert log.fields["demanded"].toPlainText() == "wants 200 in gift cards by tonight"
    assert log.has_unsaved_changes()
    log.save()
    wait_for_ops(qtbot, window)
    window.session.save_drafts()  # saved for real: the draft has done its job
    wait_for_ops(qtbot, window)
    assert window.services.drafts.drafts() == []
