"""Every database read and write runs on one worker thread; results come back on the GUI thread.

Anki's ``QueryOp`` / ``CollectionOp`` in our words. A page asks for data with ``ops.read(fn,
done, owner=page)`` and changes it with ``ops.write(fn, touches=Changes(...), owner=page)``:
``fn`` receives the ``Services`` and runs on the single database thread (so two operations
never overlap and the window never waits for the disk); ``done`` receives the result on the
GUI thread; a failure goes to ``failed`` or, by default, to a calm message for the parent.
Callbacks are dropped when their owner widget is gone. After a write, the session broadcasts
``touches`` once, and every page decides whether that concerns it (``follow_changes``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.changes import Changes
from app.storage.errors import VaultLocked
from app.storage.services import Services

log = logging.getLogger(__name__)
Callback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]


class _Delivery:
    """What to do on the GUI thread when one operation ends (a plain object, not a QObject).

    Results travel through the long-lived ``Ops`` object's own signals with a number naming
    the operation. A per-operation QObject would be deleted by whichever thread dropped its
    last reference: the worker, now and then, while the GUI thread still handled its queued
    signal (a use-after-free that crashed the interpreter about one CI run in three)."""

    def __init__(self, ops: Ops, owner: QObject | None, done: Callback | None,
                 failed: ErrorCallback | None, touches: Changes | None) -> None:
        self._ops, self._owner = ops, owner
        self._done, self._failed, self._touches = done, failed, touches

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def deliver(self, result: Any) -> None:
        if self._touches:
            self._ops.broadcast(self._touches)
        if self._done is not None and self._owner_alive():
            self._done(result)

    def fail(self, error: Exception) -> None:
        if isinstance(error, VaultLocked) or not self._owner_alive():
            return  # the session ended while it ran: nothing left to tell
        if self._failed is not None:
            self._failed(error)
        else:
            self._ops.report(error, self._owner)


class _Job(QRunnable):
    """Runs ``fn`` on the worker; reports through the Ops object's signals by number."""

    def __init__(self, fn: Callable[[], Any], finished: Any, failed: Any, key: int) -> None:
        super().__init__()
        self._fn, self._finished, self._failed, self._key = fn, finished, failed, key

    def run(self) -> None:
        fn, finished, failed = self._fn, self._finished, self._failed
        # Let go at once: a finished job must not keep the services (and the key) alive.
        self._fn = self._finished = self._failed = None  # type: ignore[assignment]
        try:
            result = fn()
        except Exception as error:  # handed to the GUI thread, worded there
            failed.emit(self._key, error)
        else:
            finished.emit(self._key, result)


class Ops(QObject):
    """The session's database worker: one thread, operations in the order they were asked."""

    changed = Signal(object)  # Changes, once per write
    went_idle = Signal()  # every operation asked for so far has run and been delivered
    _job_finished = Signal(int, object)  # emitted on the worker, delivered on the GUI thread
    _job_failed = Signal(int, object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services: Services | None = services
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # serial: one connection in use at a time
        self._pool.setExpiryTimeout(-1)  # keep the thread: no start-up cost per operation
        self._in_flight: dict[int, _Delivery] = {}
        self._next_key = 0
        self._job_finished.connect(self._finished)
        self._job_failed.connect(self._failed)
        self.writes = 0  # write operations run so far (tests and benchmarks read it)

    def read(self, fn: Callable[[Services], Any], done: Callback | None = None, *,
             owner: QObject | None, failed: ErrorCallback | None = None) -> None:
        self._submit(fn, done, failed, owner, None)

    def write(self, fn: Callable[[Services], Any], *, touches: Changes,
              done: Callback | None = None, owner: QObject | None,
              failed: ErrorCallback | None = None) -> None:
        self.writes += 1
        self._submit(fn, done, failed, owner, touches)

    def _submit(self, fn: Callable[[Services], Any], done: Callback | None,
                failed: ErrorCallback | None, owner: QObject | None,
                touches: Changes | None) -> None:
        services = self._services
        if services is None:
            return  # locked: there is nothing to read or write
        key = self._key()
        self._in_flight[key] = _Delivery(self, owner, done, failed, touches)
        self._pool.start(_Job(lambda: fn(services), self._job_finished, self._job_failed, key))

    def _key(self) -> int:
        self._next_key += 1
        return self._next_key

    def run_now(self, fn: Callable[[Services], Any]) -> Any:
        """Run on the worker and wait for it (locking: drafts must be kept before the end)."""
        box: dict[str, Any] = {}

        def job(services: Services) -> None:
            box["result"] = fn(services)

        services = self._services
        if services is None:
            return None
        self._pool.waitForDone()
        key = self._key()
        self._in_flight[key] = _Delivery(self, None, None, None, None)
        self._pool.start(_Job(lambda: job(services), self._job_finished, self._job_failed, key))
        self._pool.waitForDone()
        return box.get("result")

    @Slot(int, object)
    def _finished(self, key: int, result: Any) -> None:
        delivery = self._in_flight.get(key)
        try:
            if delivery is not None:
                delivery.deliver(result)
        finally:
            self._in_flight.pop(key, None)
            self._tell_if_idle()

    @Slot(int, object)
    def _failed(self, key: int, error: Exception) -> None:
        delivery = self._in_flight.get(key)
        try:
            if delivery is not None:
                delivery.fail(error)
        finally:
            self._in_flight.pop(key, None)
            self._tell_if_idle()

    def _tell_if_idle(self) -> None:
        if not self._in_flight:
            self.went_idle.emit()

    # --- on the GUI thread -----------------------------------------------------------------

    def broadcast(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def report(self, error: Exception, owner: QObject | None) -> None:
        """The default for a failed operation: a calm message, nothing technical."""
        from app.ui import messages

        log.error("database operation failed: %s", type(error).__name__)
        parent = owner if isinstance(owner, QWidget) else None
        QMessageBox.warning(parent, self.tr("Not saved"), messages.for_vault_error(error))

    def idle(self) -> bool:
        """Nothing running, nothing waiting to be delivered (tests wait for this)."""
        return not self._in_flight and self._pool.activeThreadCount() == 0

    def finish(self) -> None:
        """Let every operation asked for so far finish, then take no more (at lock)."""
        self._pool.waitForDone()
        self._services = None


class _ShowWatch(QObject):
    def __init__(self, page: QWidget, on_show: Callable[[], None]) -> None:
        super().__init__(page)
        self._on_show = on_show
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._on_show()
        return False


def follow_changes(page: QWidget, ops: Ops, concerns: Callable[[Changes], bool],
                   refresh: Callable[[], None]) -> None:
    """Refresh ``page`` after writes that concern it: now if it is visible, else when shown."""
    stale = {"yes": False}

    def changed(changes: Changes) -> None:
        if not concerns(changes) or not shiboken6.isValid(page):
            return
        if page.isVisible():
            refresh()
        else:
            stale["yes"] = True

    def shown() -> None:
        if stale["yes"]:
            stale["yes"] = False
            refresh()

    ops.changed.connect(changed)
    _ShowWatch(page, shown)
