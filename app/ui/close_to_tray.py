"""Whether closing the window leaves Porchlight running in the tray — locked or not.

The parent's choice ("keep running in the tray when the window closes") lives in the vault,
which cannot be read while locked. Yet a locked Porchlight is exactly what "start at login"
leaves in the tray, ringing the discreet locked reminders. Quitting there on close would
silently end those reminders. So a copy of the choice (a yes or no, nothing else) is kept in
``window.ini`` beside the reminder times, and while locked the window hides to the tray when a
tray exists, the parent chose it, and there is a reminder still to ring.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from app.ui.checkins.locked_reminders import load_moments

KEY = "window/close_to_tray"


def remember_close_choice(settings: QSettings, keep_running: bool) -> None:
    """Copy the vault's choice out, while unlocked (at unlock, when changed, and at lock)."""
    settings.setValue(KEY, "1" if keep_running else "0")
    settings.sync()


def remembered_close_choice(settings: QSettings) -> bool:
    """The copied choice; on unless the parent turned it off (the vault's default is on)."""
    return str(settings.value(KEY, "1")) != "0"


def locked_reminders_waiting(settings: QSettings, now: dt.datetime | None = None) -> bool:
    """Whether the locked reminders have a moment still to ring (after ``now``, if given)."""
    moments = load_moments(settings)
    return any(now is None or moment > now for moment in moments)


def keeps_running_when_closed(settings: QSettings, tray_available: bool,
                              unlocked_choice: bool | None,
                              now: dt.datetime | None = None) -> bool:
    """Hide to the tray instead of quitting?

    ``unlocked_choice`` is the vault's setting while unlocked, ``None`` while locked (or before
    setup). Locked, the copy in ``settings`` decides, and only if a locked reminder is waiting:
    with nothing to ring, staying in the tray would do nothing for the parent.
    """
    if not tray_available:
        return False
    if unlocked_choice is not None:
        return unlocked_choice
    return remembered_close_choice(settings) and locked_reminders_waiting(settings, now)
