"""One way to write: a transaction whose failures come back as a named problem.

SQLite reports a full disk as "database or disk is full" and a read-only folder as "attempt to
write a readonly database"; both arrive as driver errors. Stores write through ``writing`` so
the UI only ever sees ``SaveFailed`` carrying the classified ``Problem`` (``errors.classify``)
— and the transaction is rolled back, so nothing half-done is kept. A locked vault is not a
failed save: ``VaultLocked`` passes through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc
from sqlalchemy.orm import Session, sessionmaker

from app.storage.engine import for_writing
from app.storage.errors import DATABASE, Problem, ProblemKind, classify


class SaveFailed(Exception):
    """A change could not be saved; ``problem`` says why (``disk_full`` kept for old callers)."""

    def __init__(self, detail: str, *, disk_full: bool = False,
                 problem: Problem | None = None) -> None:
        super().__init__(detail)
        self.problem = problem or Problem(
            ProblemKind.DISK_FULL if disk_full else ProblemKind.BUG, DATABASE)
        self.disk_full = self.problem.kind is ProblemKind.DISK_FULL


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A write transaction (BEGIN IMMEDIATE); plain ``sessions()`` reads begin deferred."""
    bind = sessions.kw.get("bind")
    options = {"bind": for_writing(bind)} if bind is not None else {}
    try:
        with sessions(**options) as session, session.begin():
            yield session
    except (exc.DatabaseError, OSError) as error:
        problem = classify(error, DATABASE)
        if problem.kind is ProblemKind.BUG:
            raise  # a constraint or a mistake in our SQL: the excepthook's business
        # Only the kind goes into the text: the driver's message can quote SQL.
        raise SaveFailed(problem.kind.value, problem=problem) from error
