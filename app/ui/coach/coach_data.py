"""What the coach reads before a talk, and after it, on the database worker.

The coach needs the children's birth months (for the band), what they have talked about (for
the picker), the parent's favourite cards, the counsellor's plan for this week (its topics come
first), and the next check-in once this one is done. These
functions run on the worker thread (``ops.read``); they touch stores and the clock, never a
widget, and hand back plain values the dialog shows when they arrive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.core.ages import BirthMonth
from app.core.checkins import next_for_child
from app.core.clock import local_today
from app.core.coach import TalkRecord
from app.core.journal.model import Entry, SignEvent
from app.core.journal.sign_topics import JOURNAL_DAYS
from app.core.picker import Discussed
from app.core.plans.model import ActivePlan
from app.core.plans.plan_topics import plan_topics
from app.storage.services import Services
from app.ui.coach.come_back import entries_to_come_back_to


@dataclass(frozen=True)
class CoachData:
    births: list[BirthMonth]
    history: list[Discussed]  # every child's, oldest first
    favourites: frozenset[str]
    today: dt.date
    now: dt.datetime
    signs: list[SignEvent] = field(default_factory=list)  # noted lately, for these children
    zone: dt.tzinfo = dt.UTC
    come_back: list[Entry] = field(default_factory=list)  # journal entries marked for a talk
    plans: list[ActivePlan] = field(default_factory=list)  # the children's plans in progress
    plan_topics: dict[str, int] = field(default_factory=dict)  # this week's: topic id → week


@dataclass(frozen=True)
class NextCheckin:
    """After this talk: nothing planned, one due now as well, or the moment and its zone."""

    kind: str  # "none", "due-now" or "planned"
    moment: dt.datetime | None = None
    zone: dt.tzinfo | None = None


def load(services: Services, child_ids: tuple[int, ...]) -> CoachData:
    """Everything the coach needs to pick today's starters (on the worker)."""
    clock = services.vault.clock
    births = [services.family.child(c).birth for c in child_ids]
    history = sorted((d for c in child_ids for d in services.talks.discussed(c)),
                     key=lambda d: d.on)
    now = clock.now()
    since = now - dt.timedelta(days=JOURNAL_DAYS + 1)
    # The journal steers the talk: what was noted lately about these children (or the family).
    signs = [e for who in (*child_ids, None) for e in services.journal.events(since, None, who)]
    today = local_today(clock)
    plans = [p for c in child_ids if (p := services.plans.active_for(c)) is not None]
    return CoachData(births, history, frozenset(services.favourites.ids()),
                     today, now, signs, clock.zone(),
                     entries_to_come_back_to(services, child_ids), plans,
                     plan_topics(plans, today, history))


def next_checkin(services: Services, child_ids: tuple[int, ...],
                 occurrence_id: int | None) -> NextCheckin:
    """The children's next check-in once this one is done, on its schedule's own clock."""
    store, now = services.checkins, services.vault.clock.now()
    schedules = store.schedules()
    others = [o for o in store.occurrences() if o.id != occurrence_id]
    moments = [m for c in child_ids
               if (m := next_for_child(c, schedules, others, now)) is not None]
    if not moments:
        return NextCheckin("none")
    if min(moments) <= now:
        return NextCheckin("due-now")
    zones = [s.spec.tz for s in schedules if set(s.child_ids) & set(child_ids)]
    return NextCheckin("planned", min(moments), zones[0] if zones else None)


def save(services: Services, record: TalkRecord) -> int:
    """The talk and its check-in marked done, in one transaction (``TalkStore.save``)."""
    record.finished_at = services.vault.clock.now()
    return services.talks.save(record)
