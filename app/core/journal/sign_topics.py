"""Signs feed the talks: from what a parent noted lately to the topics worth talking about.

Each sign in ``conversations/warning_signs.toml`` names the topics that help after it (unexplained
gifts → gifts and money; self-harm signs → "I'm always in your corner"). The picker brings those
topics forward and says why ("you noted a sign of this 3 days ago"), so the journal and the
talks work as one: noticing something leads to a calm conversation, not to a confrontation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.content.model import Sign
from app.core.journal.model import SignEvent

JOURNAL_DAYS = 28  # signs older than four weeks no longer steer the talk


@dataclass(frozen=True)
class JournalReason:
    """Why the journal brings a topic forward: the newest sign that points to it."""

    sign_id: str
    days_ago: int


def journal_topics(events: Iterable[SignEvent], signs_catalogue: Iterable[Sign],
                   today: dt.date, zone: dt.tzinfo,
                   days: int = JOURNAL_DAYS) -> dict[str, JournalReason]:
    """Topics the signs of the last ``days`` days point to, each with its most recent sign.

    Pass the child's events (and the family's too, if they should count for the child). On a
    tie (two signs the same day) the stronger one is kept, then the one noted later."""
    topics_of = {sign.id: sign.topics for sign in signs_catalogue}
    best: dict[str, tuple[int, int, dt.datetime, str]] = {}  # topic → (-age, strength, at, sign)
    for event in events:
        topics = topics_of.get(event.sign_id)
        if not topics:
            continue
        age = (today - event.noted_at.astimezone(zone).date()).days
        if not 0 <= age <= days:
            continue
        rank = (-age, event.strength or 0, event.noted_at, event.sign_id)
        for topic_id in topics:
            if topic_id not in best or rank > best[topic_id]:
                best[topic_id] = rank
    return {topic_id: JournalReason(rank[3], -rank[0]) for topic_id, rank in best.items()}
