"""What the Plans page shows, read in one go on the database worker.

For each imported plan: the child's name, the plan with its records and answers, and its
progress (``app.core.plans.progress``: weeks done, talks held, refusals practised, questions
answered), counted the same way the progress report counts them, so the page and the report
never disagree. Talks come from the talk store, limited to the plan's own days.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from app.core.clock import local_today
from app.core.plans.model import ActivePlan
from app.core.plans.progress import Progress, TalkHeld, plan_progress


@dataclass(frozen=True)
class PlanCardData:
    active: ActivePlan
    child_name: str
    progress: Progress

    @property
    def row_id(self) -> int:
        return self.active.id


@dataclass(frozen=True)
class PlansView:
    today: dt.date
    current: list[PlanCardData]
    ended: list[PlanCardData]
    children: int  # how many children the family has (none: import needs one first)


def talks_held(services: Any, child_id: int, first: dt.date, last: dt.date) -> list[TalkHeld]:
    """The talks with the child between two local days, one per day with its topics.

    The talk store hands back each starter talked about with its day; a day's starters are one
    talk as the plan counts it. Whether the refusal line was practised comes from the parent's
    own record of the refusal task (see ``plan_progress``)."""
    by_day: dict[dt.date, list[str]] = defaultdict(list)
    for item in services.talks.discussed(child_id):
        if first <= item.on <= last and item.topic_id not in by_day[item.on]:
            by_day[item.on].append(item.topic_id)
    return [TalkHeld(day, tuple(topics)) for day, topics in sorted(by_day.items())]


def read_plans(services: Any) -> PlansView:
    """On the worker: every plan with its child and progress, current ones first."""
    today = local_today(services.vault.clock)
    children = services.family.children(include_archived=True)
    names = {child.id: child.name for child in children}
    current: list[PlanCardData] = []
    ended: list[PlanCardData] = []
    for active in services.plans.all_plans():
        plan = active.plan
        last = plan.end - dt.timedelta(days=1)
        talks = talks_held(services, active.child_id, plan.start, last)
        card = PlanCardData(active, names.get(active.child_id, ""),
                            plan_progress(active, talks, today))
        (current if active.ended_at is None else ended).append(card)
    ended.sort(key=lambda c: c.active.ended_at or c.active.imported_at, reverse=True)
    return PlansView(today, current, ended, sum(not c.archived for c in children))
