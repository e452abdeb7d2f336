"""Backups while Porchlight is used: taken after unlock, and offered for clearing after a delete."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from app.storage import backups
from app.ui.background import wait_for_background
from tests.ui.helpers import open_unlocked, wait_for_ops
from tests.ui.modal_answers import answer_next


def test_the_daily_backup_is_taken_after_unlock_once_a_day(qtbot, context, services, folder):
    services.close()
    context.backup_delay_ms = 0
    window = open_unlocked(qtbot, context)
    qtbot.waitUntil(lambda: any(b.reason == "daily" for b in backups.list_backups(folder)))
    window.session.backup_if_due()  # the hourly check, same day: nothing new
    wait_for_background()
    assert [b.reason for b in backups.list_backups(folder)] == ["daily"]


def _with_backups(window, folder, clock, count=2):
    import datetime as dt

    vault = window.services.vault
    for _ in range(count):
        clock.advance(dt.timedelta(days=1))
        backups.create_backup(vault.engine, folder, "daily", clock.now())


def test_deleting_a_child_offers_to_clear_older_backups(qtbot, context, services, folder, clock,
                                                        monkeypatch):
    sam = services.family.add("Samuel", 2012, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    _with_backups(window, folder, clock)
    page = window.shell.show_page("family")
    wait_for_ops(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen: list[tuple[str, str]] = []
    answer_next("dropOlderBackups", seen)
    page.findChild(QPushButton, f"deleteChild{sam.id}").click()
    qtbot.waitUntil(lambda: bool(seen))  # asked once the delete is written
    assert "stay in Porchlight's encrypted backups" in seen[0][1]
    wait_for_background()
    qtbot.waitUntil(lambda: [b.reason for b in backups.list_backups(folder)] == ["after-delete"])


def test_keeping_the_backups_after_deleting_evidence_changes_nothing(qtbot, context, services,
                                                                     folder, clock):
    from app.core.evidence import EvidenceDraft

    services.evidence.add(EvidenceDraft(platform="a game", username="shadow_fox"))
    services.close()
    window = open_unlocked(qtbot, context)
    _with_backups(window, folder, clock)
    before = [b.name for b in backups.list_backups(folder)]
    log = window.open_help_now().evidence_log
    wait_for_ops(qtbot, window)
    log.entries.setCurrentRow(0)
    answer_next("confirmDeleteEvidenceButton")
    seen: list[tuple[str, str]] = []
    answer_next("keepOlderBackups", seen)
    log.delete_selected()
    qtbot.waitUntil(lambda: bool(seen))
    assert [b.name for b in backups.list_backups(folder)] == before


def test_no_offer_when_there_is_no_backup_to_clear(qtbot, context, services, folder, monkeypatch):
    sam = services.family.add("Samuel", 2012, 3)
    services.close()
    window = open_unlocked(qtbot, context)
    page = window.shell.show_page("family")
    wait_for_ops(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.findChild(QPushButton, f"deleteChild{sam.id}").click()  # would hang if it asked
    wait_for_ops(qtbot, window)
    assert backups.list_backups(folder) == []
