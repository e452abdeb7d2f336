"""The evidence log, kept in the encrypted database like everything else.

Entries come back with the moment they were written (aware, UTC); the screen and the printout
word it in the parent's own language and zone (``app.ui.dates``), never here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock
from app.core.evidence import EvidenceDraft, EvidenceEntry
from app.storage.models import EvidenceEntry as EvidenceRow
from app.storage.times import from_db, to_db
from app.storage.writes import writing

DRAFT_FIELDS = [f.name for f in fields(EvidenceDraft)]


def _to_entry(row: EvidenceRow) -> EvidenceEntry:
    draft = EvidenceDraft(**{name: getattr(row, name) for name in DRAFT_FIELDS})
    return EvidenceEntry(row.id, draft, from_db(row.created_at))


class EvidenceStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def _now(self) -> dt.datetime:
        return to_db(self._clock.now())

    def entries(self) -> list[EvidenceEntry]:
        with self._sessions() as session:
            rows = session.scalars(select(EvidenceRow).order_by(EvidenceRow.created_at,
                                                               EvidenceRow.id))
            return [_to_entry(row) for row in rows]

    def add(self, draft: EvidenceDraft) -> EvidenceEntry:
        clean = draft.cleaned()
        now = self._now()
        row = EvidenceRow(created_at=now, updated_at=now,
                          **{name: getattr(clean, name) for name in DRAFT_FIELDS})
        with writing(self._sessions) as session:
            session.add(row)
            session.flush()
            return _to_entry(row)

    def update(self, entry_id: int, draft: EvidenceDraft) -> EvidenceEntry:
        clean = draft.cleaned()
        with writing(self._sessions) as session:
            row = session.get(EvidenceRow, entry_id)
            if row is None:
                raise LookupError(entry_id)
            for name in DRAFT_FIELDS:
                setattr(row, name, getattr(clean, name))
            row.updated_at = self._now()
            return _to_entry(row)

    def delete(self, entry_id: int) -> None:
        with writing(self._sessions) as session:
            row = session.get(EvidenceRow, entry_id)
            if row is not None:
                session.delete(row)
