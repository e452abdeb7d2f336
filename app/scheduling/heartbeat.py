"""A slow pulse that notices when the computer slept.

Qt timers run on the monotonic clock, which stands still while a laptop is suspended, so a
reminder due during sleep would ring late by the length of the nap. Every beat compares how far
the wall clock moved with how far the monotonic clock moved; a gap bigger than the threshold
means the computer was asleep (or its clock was changed), and ``woke`` tells the engine to
re-plan and catch up at once.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.clock import Clock

BEAT_MS = 5 * 60 * 1000
JUMP_THRESHOLD = dt.timedelta(minutes=10)


class Heartbeat(QObject):
    beat = Signal()
    woke = Signal()

    def __init__(self, clock: Clock, *, interval_ms: int = BEAT_MS,
                 threshold: dt.timedelta = JUMP_THRESHOLD,
                 monotonic: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock, self._monotonic, self._threshold = clock, monotonic, threshold
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._last_wall = clock.now()
        self._last_mono = monotonic()

    def start(self) -> None:
        self._last_wall, self._last_mono = self._clock.now(), self._monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """One beat: emit ``woke`` if wall time ran ahead of monotonic time, then ``beat``."""
        wall, mono = self._clock.now(), self._monotonic()
        drift = (wall - self._last_wall) - dt.timedelta(seconds=mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if abs(drift) > self._threshold:
            self.woke.emit()
        self.beat.emit()
