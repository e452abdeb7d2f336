"""APScheduler's Qt scheduler, with timers that can actually be stopped.

The stock ``QtScheduler`` keeps the return value of ``QTimer.singleShot()`` to cancel it later,
but under PySide6 that call returns ``None``: nothing is ever stopped, every ``wakeup()`` starts
another timer chain, and passes keep running after ``shutdown()`` (see TECH_NOTES). Here the
scheduler owns one real single-shot ``QTimer`` that is restarted or stopped, and ``wakeup()``
goes through a queued signal so a call from any thread lands on the Qt thread.
"""

from __future__ import annotations

import datetime as dt

from apscheduler.schedulers import base as scheduler_base
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from PySide6.QtCore import QObject, Qt, QTimer, Signal

# A QTimer cannot wait longer than this (about 24.8 days); the scheduler simply wakes and
# re-plans when it is reached.
LONGEST_WAIT_MS = 2**31 - 1


class _Waker(QObject):
    wake = Signal()


class FixedQtScheduler(BaseScheduler):
    """Runs APScheduler passes on the Qt event loop with a single, stoppable timer."""

    def __init__(self, **options) -> None:
        self._waker = _Waker()
        self._timer = QTimer(self._waker)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._process_jobs)
        self._waker.wake.connect(self._wake_now, Qt.ConnectionType.QueuedConnection)
        super().__init__(**options)

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)
        self._stop_timer()

    def wakeup(self) -> None:
        self._waker.wake.emit()

    def now(self) -> dt.datetime:
        """The moment APScheduler times its jobs against (the computer's clock)."""
        return scheduler_base.datetime.now(dt.UTC)

    def timer_active(self) -> bool:
        return self._timer.isActive()

    def _wake_now(self) -> None:
        if self.state != STATE_STOPPED:
            self._start_timer(0)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._stop_timer()
        if wait_seconds is not None and self.state != STATE_STOPPED:
            self._timer.start(min(max(int(wait_seconds * 1000), 0), LONGEST_WAIT_MS))

    def _stop_timer(self) -> None:
        self._timer.stop()

    def _process_jobs(self) -> None:
        if self.state == STATE_STOPPED:
            return
        wait_seconds = super()._process_jobs()
        self._start_timer(wait_seconds)
