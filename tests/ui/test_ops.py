"""The database worker: one thread, in order, results on the GUI thread, owners respected."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import event

from app.core.changes import Changes
from app.ui.ops import Ops, follow_changes


def _wait(qtbot, ops: Ops) -> None:
    qtbot.waitUntil(ops.idle, timeout=10000)


def test_reads_and_writes_run_in_order_on_one_other_thread(qtbot, services):
    ops = Ops(services)
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []
    delivered: list[tuple[object, int]] = []
    for number in range(5):
        ops.read(lambda s, n=number: seen.append((f"read{n}", threading.get_ident())) or n,
                 lambda result: delivered.append((result, threading.get_ident())), owner=None)
        ops.write(lambda s, n=number: seen.append((f"write{n}", threading.get_ident())),
                  touches=Changes(family=True), owner=None)
    _wait(qtbot, ops)
    assert [name for name, _ in seen] == [f"{kind}{n}" for n in range(5)
                                         for kind in ("read", "write")]
    workers = {thread for _, thread in seen}
    assert len(workers) == 1 and gui not in workers
    assert delivered == [(n, gui) for n in range(5)]
    ops.finish()


def test_each_write_is_broadcast_once_and_reads_are_not(qtbot, services):
    ops = Ops(services)
    heard: list[Changes] = []
    ops.changed.connect(heard.append)
    ops.read(lambda s: s.family.children(), owner=None)
    ops.write(lambda s: s.family.add("Maya", 2016, 4), touches=Changes(family=True), owner=None)
    _wait(qtbot, ops)
    assert heard == [Changes(family=True)]
    ops.finish()


def test_a_result_for_a_closed_window_is_dropped(qtbot, services):
    ops = Ops(services)
    label = QLabel()
    got: list[object] = []
    gate = threading.Event()
    ops.read(lambda s: gate.wait(5) and "late", got.append, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label))
    gate.set()
    _wait(qtbot, ops)
    assert got == []
    ops.finish()


def test_a_failure_gets_a_calm_message_by_default(qtbot, services, monkeypatch):
    ops = Ops(services)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def full(_services):
        import sqlite3

        raise sqlite3.OperationalError("database or disk is full")

    ops.write(full, touches=Changes(family=True), owner=None)
    _wait(qtbot, ops)
    assert len(shown) == 1 and "full" in shown[0].lower() and "database or disk" not in shown[0]
    ops.finish()


def test_reads_begin_deferred_and_writes_begin_immediate(qtbot, services):
    ops = Ops(services)
    begins: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        if statement.startswith("BEGIN"):
            begins.append(statement)

    event.listen(services.vault.engine, "before_cursor_execute", record)
    ops.read(lambda s: s.family.children(), owner=None)
    _wait(qtbot, ops)
    ops.write(lambda s: s.family.add("Maya", 2016, 4), touches=Changes(family=True), owner=None)
    _wait(qtbot, ops)
    assert begins == ["BEGIN", "BEGIN IMMEDIATE"]
    ops.finish()


def test_a_hidden_page_refreshes_when_shown_not_before(qtbot, services):
    ops = Ops(services)
    page = QLabel()
    qtbot.addWidget(page)
    refreshed: list[int] = []
    follow_changes(page, ops, lambda c: c.family, lambda: refreshed.append(1))
    ops.broadcast(Changes(talks=True))
    ops.broadcast(Changes(family=True))
    assert refreshed == []  # hidden: only marked stale
    page.show()
    assert refreshed == [1]
    ops.broadcast(Changes(family=True))
    assert refreshed == [1, 1]  # visible: at once
    ops.finish()


def test_no_qobject_is_made_per_operation(qtbot, services):
    """A QObject per operation could be deleted by the worker (when it dropped the last
    reference) while the GUI thread still handled its queued signal: a crash now and then.
    Results travel through the long-lived Ops object, so none is made per operation."""
    import gc

    from PySide6.QtCore import QObject

    from app.ui.background import run_in_background, wait_for_background

    ops = Ops(services)
    _wait(qtbot, ops)

    def qobjects() -> int:
        gc.collect()
        return sum(1 for obj in gc.get_objects() if isinstance(obj, QObject))

    results: list[int] = []
    run_in_background(lambda: 0, results.append, lambda error: None)  # the relay exists now
    wait_for_background()
    qtbot.waitUntil(lambda: results == [0])
    before = qobjects()
    for number in range(50):
        ops.read(lambda s, n=number: n, results.append, owner=None)
        run_in_background(lambda n=number: n, results.append, lambda error: None)
        assert qobjects() == before  # nothing waiting to be delivered is a QObject
    _wait(qtbot, ops)
    wait_for_background()
    qtbot.waitUntil(lambda: len(results) == 101)
    assert qobjects() == before
    ops.finish()
