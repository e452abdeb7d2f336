"""Auto-lock: notice when nobody has touched Porchlight for a while.

Any key press, click, wheel turn or pointer move inside Porchlight's windows counts as someone
being there. After ``minutes`` without one, ``timed_out`` fires once and the window locks —
unless ``busy()`` says a talk is in progress (a parent reading aloud is present even when the
keyboard is quiet). The clock is injected, so a test can leave the app "idle" for ten minutes
in a millisecond; the real one is monotonic, so changing the computer's clock does not lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

CHECK_MS = 10_000
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatch(QObject):
    timed_out = Signal()

    def __init__(self, minutes: int, *, busy: Callable[[], bool] = lambda: False,
                 seconds: Callable[[], float] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds or time.monotonic
        self._busy = busy
        self._minutes = minutes
        self._last = self._seconds()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(0, minutes)
        self.touch()

    def touch(self) -> None:
        self._last = self._seconds()

    def idle_for(self) -> float:
        return self._seconds() - self._last

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._seconds()
        return False

    def check(self) -> None:
        if self._minutes <= 0:
            return
        if self._busy():
            self.touch()
            return
        if self.idle_for() >= self._minutes * 60:
            self.stop()
            self.timed_out.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
