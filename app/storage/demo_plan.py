"""The demo family's counsellor plan: Maya is in the third week of four, with two weeks behind her.

Someone trying Porchlight should find the Plans page lived in, not empty: the sample plan
(``app.core.plans.examples``, real library ids for ages 9–12) imported for one child 17 days
ago, how the first two weeks' tasks went, and the answers to their questions. Everything is
written through the plan store itself, on a clock set to the day each thing would have happened,
so the dates on the page and in a report read as a real fortnight. A few small writes: the
demo is still made in a moment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import SettableClock
from app.core.plans.examples import example_plan
from app.core.plans.model import ActivePlan, Answer, TaskRecord
from app.storage.plan_store import PlanStore

DAYS_IN = 17  # the plan started this many days before "today": week 3 of 4
CHECKIN_WEEKDAY, CHECKIN_TIME = 2, dt.time(17, 30)  # Maya's own check-in, Wednesdays


def _moment(start: dt.date, day: int, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(start + dt.timedelta(days=day), at, tzinfo=zone)


# (day after the start, time, what was kept): each written on that day's clock.
_RECORDS = (
    (5, dt.time(20, 15), TaskRecord(
        "w1.talk", times_done=2, how_it_went=4, how_hard=2,
        got_in_the_way="A busy week; the first try got cut short.",
        helped="Talking in the car on the way to swimming.",
        question_for_next="How often should we come back to the promise?")),
    (6, dt.time(19, 40), TaskRecord(
        "w1.refusal", times_done=1, how_it_went=3, how_hard=3,
        got_in_the_way="She laughed at the words at first.",
        helped="Turning it into a game at dinner.")),
    (6, dt.time(19, 45), TaskRecord("w1.watch", times_done=1, how_it_went=4, how_hard=1)),
    (12, dt.time(20, 0), TaskRecord(
        "w2.talk", times_done=1, how_it_went=4, how_hard=3,
        helped="Asking about one game friend by name.",
        question_for_next="What if she says a friend online is her age?")),
    (13, dt.time(18, 50), TaskRecord("w2.refusal", times_done=2, how_it_went=5, how_hard=2,
                                     helped="She made up her own version.")),
    (13, dt.time(18, 55), TaskRecord("w2.watch", times_done=1, how_it_went=4, how_hard=2,
                                     got_in_the_way="Hard to tell a new friend from a stranger.")),
)
_ANSWERS = (
    (2, dt.time(18, 10), "w1.q1", "yes"),
    (2, dt.time(18, 11), "w1.q2", "4"),
    (9, dt.time(18, 5), "w2.q1", "At a meal"),
)


def write_demo_plan(sessions: sessionmaker[Session], today: dt.date, zone: dt.tzinfo,
                    child_id: int) -> ActivePlan:
    """Import the sample plan for ``child_id``, started ``DAYS_IN`` days before ``today``,
    with weeks 1–2 recorded and answered; returns the plan as it was imported."""
    start = today - dt.timedelta(days=DAYS_IN)
    plan = replace(example_plan(start), checkin_weekday=CHECKIN_WEEKDAY,
                   checkin_time=CHECKIN_TIME)
    clock = SettableClock(_moment(start, 0, dt.time(19, 0), zone), zone)
    plans = PlanStore(sessions, clock)
    active = plans.import_plan(plan, child_id)
    for day, at, record in _RECORDS:
        clock.set(_moment(start, day, at, zone))
        plans.record_task(active.id, record)
    for day, at, question_id, value in _ANSWERS:
        plans.answer(active.id, Answer(question_id, value, _moment(start, day, at, zone)))
    return active
