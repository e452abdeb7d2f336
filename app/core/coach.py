"""A guided talk as values: what the coach collects, step by step, before saving it once.

The coach keeps everything in memory while the parent talks and saves it in one go at the end,
so closing the window half-way leaves no half-recorded talk behind. The moods are words a child
might use, so the parent can pick one without a scale in front of them; they are stored as keys
(``MOODS``) and worded on screen in the parent's language (``app.ui.coach.words``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.core.ages import BirthMonth, Stage, age_status

OUTCOMES = ("talked", "not-today", "swapped")
MOODS = ("relaxed", "chatty", "quiet", "bored", "worried", "upset", "cross")
# Up to revision 0005 the coach stored the English word; drafts kept from then may still hold it.
_ENGLISH_MOODS = {key.capitalize(): key for key in MOODS}


def mood_key(value: str) -> str:
    """The key for a stored or drafted mood: a key stays, an old English word becomes its key,
    anything else (never offered by the coach) is kept as it is."""
    return _ENGLISH_MOODS.get(value, value)


@dataclass
class TalkItem:
    starter_id: str
    topic_id: str
    outcome: str  # one of OUTCOMES
    note: str = ""


@dataclass
class TalkRecord:
    child_ids: tuple[int, ...]
    band: str
    started_at: dt.datetime
    occurrence_id: int | None = None
    items: list[TalkItem] = field(default_factory=list)
    refusal_id: str = ""
    practised: bool = False
    reassurance_id: str = ""
    rating: int | None = None
    mood: str = ""
    notes: str = ""
    come_back_to: str = ""
    finished_at: dt.datetime | None = None

    def outcome(self, starter_id: str, topic_id: str, outcome: str, note: str = "") -> None:
        """Record what became of a starter (the latest word wins)."""
        if outcome not in OUTCOMES:
            raise ValueError(outcome)
        self.items = [i for i in self.items if i.starter_id != starter_id or outcome == "swapped"]
        self.items.append(TalkItem(starter_id, topic_id, outcome, note.strip()))



def talk_band(births: list[BirthMonth], today: dt.date) -> tuple[str, dt.date | None]:
    """The band a talk uses, and since when: the youngest child's, so every word suits them.

    A child under 3 talks at 3–5 level; one of 18 or more at 16–17. The second value is the day
    the child entered that band (None outside the bands), which brings new topics forward.
    """
    youngest = max(births, key=lambda b: (b.year, b.month))
    status = age_status(youngest, today)
    if status.band is None:
        return ("3-5" if status.stage is Stage.TOO_YOUNG else "16-17"), None
    since = youngest.birthday_in_year(youngest.year + status.band.youngest)
    return status.band.value, since
