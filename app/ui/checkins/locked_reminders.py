"""Reminders while Porchlight is locked: times only, kept beside the vault, never names.

Check-ins live in the encrypted database, which cannot be read until the parent unlocks. So
while unlocked, the app writes the times of the next three weeks' reminders (nothing else) into
its window settings; while locked, this small timer rings at those times with a discreet
"Time for your weekly check-in — unlock Porchlight to see it". After unlocking, the full
catch-up pass takes over and nothing is counted twice: that record lives in the vault.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, QTimer

from app.core.clock import Clock

KEY = "reminders/upcoming"
LONGEST_WAIT_MS = 2**31 - 1
TITLE = QT_TRANSLATE_NOOP("LockedReminders", "Porchlight")
BODY = QT_TRANSLATE_NOOP("LockedReminders",
                         "Time for your weekly check-in. Unlock Porchlight to see it.")


def save_moments(settings: QSettings, moments: list[dt.datetime]) -> None:
    settings.setValue(KEY, ",".join(m.astimezone(dt.UTC).isoformat() for m in moments))
    settings.sync()


def load_moments(settings: QSettings) -> list[dt.datetime]:
    found = []
    for part in str(settings.value(KEY, "") or "").split(","):
        try:
            moment = dt.datetime.fromisoformat(part.strip())
        except ValueError:
            continue
        if moment.tzinfo is not None:
            found.append(moment)
    return sorted(found)


class LockedReminders(QObject):
    def __init__(self, settings: QSettings, clock: Clock, notifier,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings, self._clock, self._notifier = settings, clock, notifier
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.ring)
        self._last_rung: dt.datetime | None = None
        self._since = clock.now()

    def start(self) -> None:
        self._since = self._clock.now()
        self._arm()

    def stop(self) -> None:
        """Stopped for good at unlock: deleted too, since the window makes a new one at each
        lock and, as its child, every old one (its timer and settings) would stay until quit."""
        self._timer.stop()
        self.deleteLater()

    def _floor(self) -> dt.datetime:
        return max(self._last_rung or self._since, self._since)

    def next_moment(self) -> dt.datetime | None:
        return next((m for m in load_moments(self._settings) if m > self._floor()), None)

    def ring(self) -> None:
        """Notify once for every moment that has come (several collapse into one)."""
        now = self._clock.now()
        passed = [m for m in load_moments(self._settings) if self._floor() < m <= now]
        if passed:
            self._last_rung = passed[-1]
            self._notifier.notify(QCoreApplication.translate("LockedReminders", TITLE),
                                  QCoreApplication.translate("LockedReminders", BODY))
        self._arm()

    def _arm(self) -> None:
        moment = self.next_moment()
        if moment is None:
            return
        wait = (moment - self._clock.now()).total_seconds() * 1000
        self._timer.start(int(min(max(wait, 0), LONGEST_WAIT_MS)))
