"""Reading and changing the family: the only code that runs SQL about children.

Pages call these methods and get ``app.core.family.Child`` values back, never rows. Details are
validated by ``app.core.family`` before anything is written, so a bad name or birth month is
refused with the same words wherever it was typed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.ages import BirthMonth
from app.core.clock import Clock, local_today
from app.core.family import Child, ChildDetails, check_details
from app.storage.models import ChildRow
from app.storage.pending_checkins import withdraw_child_in
from app.storage.times import to_db
from app.storage.writes import writing


class ChildNotFound(LookupError):
    pass


def _to_child(row: ChildRow) -> Child:
    return Child(row.id, row.name, BirthMonth(row.birth_year, row.birth_month),
                 archived=row.archived_at is not None)


class FamilyStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def _now(self) -> dt.datetime:
        return to_db(self._clock.now())

    def check(self, name: str, year: int, month: int) -> ChildDetails:
        """Validate details without saving (raises ChildProblem)."""
        return check_details(name, year, month, local_today(self._clock))

    def children(self, *, include_archived: bool = False) -> list[Child]:
        query = select(ChildRow).order_by(ChildRow.birth_year, ChildRow.birth_month, ChildRow.id)
        if not include_archived:
            query = query.where(ChildRow.archived_at.is_(None))
        with self._sessions() as session:
            return [_to_child(row) for row in session.scalars(query)]

    def child(self, child_id: int) -> Child:
        with self._sessions() as session:
            return _to_child(self._row(session, child_id))

    def add(self, name: str, year: int, month: int) -> Child:
        details = self.check(name, year, month)
        now = self._now()
        row = ChildRow(name=details.name, birth_year=details.birth.year,
                       birth_month=details.birth.month, created_at=now, updated_at=now)
        with writing(self._sessions) as session:
            session.add(row)
            session.flush()
            return _to_child(row)

    def update(self, child_id: int, name: str, year: int, month: int) -> Child:
        details = self.check(name, year, month)
        with writing(self._sessions) as session:
            row = self._row(session, child_id)
            row.name = details.name
            row.birth_year = details.birth.year
            row.birth_month = details.birth.month
            row.updated_at = self._now()
            return _to_child(row)

    def set_archived(self, child_id: int, archived: bool) -> Child:
        """Archiving hides a child everywhere but keeps everything noted about them."""
        with writing(self._sessions) as session:
            row = self._row(session, child_id)
            if archived:  # off the pending check-ins, so none rings for a child not shown
                withdraw_child_in(session, child_id, self._clock.now())
            row.archived_at = self._now() if archived else None
            row.updated_at = self._now()
            return _to_child(row)

    def delete(self, child_id: int) -> None:
        """Delete a child for good (the database zeroes the freed pages: secure_delete)."""
        with writing(self._sessions) as session:
            row = self._row(session, child_id)
            withdraw_child_in(session, child_id, self._clock.now())
            session.delete(row)

    @staticmethod
    def _row(session: Session, child_id: int) -> ChildRow:
        row = session.get(ChildRow, child_id)
        if row is None:
            raise ChildNotFound(child_id)
        return row
