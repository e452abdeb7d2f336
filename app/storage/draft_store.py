"""Drafts: unsaved words kept inside the encrypted vault until the parent uses or drops them.

Locking, an idle timeout or a crash must never throw away what a parent was typing. Each open
window that holds typed words hands its state over as a small JSON-able dict; this store keeps
it as one row per window (saving again replaces that row), and the next unlock offers it back.
The payload never leaves the database, so it is encrypted exactly like a saved note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock
from app.storage.models import DraftRow
from app.storage.times import from_db, to_db
from app.storage.writes import writing


@dataclass(frozen=True)
class Draft:
    id: int
    kind: str
    payload: dict[str, Any]
    saved_at: Any  # aware UTC datetime


class DraftStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def save(self, kind: str, payload: dict[str, Any], draft_id: int | None = None) -> int:
        """Keep ``payload``; with ``draft_id`` the earlier draft of the same window is replaced."""
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        now = to_db(self._clock.now())
        with writing(self._sessions) as session:
            row = session.get(DraftRow, draft_id) if draft_id is not None else None
            if row is None:
                row = DraftRow(kind=kind, payload=text, saved_at=now)
                session.add(row)
            else:
                row.kind, row.payload, row.saved_at = kind, text, now
            session.flush()
            return row.id

    def drafts(self) -> list[Draft]:
        with self._sessions() as session:
            rows = session.scalars(select(DraftRow).order_by(DraftRow.saved_at, DraftRow.id))
            return [Draft(row.id, row.kind, _payload(row.payload), from_db(row.saved_at))
                    for row in rows]

    def discard(self, draft_id: int) -> None:
        with writing(self._sessions) as session:
            row = session.get(DraftRow, draft_id)
            if row is not None:
                session.delete(row)


def _payload(text: str) -> dict[str, Any]:
    """A damaged payload comes back empty rather than stopping the unlock."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
