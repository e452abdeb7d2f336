"""Settings → Security with the real vault: a changed passphrase and a new recovery code.

The old passphrase stops working and the new one opens; the old recovery code stops working
only once the new one has been checked, and the new one recovers. Argon2 never runs on the GUI
thread.
"""

from __future__ import annotations

import threading

import pytest

from app.core import recovery_code
from app.storage import key_file, vault
from app.storage.errors import WrongPassphrase, WrongRecoveryCode
from tests.conftest import PASSPHRASE, RECOVERY
from tests.ui.helpers import open_unlocked, wait_for_ops

NEW_PASSPHRASE = "harbour tinsel maple quartz"


@pytest.fixture
def derivations(monkeypatch):
    """The thread of every key derivation (Argon2) while the test runs."""
    threads: list[int] = []
    real = key_file.derive_key

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(key_file, "derive_key", recording)
    return threads


def security(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    page = window.shell.show_page("settings")
    return window, page.security


def _lock(window) -> None:
    window.lock()


def test_a_wrong_current_passphrase_changes_nothing(qtbot, context, services, folder,
                                                    derivations):
    window, section = security(qtbot, context, services)
    before = folder.key_file.read_bytes()
    dialog = section.open_change_passphrase()
    dialog.current.setText("not my passphrase at all")
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    assert dialog.change.isEnabled()
    dialog.change.click()
    wait_for_ops(qtbot, window)
    assert "not the passphrase you use now" in dialog.message.text()
    assert dialog.isVisible()
    assert folder.key_file.read_bytes() == before
    assert derivations and threading.get_ident() not in derivations


def test_the_passphrase_is_changed_the_old_one_stops_working(qtbot, context, services, folder,
                                                              clock, derivations):
    window, section = security(qtbot, context, services)
    dialog = section.open_change_passphrase()
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    assert not dialog.change.isEnabled()  # the current one first
    dialog.current.setText(PASSPHRASE)
    dialog.change.click()
    wait_for_ops(qtbot, window)
    assert not dialog.isVisible()
    assert "Passphrase changed" in section.message.text()
    assert derivations and threading.get_ident() not in derivations
    _lock(window)
    with pytest.raises(WrongPassphrase):
        vault.unlock(folder, PASSPHRASE, clock)
    vault.unlock(folder, NEW_PASSPHRASE, clock).close()
    vault.recover(folder, RECOVERY, PASSPHRASE, clock).close()  # the code still works


def test_a_weak_new_passphrase_cannot_be_chosen(qtbot, context, services):
    _window, section = security(qtbot, context, services)
    dialog = section.open_change_passphrase()
    dialog.current.setText(PASSPHRASE)
    dialog.fields.first.setText("abc")
    dialog.fields.second.setText("abc")
    assert not dialog.change.isEnabled()


def test_a_new_recovery_code_replaces_the_old_one_once_checked(qtbot, context, services, folder,
                                                               clock, derivations):
    window, section = security(qtbot, context, services)
    dialog = section.open_new_recovery_code()
    code = dialog.code
    assert dialog.step() == 0 and not dialog.next.isEnabled()
    dialog.passphrase.setText("wrong words entirely here")
    dialog.next.click()
    wait_for_ops(qtbot, window)
    assert dialog.step() == 0 and "not the passphrase" in dialog.message.text()

    dialog.passphrase.setText(PASSPHRASE)
    dialog.next.click()
    wait_for_ops(qtbot, window)
    assert dialog.step() == 1
    assert dialog.show_step.code_label.text() == recovery_code.display(code)
    assert dialog.passphrase.text() == ""  # not kept once checked
    dialog.next.click()
    assert dialog.step() == 2 and not dialog.next.isEnabled()
    groups = recovery_code.groups(code)
    first, last = dialog.confirm_step.inputs
    first.setText(groups[1])
    last.setText("00000")
    assert not dialog.next.isEnabled()
    assert derivations and threading.get_ident() not in derivations
    vault.recover(folder, RECOVERY, PASSPHRASE, clock).close()  # not replaced yet
    derivations.clear()  # the test's own check ran here, on this thread
    last.setText(groups[4].lower())
    assert dialog.next.isEnabled()
    dialog.next.click()
    wait_for_ops(qtbot, window)
    assert not dialog.isVisible()
    assert "no longer opens Porchlight" in section.message.text()
    assert derivations and threading.get_ident() not in derivations

    _lock(window)
    with pytest.raises(WrongRecoveryCode):
        vault.recover(folder, RECOVERY, NEW_PASSPHRASE, clock)
    typed = recovery_code.normalise(recovery_code.display(code).lower())  # as the dialog does
    vault.recover(folder, typed, NEW_PASSPHRASE, clock).close()
    vault.unlock(folder, NEW_PASSPHRASE, clock).close()


def test_cancelling_a_new_recovery_code_keeps_the_old_one(qtbot, context, services, folder,
                                                          clock):
    window, section = security(qtbot, context, services)
    before = folder.key_file.read_bytes()
    dialog = section.open_new_recovery_code()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.next.click()
    wait_for_ops(qtbot, window)
    dialog.next.click()
    dialog.cancel.click()
    wait_for_ops(qtbot, window)
    assert folder.key_file.read_bytes() == before
    assert section.message.text() == ""


def test_locking_closes_an_open_security_dialog(qtbot, context, services):
    window, section = security(qtbot, context, services)
    dialog = section.open_change_passphrase()
    dialog.current.setText(PASSPHRASE)
    _lock(window)
    qtbot.waitUntil(lambda: not dialog.isVisible())
