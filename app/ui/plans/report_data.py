"""What the progress report writer reads, on the database worker, and nothing more.

Opening the writer reads the plan, the talks held and the journal's sign counts for the plan's
period, and the list of that period's entries (one line each, to tick). An entry's full words
are read only when the parent has ticked it — for the preview and the files — so a word from an
unticked entry is never even in memory for the report (the export for a professional works the
same way). Every function here runs on the worker (``ops.read``) and returns plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.clock import local_today
from app.core.journal.export import period_bounds
from app.core.journal.model import Entry, EntryFilter, EntrySummary, SignEvent
from app.core.plans.model import ActivePlan
from app.core.plans.progress import (
    Progress,
    category_counts,
    plan_progress,
    report_period,
)
from app.storage.services import Services

LIST_LIMIT = 1000  # entries listed to tick; a plan runs 12 weeks at most


@dataclass(frozen=True)
class ReportData:
    active: ActivePlan
    child_name: str
    today: dt.date
    now: dt.datetime
    zone: dt.tzinfo
    first_day: dt.date  # the report's period, in the parent's zone
    last_day: dt.date
    progress: Progress
    counts: dict[str, int]  # category id ("" for own tags) → signs noted in the period
    events: list[SignEvent]  # the period's signs, for the chart and the watch tasks
    entries: list[EntrySummary]  # the period's entries, newest first, to tick


def load(services: Services, plan_row_id: int) -> ReportData:
    """The plan, its progress, and the journal of its period, for one child."""
    clock = services.vault.clock
    active = services.plans.plan(plan_row_id)
    zone, today = clock.zone(), local_today(clock)
    first, last = report_period(active, today)
    since, until = period_bounds(first, last, zone)
    child = active.child_id
    events = services.journal.events(since, until, child)
    entries = services.journal.page(EntryFilter(children=(child,), since=since, until=until),
                                    0, LIST_LIMIT)
    talks = services.talks.held(child, zone)  # every talk, with its topics and practice
    return ReportData(active, services.family.child(child).name, today, clock.now(), zone,
                      first, last, plan_progress(active, talks, today),
                      category_counts(events, first, last, zone), events, entries)


def ticked_entries(services: Services, entry_ids: Sequence[int]) -> list[Entry]:
    """Only the entries the parent ticked, in full, oldest first (as a chronology reads)."""
    entries = [services.journal.entry(entry_id) for entry_id in entry_ids]
    return sorted((e for e in entries if e.deleted_at is None),
                  key=lambda e: e.fields.noted_at)
