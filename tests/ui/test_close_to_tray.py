"""Closing the window while locked keeps the tray when locked reminders are waiting (issue 9, 10a).

Before, only an unlocked vault could say "keep running": a Porchlight that "start at login" put
in the tray, still locked, quit on close and its reminders silently stopped.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from app.ui.checkins.locked_reminders import save_moments
from app.ui.close_to_tray import (
    keeps_running_when_closed,
    remember_close_choice,
    remembered_close_choice,
)

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)


@pytest.fixture
def settings(folder) -> QSettings:
    folder.root.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder.window_settings), QSettings.Format.IniFormat)


def test_locked_with_a_reminder_waiting_hides_to_the_tray(settings):
    save_moments(settings, [NOW + dt.timedelta(days=1)])
    assert keeps_running_when_closed(settings, True, None, NOW)


def test_locked_follows_the_copy_of_the_parents_choice(settings):
    save_moments(settings, [NOW + dt.timedelta(days=1)])
    remember_close_choice(settings, False)
    assert not keeps_running_when_closed(settings, True, None, NOW)
    remember_close_choice(settings, True)
    assert keeps_running_when_closed(settings, True, None, NOW)


def test_the_copy_survives_in_window_ini(folder, settings):
    remember_close_choice(settings, False)
    again = QSettings(str(folder.window_settings), QSettings.Format.IniFormat)
    assert remembered_close_choice(again) is False
    assert "close_to_tray=0" in folder.window_settings.read_text()


def test_locked_with_nothing_to_ring_quits(settings):
    assert not keeps_running_when_closed(settings, True, None, NOW)  # no schedules at all
    save_moments(settings, [NOW - dt.timedelta(hours=1)])  # only a moment already past
    assert not keeps_running_when_closed(settings, True, None, NOW)


def test_without_a_tray_closing_always_quits(settings):
    save_moments(settings, [NOW + dt.timedelta(days=1)])
    assert not keeps_running_when_closed(settings, False, None, NOW)
    assert not keeps_running_when_closed(settings, False, True, NOW)


def test_unlocked_the_vaults_choice_decides(settings):
    remember_close_choice(settings, False)  # an old copy does not overrule the vault
    assert keeps_running_when_closed(settings, True, True, NOW)
    assert not keeps_running_when_closed(settings, True, False, NOW)
