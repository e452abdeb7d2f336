"""What the Plans page shows, read in one go on the database worker.

For each imported plan: the child's name, the plan with its records and answers, and its
progress (``app.core.plans.progress``: weeks done, talks held, refusals practised, questions
answered), counted the same way the progress report counts them, so the page and the report
never disagree. Talks come from the talk store, limited to the plan's own days.
"""

from __future__ import annotations

import datetime as dt
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
    """Every talk with the child between two local days, with its topics and whether the
    refusal line was practised in it (the talk store's ``held``)."""
    return [talk for talk in services.talks.held(child_id, services.vault.clock.zone())
            if first <= talk.on <= last]


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
