"""The whole-file check that follows an unlock, on a thread and a connection of its own.

SQLite's ``quick_check`` reads every page, and SQLCipher decrypts and authenticates each one:
over five years of notes (a 70 MB file) that is most of a second. Made before the first page is
shown, it was most of the wait at unlock; so an unlock in the app reads only the file's first
pages (a wrong key or a ruined file still fails at once), and this check runs just after, while
the parent already reads the home page. It needs no Python while it runs (the driver lets go of
the interpreter inside SQLite), so the window and the database worker carry on beside it.

When it finds damage, the folder is marked (``DataFolder.check_marker``) and ``on_result``
hears ``DAMAGED``: the app then locks, and the next unlock checks the whole file first and
refuses a damaged one with the words and the backup offer it always had. A lock interrupts the
check and waits for its thread before the key is forgotten. A check that cannot finish (a full
disk, a busy file, a lock) gives no verdict and marks nothing.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from app.storage.engine import checking_connection

log = logging.getLogger(__name__)
SOUND, DAMAGED, UNKNOWN = "sound", "damaged", "unknown"


class IntegrityWatch:
    """One run of ``PRAGMA quick_check`` over an open vault's file, stoppable at lock."""

    def __init__(self, engine: Engine, marker: Path,
                 on_result: Callable[[str], None] | None = None) -> None:
        self._engine, self._marker, self._on_result = engine, marker, on_result
        self._guard = threading.Lock()
        self._connection: Any = None
        self._stopped = False
        self.result: str | None = None  # SOUND, DAMAGED or UNKNOWN once finished
        self._thread = threading.Thread(target=self._run, name="porchlight-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> str | None:
        self._thread.join(timeout)
        return self.result

    def stop(self) -> None:
        """Interrupt the check (at lock) and wait for its thread: no connection outlives it."""
        with self._guard:
            self._stopped = True
            if self._connection is not None:
                self._connection.interrupt()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        with self._guard:
            if self._stopped:
                return
            try:
                self._connection = checking_connection(self._engine)
            except Exception as error:  # locked already, or the file went away
                log.warning("whole-file check not started: %s", type(error).__name__)
                return
        result = self._check(self._connection)
        with self._guard:
            connection, self._connection = self._connection, None
            stopped = self._stopped
        with contextlib.suppress(Exception):
            connection.close()
        if stopped:
            return
        if result == UNKNOWN:
            log.warning("whole-file check gave no verdict")
        self.result = result
        if result == DAMAGED:
            log.error("whole-file check found damage")
            with contextlib.suppress(OSError):
                self._marker.write_bytes(b"")
        if self._on_result is not None:
            self._on_result(result)

    @staticmethod
    def _check(connection: Any) -> str:
        try:
            row = connection.execute("PRAGMA quick_check").fetchone()
        except sqlcipher.OperationalError:  # interrupted (a lock), busy, a disk problem
            return UNKNOWN
        except sqlcipher.DatabaseError:  # "malformed", "not a database": pages that fail
            return DAMAGED
        return SOUND if row is not None and row[0] == "ok" else DAMAGED
