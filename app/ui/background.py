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
    """One for the whole process, on the GUI thread; pool threads report to it by number.

    A relay per task would be deleted by whichever thread dropped its last reference: a pool
    thread, now and then, while the GUI thread still handled its queued signal. This one is
    never deleted, and the callbacks wait in a dict only the GUI thread touches."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self.next_key = 0
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(int, object)
    def _deliver_result(self, key: int, result: Any) -> None:
        on_done, _on_error = self.waiting.pop(key)
        on_done(result)

    @Slot(int, object)
    def _deliver_error(self, key: int, error: Exception) -> None:
        _on_done, on_error = self.waiting.pop(key)
        on_error(error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], key: int) -> None:
        super().__init__()
        self._fn, self._key = fn, key

    @Slot()
    def run(self) -> None:
        fn, self._fn = self._fn, None  # type: ignore[assignment]
        relay = _relay()
        try:
            result = fn()
        except Exception as error:  # handed to on_error on the GUI thread
            relay.failed.emit(self._key, error)
        else:
            relay.finished.emit(self._key, result)


_the_relay: list[_Relay] = []


def _relay() -> _Relay:
    """The process's relay, made on the GUI thread at the first ``run_in_background``."""
    return _the_relay[0]


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> None:
    if not _the_relay:
        _the_relay.append(_Relay())
    relay = _relay()
    relay.next_key += 1
    relay.waiting[relay.next_key] = (on_done, on_error)
    QThreadPool.globalInstance().start(_Task(fn, relay.next_key))


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Block until background work is done (used at quit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
