"""The family's caregivers: the people who lead check-ins, kept as a named list.

Settings → Family adds, renames and removes them; the check-in dialog picks a schedule's leader
from the list. A schedule stores the caregiver's name (``checkin_schedules.caregiver``) and
names are unique, so the name is the link: renaming someone renames them on every schedule they
lead, and removing someone leaves their schedules with nobody named — each in one transaction,
so the list and the schedules never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock
from app.storage.models import CaregiverRow, CheckinScheduleRow
from app.storage.times import to_db
from app.storage.writes import writing

NAME_LENGTH = 80


@dataclass(frozen=True)
class Caregiver:
    id: int
    name: str
    leads: int = 0  # how many check-in schedules name this person


class CaregiverProblem(ValueError):
    """A name that cannot be used, with a reason key the UI words (``empty``, ``taken``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CaregiverNotFound(LookupError):
    pass


def clean_name(name: str) -> str:
    """The name as kept: inner runs of spaces folded, trimmed, at most ``NAME_LENGTH`` long."""
    return " ".join(name.split())[:NAME_LENGTH]


class CaregiverStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def caregivers(self) -> list[Caregiver]:
        """Everyone on the list, alphabetically (ignoring case), with how many check-ins each
        leads."""
        with self._sessions() as session:
            counts: dict[str, int] = {
                name: count for name, count in session.execute(
                    select(CheckinScheduleRow.caregiver, func.count())
                    .group_by(CheckinScheduleRow.caregiver))}
            rows = session.scalars(select(CaregiverRow)).all()
            found = [Caregiver(row.id, row.name, counts.get(row.name, 0)) for row in rows]
        return sorted(found, key=lambda c: (c.name.casefold(), c.id))

    def add(self, name: str) -> Caregiver:
        cleaned = clean_name(name)
        with writing(self._sessions) as session:
            self._check_free(session, cleaned, None)
            row = CaregiverRow(name=cleaned, created_at=to_db(self._clock.now()))
            session.add(row)
            session.flush()
            return Caregiver(row.id, row.name)

    def rename(self, caregiver_id: int, name: str) -> Caregiver:
        """A new name here and on every schedule this person leads."""
        cleaned = clean_name(name)
        with writing(self._sessions) as session:
            row = self._row(session, caregiver_id)
            self._check_free(session, cleaned, caregiver_id)
            old, row.name = row.name, cleaned
            moved = _changed(session, old, cleaned)
            return Caregiver(row.id, row.name, moved)

    def remove(self, caregiver_id: int) -> int:
        """Take someone off the list; their schedules stay, with nobody named. Returns how many
        schedules that was."""
        with writing(self._sessions) as session:
            row = self._row(session, caregiver_id)
            cleared = _changed(session, row.name, "")
            session.delete(row)
            return cleared

    @staticmethod
    def _row(session: Session, caregiver_id: int) -> CaregiverRow:
        row = session.get(CaregiverRow, caregiver_id)
        if row is None:
            raise CaregiverNotFound(caregiver_id)
        return row

    @staticmethod
    def _check_free(session: Session, name: str, keep_id: int | None) -> None:
        """Refuse an empty name, or one already on the list in any letter case."""
        if not name:
            raise CaregiverProblem("empty")
        clash = session.scalar(select(CaregiverRow.id).where(
            func.lower(CaregiverRow.name) == name.lower(), CaregiverRow.id != (keep_id or -1)))
        if clash is not None:
            raise CaregiverProblem("taken")


def _changed(session: Session, old: str, new: str) -> int:
    """Every schedule led by ``old`` is led by ``new`` now; returns how many there were."""
    result = session.execute(update(CheckinScheduleRow)
                             .where(CheckinScheduleRow.caregiver == old).values(caregiver=new))
    return cast(CursorResult[Any], result).rowcount or 0
