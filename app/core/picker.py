"""What to talk about this week: picks 2–3 starters for one child, and says why.

Pure and deterministic for a seed, so the coach, the coverage map and the tests agree. The
rules, in order of weight:

1. A core topic ("I'm always in your corner", "saying no") comes round at least every 4 weeks.
2. Topics never talked about in the child's current band come first ("new for 9-year-olds"),
   then topics whose interval has passed ("not talked about for 9 weeks"). Intervals widen
   with age: little ones need the same few ideas often, teenagers need range.
3. No starter is repeated within 12 weeks while another of its topic is available.
4. Never two starters from one topic in a talk. Favourites win ties.

Topics a counsellor's plan chose for this week (``plan_topics``: topic id → plan week, see
``app.core.plans.plan_topics``) come first of all: the family agreed to that homework.
Topics the journal brings forward (``journal_topics``: a sign noted in the last weeks points to
them, see ``app.core.journal.sign_topics``) come right after core topics that are due, most
recent sign first, unless the topic was talked about since that sign was noted.

Each pick says why it was chosen as a key and its values (``Pick.reason``/``Pick.values``:
``"never-covered"``, ``"new-for-band"`` with the band's youngest age, ``"due-again"`` with the
weeks since, ``"journal-sign"`` with the days since the sign and ``Pick.sign_id``,
``"plan-week"`` with the plan's ``week``), plus whether it is a core topic and a favourite; the
screen words them in the parent's language (``app.ui.coach.words``), never this module.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.content.model import Library, Starter
from app.core.journal.sign_topics import JournalReason

CORE_INTERVAL_WEEKS = 4
INTERVAL_WEEKS = {"3-5": 4, "6-8": 5, "9-12": 6, "13-15": 8, "16-17": 10}
NO_REPEAT_WEEKS = 12
JOURNAL_REST_DAYS = 14  # a topic the journal brought forward rests this long before it can again
TALK_SIZE = 3
YOUNGEST_AGE = {"3-5": 3, "6-8": 6, "9-12": 9, "13-15": 13, "16-17": 16}


@dataclass(frozen=True)
class Discussed:
    """One starter talked about with the child on a day."""

    starter_id: str
    topic_id: str
    on: dt.date


REASONS = ("never-covered", "new-for-band", "due-again", "journal-sign", "plan-week")


@dataclass(frozen=True)
class Pick:
    """A starter for today, and why: ``reason`` is one of ``REASONS`` (or "" when unknown)."""

    starter: Starter
    reason: str
    values: dict[str, int] = field(default_factory=dict)
    core: bool = False  # a core topic: it comes round every CORE_INTERVAL_WEEKS
    favourite: bool = False  # one of the parent's favourite cards
    sign_id: str = ""  # reason "journal-sign": the sign noted in the journal


@dataclass(frozen=True)
class TopicCoverage:
    topic_id: str
    title: str
    core: bool
    last: dt.date | None  # last talked about (any band)
    due: dt.date  # when it is due again (today if never, or new for this band)
    new_for_band: bool


def interval_weeks(band: str, core: bool) -> int:
    return CORE_INTERVAL_WEEKS if core else INTERVAL_WEEKS.get(band, 8)


def coverage(library: Library, band: str, history: list[Discussed], today: dt.date,
             band_since: dt.date | None = None) -> list[TopicCoverage]:
    """Every topic of the band: last discussed, due again, or never (or not since the band)."""
    last: dict[str, dt.date] = {}
    for item in history:
        if item.on <= today and (item.topic_id not in last or item.on > last[item.topic_id]):
            last[item.topic_id] = item.on
    rows = []
    for topic in library.topics_for(band):
        seen = last.get(topic.id)
        if seen is None or (band_since is not None and seen < band_since):
            rows.append(TopicCoverage(topic.id, topic.title, topic.core, seen, today, True))
        else:
            due = seen + dt.timedelta(weeks=interval_weeks(band, topic.core))
            rows.append(TopicCoverage(topic.id, topic.title, topic.core, seen, due, False))
    return rows


def weeks_ago(then: dt.date, today: dt.date) -> int:
    return max((today - then).days // 7, 0)


def pick_starters(library: Library, band: str, history: list[Discussed], today: dt.date, *,
                  favourites: frozenset[str] = frozenset(), seed: int = 0,
                  band_since: dt.date | None = None, size: int = TALK_SIZE,
                  exclude: frozenset[str] = frozenset(),
                  journal_topics: Mapping[str, JournalReason] | None = None,
                  plan_topics: Mapping[str, int] | None = None) -> list[Pick]:
    """2–3 starters for today's talk, each with the reason it was chosen.

    ``exclude`` holds starter ids already shown today (for "Swap for another").
    ``journal_topics`` are topics the journal brings forward (topic id → the sign and how long
    ago it was noted); one talked about since its sign was noted is not brought forward again.
    ``plan_topics`` (topic id → plan week) come before everything else, earliest week first.
    """
    rng = random.Random(seed)
    recent = {h.starter_id for h in history
              if 0 <= (today - h.on).days < NO_REPEAT_WEEKS * 7}
    rows = coverage(library, band, history, today, band_since)
    rng.shuffle(rows)

    def core_due(row: TopicCoverage) -> bool:
        return row.core and (row.last is None
                             or (today - row.last).days >= CORE_INTERVAL_WEEKS * 7)

    planned = dict(plan_topics or {})
    flagged = _journal_pick(rows, journal_topics or {}, today)

    def urgency(row: TopicCoverage) -> tuple:
        journal_days = flagged[row.topic_id].days_ago if row.topic_id in flagged else 0
        if row.topic_id in planned:
            tier, journal_days = -1, planned[row.topic_id]
        elif core_due(row):
            tier = 0
        elif row.topic_id in flagged:
            tier = 1
        elif row.last is None:
            tier = 2
        elif row.new_for_band:
            tier = 3
        else:
            tier = 4
        loved = any(s.id in favourites for s in library.starters(band, row.topic_id))
        return (tier, journal_days, row.due, not loved)

    ordered = sorted(rows, key=urgency)
    core_topics = {row.topic_id for row in rows if row.core}
    picks: list[Pick] = []
    for wanted_core_twice in (False, True):
        for row in ordered:
            if len(picks) >= size:
                break
            if any(p.starter.topic == row.topic_id for p in picks):
                continue
            # One core topic per talk is enough to keep it coming round every four weeks.
            # (The counsellor's topics for the week are never held back by it.)
            if (row.core and not wanted_core_twice and row.topic_id not in planned
                    and any(p.starter.topic in core_topics for p in picks)):
                continue
            starter = _choose(library.starters(band, row.topic_id), recent, favourites,
                              exclude, rng)
            if starter is not None:
                reason, values = _reason(row, band, today)
                sign_id = ""
                if row.topic_id in flagged:
                    noted = flagged[row.topic_id]
                    reason, values = "journal-sign", {"days": noted.days_ago}
                    sign_id = noted.sign_id
                if row.topic_id in planned:
                    reason, values = "plan-week", {"week": planned[row.topic_id]}
                    sign_id = ""
                picks.append(Pick(starter, reason, values, row.core, starter.id in favourites,
                                  sign_id))
    return picks


def _journal_pick(rows: list[TopicCoverage], topics: Mapping[str, JournalReason],
                  today: dt.date) -> dict[str, JournalReason]:
    """The one topic the journal brings forward today (or none).

    One per talk, the most recent sign first, and never a topic talked about in the last
    ``JOURNAL_REST_DAYS``: a family noting a mild sign every week would otherwise hear the same
    two topics all year while the rest of the library waits (seen in a year of demo data)."""
    open_topics = [(reason.days_ago, topic_id, reason) for topic_id, reason in topics.items()
                   if _open_since(rows, topic_id, reason, today)
                   and _rested(rows, topic_id, today)]
    if not open_topics:
        return {}
    _days, topic_id, reason = min(open_topics)
    return {topic_id: reason}


def _rested(rows: list[TopicCoverage], topic_id: str, today: dt.date) -> bool:
    row = next((r for r in rows if r.topic_id == topic_id), None)
    return row is not None and (row.last is None
                                or (today - row.last).days >= JOURNAL_REST_DAYS)


def _open_since(rows: list[TopicCoverage], topic_id: str, reason: JournalReason,
                today: dt.date) -> bool:
    """Not yet talked about since the sign was noted (a talk that day counts as after it)."""
    row = next((r for r in rows if r.topic_id == topic_id), None)
    return row is not None and (row.last is None or (today - row.last).days > reason.days_ago)


def _choose(starters: list[Starter], recent: set[str], favourites: frozenset[str],
            exclude: frozenset[str], rng: random.Random) -> Starter | None:
    available = [s for s in starters if s.id not in exclude]
    if not available:
        return None
    fresh = [s for s in available if s.id not in recent] or available
    loved = [s for s in fresh if s.id in favourites]
    return rng.choice(loved or fresh)


def _reason(row: TopicCoverage, band: str, today: dt.date) -> tuple[str, dict[str, int]]:
    """Why this topic comes up now, as a key and its values."""
    if row.last is None:
        return "never-covered", {}
    if row.new_for_band:
        return "new-for-band", {"age": YOUNGEST_AGE.get(band, 0)}
    return "due-again", {"weeks": weeks_ago(row.last, today)}
