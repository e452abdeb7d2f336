"""One way to write: a transaction whose failures come back as words a parent understands.

SQLite reports a full disk as "database or disk is full" and a read-only folder as "attempt to
write a readonly database"; both arrive as driver errors. Stores write through ``writing`` so
the UI only ever sees ``SaveFailed`` — and the transaction is rolled back, so nothing half-done
is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc
from sqlalchemy.orm import Session, sessionmaker


class SaveFailed(Exception):
    """A change could not be saved; ``disk_full`` says whether space ran out."""

    def __init__(self, detail: str, *, disk_full: bool) -> None:
        super().__init__(detail)
        self.disk_full = disk_full


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    try:
        with sessions.begin() as session:
            yield session
    except exc.OperationalError as error:
        text = str(error.orig).lower()
        raise SaveFailed(text, disk_full="full" in text) from error
    except OSError as error:
        raise SaveFailed(str(error), disk_full=getattr(error, "errno", None) == 28) from error
