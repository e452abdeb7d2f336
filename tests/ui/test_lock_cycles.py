"""Locking and unlocking again and again leaves nothing behind: no vault, no shell, no watch for
the locked reminders beyond the one the unlock screen uses."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent

from app.storage.vault import OpenVault
from app.ui.checkins.locked_reminders import LockedReminders
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_unlocked, wait_for_shell


def _deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_lock_unlock_cycles_leave_no_vault_and_one_locked_watch(qtbot, context, open_vault):
    window = open_unlocked(qtbot, context)
    for _cycle in range(3):
        window.lock()
        _deferred_deletes()
        assert len(window.findChildren(LockedReminders)) == 1
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.try_unlock()
        wait_for_shell(qtbot, window)
        _deferred_deletes()
        assert window.findChildren(LockedReminders) == []
    window.lock()
    _deferred_deletes()
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, OpenVault) and o is not open_vault]
