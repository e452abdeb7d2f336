"""This week of a counsellor's plan, as the coach and the journal use it.

While a family works through a plan, the counsellor's choices for the current week lead: the
coach's picker brings the week's topics forward first ("Your counsellor chose this for week 3"),
and the journal shows the week's things to watch. Both ask the same question — which week of
which plan is today in — so it is answered here, once, from plain values. Pure: no Qt, no
database; the caller reads the active plans on the database worker and hands them in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.picker import Discussed
from app.core.plans.model import ActivePlan, PlanWeek


@dataclass(frozen=True)
class WatchThisWeek:
    """The signs a plan asks a family to watch for this week, for one child."""

    child_id: int
    week: int
    sign_ids: tuple[str, ...]


def current_week(active: ActivePlan, today: dt.date) -> PlanWeek | None:
    """The plan's week holding ``today``; None before the start, after the end, or once ended."""
    if active.ended_at is not None:
        return None
    number = active.plan.week_of(today)
    if number is None:
        return None
    return next((week for week in active.plan.weeks if week.number == number), None)


def week_start(active: ActivePlan, number: int) -> dt.date:
    """The first day of plan week ``number`` (weeks run seven days from the plan's start)."""
    return active.plan.start + dt.timedelta(weeks=number - 1)


def plan_topics(plans: Iterable[ActivePlan], today: dt.date,
                history: Iterable[Discussed] = ()) -> dict[str, int]:
    """Topic id → plan week, for the topics the counsellor chose for this week.

    A topic already talked about since its week began is left out: it has been done for this
    week, and the next talk should not repeat it. With several children in one talk (each with
    a plan) every plan counts; a topic in two plans keeps the earlier week number.
    """
    talked = list(history)
    topics: dict[str, int] = {}
    for active in plans:
        week = current_week(active, today)
        if week is None:
            continue
        began = week_start(active, week.number)
        done = {d.topic_id for d in talked if began <= d.on <= today}
        for topic_id in week.topics:
            if topic_id not in done and week.number < topics.get(topic_id, week.number + 1):
                topics[topic_id] = week.number
    return topics


def watch_this_week(plans: Iterable[ActivePlan], today: dt.date) -> list[WatchThisWeek]:
    """For each child with a plan in progress, the signs its current week asks to watch for.

    Children whose week names no signs are left out, so the journal can hide its line."""
    found = []
    for active in plans:
        week = current_week(active, today)
        if week is not None and week.watch:
            found.append(WatchThisWeek(active.child_id, week.number,
                                       tuple(dict.fromkeys(week.watch))))
    return found
