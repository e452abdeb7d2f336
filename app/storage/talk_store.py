"""Saving guided talks and reading back what each child has talked about.

A talk is written in one transaction together with its check-in being marked done, so the
history, the coverage map and the schedule never disagree. Notes and moods stay inside the
encrypted database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock
from app.core.coach import TalkRecord
from app.core.picker import Discussed
from app.core.plans.progress import TalkHeld
from app.storage.models import CheckinOccurrenceRow, TalkChild, TalkItemRow, TalkRow
from app.storage.times import from_db, to_db
from app.storage.writes import writing


@dataclass(frozen=True)
class LastTalk:
    """The latest talk with a child, for a line on the Talks page (the mood is a key)."""

    on: dt.date  # local date it finished
    mood: str
    rating: int | None


class TalkStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def save(self, record: TalkRecord) -> int:
        """Write the talk; if it answered a check-in, mark that check-in done as well."""
        now = self._clock.now()
        finished = record.finished_at or now
        with writing(self._sessions) as session:
            talk = TalkRow(occurrence_id=record.occurrence_id, band=record.band,
                           started_at=to_db(record.started_at), finished_at=to_db(finished),
                           rating=record.rating, mood=record.mood, notes=record.notes.strip(),
                           come_back_to=record.come_back_to.strip(),
                           refusal_id=record.refusal_id, practised=record.practised,
                           reassurance_id=record.reassurance_id)
            session.add(talk)
            session.flush()
            session.add_all(TalkChild(talk_id=talk.id, child_id=c)
                            for c in sorted(set(record.child_ids)))
            session.add_all(TalkItemRow(talk_id=talk.id, starter_id=i.starter_id,
                                        topic_id=i.topic_id, outcome=i.outcome, note=i.note)
                            for i in record.items)
            if record.occurrence_id is not None:
                occurrence = session.get(CheckinOccurrenceRow, record.occurrence_id)
                if occurrence is not None and occurrence.status in ("pending", "missed"):
                    occurrence.status, occurrence.resolved_at = "done", to_db(now)
                    occurrence.snoozed_until = None
                    occurrence.note = record.notes.strip()
            return talk.id

    def discussed(self, child_id: int) -> list[Discussed]:
        """Every starter talked about with this child, oldest first (local dates)."""
        query = (select(TalkItemRow.starter_id, TalkItemRow.topic_id, TalkRow.finished_at)
                 .join(TalkRow, TalkRow.id == TalkItemRow.talk_id)
                 .join(TalkChild, TalkChild.talk_id == TalkRow.id)
                 .where(TalkChild.child_id == child_id, TalkItemRow.outcome == "talked")
                 .order_by(TalkRow.finished_at, TalkItemRow.id))
        with self._sessions() as session:
            # Every saved talk has its finishing time; a row without one has no date to count.
            return [Discussed(starter, topic, from_db(finished).astimezone().date())
                    for starter, topic, finished in session.execute(query)
                    if finished is not None]

    def held(self, child_id: int, zone: dt.tzinfo | None = None) -> list[TalkHeld]:
        """Every saved talk with this child, oldest first: its local day, the topics talked
        about (in order, once each) and whether the refusal line was practised in it.

        Unlike ``discussed`` this counts a talk where nothing was marked "talked" too: a
        counsellor's "talks held" means every talk."""
        talks = (select(TalkRow.id, TalkRow.finished_at, TalkRow.practised)
                 .join(TalkChild, TalkChild.talk_id == TalkRow.id)
                 .where(TalkChild.child_id == child_id, TalkRow.finished_at.is_not(None))
                 .order_by(TalkRow.finished_at, TalkRow.id))
        items = (select(TalkItemRow.talk_id, TalkItemRow.topic_id)
                 .join(TalkChild, TalkChild.talk_id == TalkItemRow.talk_id)
                 .where(TalkChild.child_id == child_id, TalkItemRow.outcome == "talked")
                 .order_by(TalkItemRow.id))
        with self._sessions() as session:
            topics: dict[int, list[str]] = {}
            for talk_id, topic_id in session.execute(items):
                found = topics.setdefault(talk_id, [])
                if topic_id not in found:
                    found.append(topic_id)
            return [TalkHeld(moment.astimezone(zone).date(), tuple(topics.get(talk_id, ())),
                             bool(practised))
                    for talk_id, finished, practised in session.execute(talks)
                    if (moment := from_db(finished)) is not None]

    def outcomes(self, child_id: int) -> list[tuple[str, str]]:
        """(starter id, outcome) for every item offered to this child: swaps and skips too."""
        query = (select(TalkItemRow.starter_id, TalkItemRow.outcome)
                 .join(TalkChild, TalkChild.talk_id == TalkItemRow.talk_id)
                 .where(TalkChild.child_id == child_id).order_by(TalkItemRow.id))
        with self._sessions() as session:
            return [(s, o) for s, o in session.execute(query)]

    def last_talk(self, child_id: int) -> TalkRow | None:
        query = (select(TalkRow).join(TalkChild).where(TalkChild.child_id == child_id)
                 .order_by(TalkRow.finished_at.desc()).limit(1))
        with self._sessions() as session:
            row = session.scalars(query).first()
            if row is not None:
                session.expunge(row)
            return row

    def last_talk_summary(self, child_id: int) -> LastTalk | None:
        """When the latest talk with this child finished, the mood noted and the rating."""
        row = self.last_talk(child_id)
        if row is None or row.finished_at is None:
            return None
        return LastTalk(from_db(row.finished_at).astimezone().date(), row.mood, row.rating)
