"""Uncaught errors: a calm message, a local 0600 log of types and places, and no note leaks.

The hook is tested by calling it directly (``run_app`` installs it; tests keep pytest-qt's own
hook so an exception in a slot still fails the test).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import exc

from app import local_log
from app.core.evidence import EvidenceDraft
from app.storage.models import EvidenceEntry as EvidenceRow
from app.ui.crash_dialog import CrashReporter
from app.ui.crash_window import CrashDialog

WORD = "Quillmarrow"  # a distinctive word in a note: it must never be written anywhere


@pytest.fixture
def local_logs(folder):
    handlers = local_log.configure(folder.root)
    yield local_log.log_path(folder.root)
    local_log.unconfigure(handlers)


def integrity_error_on_a_note(services) -> exc.IntegrityError:
    """A real IntegrityError from the real store: a second entry reusing an entry's id."""
    first = services.evidence.add(EvidenceDraft(platform="a game", notes="first"))
    now = services.vault.clock.now().replace(tzinfo=None)
    with pytest.raises(exc.IntegrityError) as caught, \
            services.evidence._sessions.begin() as session:
        session.add(EvidenceRow(id=first.id, notes=f"He said {WORD} is a secret",
                                created_at=now, updated_at=now))
    error = caught.value
    assert WORD in repr(error.params)  # the exception does carry the note
    return error


def test_a_note_word_reaches_neither_stderr_nor_the_log(services, local_logs, capfd):
    error = integrity_error_on_a_note(services)
    reporter = CrashReporter(show_dialog=False)
    reporter(type(error), error, error.__traceback__)  # the excepthook
    log = logging.getLogger("app.somewhere")
    log.error("failed: %s", error)  # a careless call with the error as argument
    log.error(f"failed: {error!r} {error.params}")  # an even more careless one
    log.exception(error)
    try:
        raise ValueError(f"a message quoting {WORD}")
    except ValueError as quoting:
        reporter(ValueError, quoting, quoting.__traceback__)
        log.warning("while saving", exc_info=True)

    written = local_logs.read_text(encoding="utf-8")
    err = capfd.readouterr().err
    for text in (written, err):
        assert WORD not in text and "secret" not in text
        assert "sqlalchemy.exc.IntegrityError" in text  # what went wrong is there…
        assert "tests/ui/test_crash_handling.py:" in text  # …and where
        assert "ValueError" in text and "uncaught exception" in text
        assert "message withheld" in text
        assert "INSERT" not in text  # no SQL either
    if os.name == "posix":
        assert local_logs.stat().st_mode & 0o777 == 0o600


def test_the_log_rotates_and_every_copy_stays_private(folder, local_logs):
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, local_log.PrivateRotatingFile))
    handler.maxBytes = 2000
    log = logging.getLogger("app.rotation")
    for _ in range(200):
        log.error("uncaught exception")
    names = sorted(p.name for p in folder.root.iterdir() if p.name.startswith("porchlight.log"))
    assert names == ["porchlight.log", "porchlight.log.1", "porchlight.log.2",
                     "porchlight.log.3"]
    if os.name == "posix":
        for name in names:
            assert (folder.root / name).stat().st_mode & 0o777 == 0o600


def test_nothing_is_written_until_something_goes_wrong(folder, local_logs):
    assert not local_logs.exists()
    logging.getLogger("app.quiet").info("reminder catch-up recovered")
    assert not local_logs.exists()


def raise_and_report(reporter: CrashReporter, error: BaseException) -> None:
    try:
        raise error
    except BaseException as caught:
        reporter(type(caught), caught, caught.__traceback__)


def test_an_uncaught_error_shows_one_calm_message_and_copies_only_types_and_places(
        qtbot, local_logs):
    reporter = CrashReporter()
    raise_and_report(reporter, KeyError(WORD))
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    shown = " ".join(w.text() for w in dialog.findChildren(type(dialog.body)))
    assert "Something went wrong in Porchlight." in shown
    assert "Nothing you saved has been lost." in shown
    assert "close Porchlight and open it again" in shown
    assert WORD not in shown and "Traceback" not in shown and "KeyError" not in shown

    raise_and_report(reporter, RuntimeError(WORD))  # a second one joins the first
    assert reporter.dialog is dialog and dialog.count == 2
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Porchlight ")
    assert "KeyError" in copied and "RuntimeError" in copied
    assert "test_crash_handling.py:" in copied and ":raise_and_report" in copied
    assert WORD not in copied
    names = [b.accessibleName() for b in (dialog.copy_button, dialog.close_button)]
    assert names == ["Copy details for support", "Close this message"]
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_no_message_in_smoke_mode(qtbot, local_logs):
    reporter = CrashReporter(show_dialog=False)
    raise_and_report(reporter, ValueError("x"))
    qtbot.wait(20)
    assert reporter.dialog is None
    assert "ValueError" in local_logs.read_text(encoding="utf-8")


def test_an_error_inside_the_hook_falls_back_to_the_type_alone(monkeypatch, capfd):
    reporter = CrashReporter(show_dialog=False)

    def broken_log(*_args, **_kwargs):
        raise_and_report(reporter, OSError(WORD))  # re-enters the hook: must not recurse
        raise RuntimeError(WORD)

    monkeypatch.setattr("app.ui.crash_dialog.log.error", broken_log)
    raise_and_report(reporter, ZeroDivisionError(WORD))
    err = capfd.readouterr().err
    assert "Porchlight: unexpected OSError" in err
    assert "Porchlight: unexpected ZeroDivisionError" in err
    assert WORD not in err


def test_an_error_on_another_thread_is_logged_and_shown_on_the_gui_thread(
        qtbot, local_logs, monkeypatch):
    reporter = CrashReporter()
    monkeypatch.setattr(threading, "excepthook", reporter.thread_hook)

    def work() -> None:
        raise LookupError(WORD)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(),
                    timeout=2000)
    qtbot.addWidget(reporter.dialog)
    assert "LookupError" in reporter.dialog.details and WORD not in reporter.dialog.details
    written = local_logs.read_text(encoding="utf-8")
    assert "uncaught exception in a thread" in written and WORD not in written
    reporter.dialog.close()


def test_run_app_installs_its_hook_and_log_only_while_it_runs(tmp_path, qapp):
    from app.ui.application import run_app

    hook, thread_hook = sys.excepthook, threading.excepthook
    before = list(logging.getLogger().handlers)
    seen = {}

    def look(*_args):
        seen["hook"] = sys.excepthook

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, look)
    args = argparse.Namespace(smoke=True, demo=False, data_dir=str(tmp_path / "data"),
                              minimized=False)
    assert run_app(args) == 0
    qapp.processEvents()
    assert isinstance(seen["hook"], CrashReporter)  # while running
    assert sys.excepthook is hook and threading.excepthook is thread_hook
    assert logging.getLogger().handlers == before
    assert not (tmp_path / "data" / local_log.LOG_NAME).exists()  # --smoke: no log file
