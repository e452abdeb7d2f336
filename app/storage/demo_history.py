"""A year of the demo family's weekly check-ins and the talks they led to.

A newcomer opening ``--demo`` should find the Check-ins and Talks pages already lived in: a
weekly check-in each for Sam and Maya and a fortnightly one for Robin, a year of them behind
each, mostly done with a saved talk, some skipped for a reason, a few missed. Near the end
Sam's talks stop (a busy week, then one missed) while the journal's signs gather, so the trend
chart tells the story the product is about.

Everything is written through the stores' own methods (``CheckinStore``, ``TalkStore``), each
with a clock set to the moment it would have happened, so the rows are exactly what the app
writes. The starters come from the real library, chosen by the real picker with the history so
far, the way the coach would have chosen them that week, but without the journal's steer: the
demo's steady trickle of everyday signs would keep the same few topics on top all year and
leave others never talked about, which is not the year a newcomer should see. (The next talk
the newcomer starts is steered, as every talk in the app is.) Missed
check-ins are marked and acknowledged as the app does after showing them, and check-ins the
catch-up pass would call missed are all settled here: the first unlock brings at most the one
check-in that is due now, not a year of notices.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session, sessionmaker

from app.core.ages import BirthMonth
from app.core.clock import SettableClock
from app.core.coach import TalkRecord, talk_band
from app.core.content.model import Library
from app.core.picker import Discussed, pick_starters
from app.core.schedules import DUE_WINDOW, ScheduleSpec, slots_between
from app.storage.checkin_store import CheckinStore
from app.storage.talk_store import TalkStore

SEED = 20261124
YEAR = dt.timedelta(days=365)
AWAY = "We were away"  # the Skip dialog's own reasons, as an English-speaking parent saves them
ILL = "Someone was ill"
BUSY = "Busy day — we'll talk next week"
ANOTHER_TIME = "We talked at another time"


@dataclass(frozen=True)
class Plan:
    """One child's check-in and how its year went, counted back from the latest settled one
    (0 = the most recent check-in whose day has passed)."""

    who: str
    weekday: int  # 0 = Monday … 6 = Sunday
    at: dt.time
    every_weeks: int
    caregiver: str
    skipped: Mapping[int, str] = field(default_factory=dict)
    missed: frozenset[int] = frozenset()


PLANS = (
    Plan("Sam", 6, dt.time(19, 0), 1, "Dad",
         skipped={1: BUSY, 9: ILL, 15: AWAY, 16: AWAY, 24: ANOTHER_TIME,
                  38: "Exam week; we agreed to talk after it"},
         missed=frozenset({0, 12, 31})),
    Plan("Maya", 2, dt.time(17, 30), 1, "Mum",
         skipped={6: ILL, 15: AWAY, 16: AWAY, 29: ANOTHER_TIME, 41: BUSY},
         missed=frozenset({20, 35})),
    Plan("Robin", 5, dt.time(10, 0), 2, "Mum",
         skipped={8: AWAY}, missed=frozenset({3})),
)

# Our own words for how a talk went, by how old the child was at the time.
NOTES: Mapping[str, Sequence[str]] = {
    "little": ("Talked while drawing; lots of questions about the tablet.",
               "Short and sweet before bath time.",
               "Practised saying no with the teddy. Plenty of giggles.",
               "Read a picture book about asking a grown-up, then chatted.",
               "Wanted to show me the game first, then we talked.",
               "Talked over breakfast; it stuck better in the morning."),
    "middle": ("Talked on the walk home from school.",
               "Quiet at first, then opened up about a falling-out with a friend.",
               "Had lots to say about the chat in the game.",
               "Looked at the privacy settings together; it went well.",
               "Talked while baking. Easier with our hands busy.",
               "Short talk, but we agreed on who to ask for help."),
    "teen": ("Talked in the car; easier side by side.",
             "Short one, tired after practice, but listened.",
             "Asked good questions about group chats.",
             "Talked about a video everyone at school had seen.",
             "Some eye-rolling, then a real conversation.",
             "Went through who can message them, together.",
             "Late-night chat in the kitchen, calm and open."),
}
COME_BACK = ("Ask again about the new friend from the game.",
             "Look at the privacy settings together.",
             "Talk about what to do if someone asks for photos.",
             "Check which apps are on the new phone.",
             "Agree on a phone-free hour before bed.")
MOODS: Mapping[str, Mapping[str, int]] = {
    "little": {"chatty": 5, "relaxed": 4, "bored": 1, "cross": 1, "quiet": 1},
    "middle": {"chatty": 4, "relaxed": 4, "quiet": 2, "bored": 1, "worried": 1},
    "teen": {"relaxed": 4, "quiet": 4, "bored": 2, "chatty": 2, "worried": 1, "cross": 1},
}


@dataclass
class DemoHistory:
    """What was written, for the caller's log and the tests."""

    done: int = 0
    skipped: int = 0
    missed: int = 0
    talks: int = 0


def write_demo_history(sessions: sessionmaker[Session], now: dt.datetime, zone: str,
                       children: Mapping[str, int], births: Mapping[str, BirthMonth],
                       library: Library) -> DemoHistory:
    """Write each plan's year of check-ins and talks, as the app would have written them.

    ``now`` is the demo's moment, ``zone`` the IANA zone the schedules keep.
    """
    clock = SettableClock(now - YEAR, _zone_info(zone))
    writer = _Writer(CheckinStore(sessions, clock), TalkStore(sessions, clock), clock, library)
    for plan in PLANS:
        if plan.who in children:
            child_id = children[plan.who]
            writer.year_of(plan, child_id, births[plan.who], zone, now)
    return writer.counts


class _Writer:
    def __init__(self, checkins: CheckinStore, talks: TalkStore, clock: SettableClock,
                 library: Library) -> None:
        self.checkins, self.talks, self.clock, self.library = checkins, talks, clock, library
        self.rng = random.Random(SEED)
        self.counts = DemoHistory()
        self._decks: dict[str, list[str]] = {}

    def year_of(self, plan: Plan, child_id: int, birth: BirthMonth, zone: str,
                now: dt.datetime) -> None:
        start = now - YEAR
        self.clock.set(start)
        spec = ScheduleSpec(plan.weekday, plan.at, zone, plan.every_weeks,
                            start.astimezone(self.clock.zone()).date())
        schedule = self.checkins.add_schedule(spec, [child_id], plan.caregiver)
        # Only check-ins whose day is over: one still due now is left to the catch-up pass,
        # which shows it as the app would (the one nudge a newcomer sees).
        settled = [slot for slot in slots_between(schedule.spec, start, now)
                   if slot + DUE_WINDOW <= now]
        if not settled:
            return
        self.checkins.create_occurrences(schedule.id, settled, settled[-1])
        history: list[Discussed] = []
        rows = self.checkins.occurrences(child_id=child_id)
        for back, occurrence in enumerate(reversed(rows)):
            slot = occurrence.slot_at
            if back in plan.missed:
                self._missed(occurrence.id, slot)
            elif back in plan.skipped:
                self._skipped(occurrence.id, slot, plan.skipped[back])
                if plan.skipped[back] == ANOTHER_TIME:
                    self._talk(None, child_id, birth, slot + dt.timedelta(days=2), history)
            else:
                self._talk(occurrence.id, child_id, birth, slot, history)
                self.counts.done += 1

    def _missed(self, occurrence_id: int, slot: dt.datetime) -> None:
        """As the catch-up pass marks it a day later, and as the parent dismisses its notice."""
        self.clock.set(slot + DUE_WINDOW)
        self.checkins.mark_missed([occurrence_id])
        self.checkins.record_notices([(occurrence_id, "missed")])
        self.checkins.acknowledge_missed([occurrence_id])
        self.counts.missed += 1

    def _skipped(self, occurrence_id: int, slot: dt.datetime, reason: str) -> None:
        self.clock.set(slot - dt.timedelta(hours=self.rng.randint(1, 20)))
        self.checkins.skip(occurrence_id, reason)
        self.counts.skipped += 1

    def _talk(self, occurrence_id: int | None, child_id: int, birth: BirthMonth,
              around: dt.datetime, history: list[Discussed]) -> None:
        """One guided talk: the picker's starters for that week, mostly talked about."""
        rng, zone = self.rng, self.clock.zone()
        started = around + dt.timedelta(minutes=rng.choice((0, 5, 10, 20, 45)))
        today = started.astimezone(zone).date()
        band, since = talk_band([birth], today)
        seed = occurrence_id if occurrence_id is not None else int(started.timestamp())
        picks = pick_starters(self.library, band, history, today, seed=seed, band_since=since)
        record = TalkRecord((child_id,), band, started, occurrence_id)
        for index, pick in enumerate(picks):
            later = index > 0 and rng.random() < 0.12
            record.outcome(pick.starter.id, pick.starter.topic,
                           "not-today" if later else "talked")
        group = _group(band)
        refusals = self.library.refusals_for(band)
        if refusals and rng.random() < 0.4:
            record.refusal_id, record.practised = rng.choice(refusals).id, rng.random() < 0.7
        reassurance = self.library.reassurance_for(band)
        record.reassurance_id = rng.choice(reassurance).id if reassurance else ""
        record.rating = rng.choice((3, 4, 4, 4, 5, 5)) if rng.random() < 0.85 else None
        moods = MOODS[group]
        record.mood = rng.choices(list(moods), weights=list(moods.values()))[0]
        record.notes = self._deal(group, NOTES[group]) if rng.random() < 0.7 else ""
        record.come_back_to = self._deal("come back", COME_BACK) if rng.random() < 0.15 else ""
        record.finished_at = started + dt.timedelta(minutes=rng.randint(8, 25))
        self.clock.set(record.finished_at)
        self.talks.save(record)
        finished_on = record.finished_at.astimezone(zone).date()
        history += [Discussed(i.starter_id, i.topic_id, finished_on)
                    for i in record.items if i.outcome == "talked"]
        self.counts.talks += 1

    def _deal(self, deck: str, lines: Sequence[str]) -> str:
        """The next line from a shuffled deck, so the same words never come twice running."""
        cards = self._decks.setdefault(deck, [])
        if not cards:
            cards += self.rng.sample(list(lines), len(lines))
        return cards.pop()


def _group(band: str) -> str:
    return {"3-5": "little", "6-8": "middle", "9-12": "middle"}.get(band, "teen")


def _zone_info(zone: str) -> dt.tzinfo:
    return ZoneInfo(zone)


def zone_name(zone: dt.tzinfo, at: dt.datetime) -> str:
    """The IANA name of the computer's zone, so the demo's check-ins fall at the local hour.

    A clock's zone may be a bare offset; then the name is taken from ``TZ`` or
    ``/etc/localtime`` if it agrees with that offset now, and UTC otherwise (as the schedule
    dialog falls back).
    """
    candidates = [getattr(zone, "key", ""), os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(os.readlink("/etc/localtime").partition("zoneinfo/")[2])
    offset = at.astimezone(zone).utcoffset()
    for name in filter(None, candidates):
        try:
            if at.astimezone(ZoneInfo(name)).utcoffset() == offset:
                return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"
