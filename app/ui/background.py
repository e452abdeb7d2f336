"""The one way Porchlight runs slow work off the GUI thread and comes back.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on Qt's thread pool and calls exactly
one of the callbacks on the GUI thread afterwards. Key derivation (about half a second, by
design) goes through here so the window never freezes. Background code never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a pool thread are queued to it."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        _in_flight.discard(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: Exception) -> None:
        _in_flight.discard(self)
        self._on_error(error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # handed to on_error on the GUI thread
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


_in_flight: set[_Relay] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> None:
    relay = _Relay(on_done, on_error)
    _in_flight.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Block until background work is done (used at quit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
