"""The catch-up pass: make our tables tell the truth about check-ins as of a given moment.

It runs at start, when a scheduler job fires, after a wake from sleep and on a heartbeat — and
gives the same answer each time for the same rows and moment. It creates the occurrences that
came due, turns those nobody acted on into "missed", and works out which notifications are
owed; each notification is recorded as it is handed out, so none is given twice and a missed
run of weeks becomes one notice, not one per week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.core.checkins import (
    Notice,
    Occurrence,
    Schedule,
    is_due,
    is_missed,
    notices_for,
    slots_to_create,
)
from app.storage.checkin_store import CheckinStore


@dataclass(frozen=True)
class MissedGroup:
    """Missed check-ins of one schedule not yet shown to the parent: shown once, together."""

    schedule_id: int | None
    child_ids: tuple[int, ...]
    occurrence_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.occurrence_ids)


@dataclass
class CatchUpResult:
    due: list[Occurrence] = field(default_factory=list)
    missed: list[MissedGroup] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    # What the pass read, so the engine can plan its next wake without reading it again.
    schedules: list[Schedule] = field(default_factory=list)
    pending: list[Occurrence] = field(default_factory=list)
    wrote: bool = False  # the pass changed rows (a quiet pass writes nothing)


def run_catch_up(store: CheckinStore, now: dt.datetime) -> CatchUpResult:
    schedules = store.schedules()
    marks = store.covered_until()
    wrote = False
    for schedule in schedules:
        slots = slots_to_create(schedule, marks[schedule.id], now)
        if slots:  # a quiet pass writes nothing
            store.create_occurrences(schedule.id, slots, slots[-1])
            wrote = True

    pending = store.occurrences(status="pending")
    newly_missed = {o.id for o in pending if is_missed(o, now)}
    store.mark_missed(sorted(newly_missed))
    wrote = wrote or bool(newly_missed)
    pending = [o for o in pending if o.id not in newly_missed]

    reminders = {s.id: s.spec.reminders for s in schedules}
    sent = store.sent_notices([o.id for o in pending])
    result = CatchUpResult(schedules=schedules, pending=pending, wrote=wrote)
    given: list[tuple[int, str]] = []
    for occurrence in pending:
        kinds = notices_for(occurrence, reminders.get(occurrence.schedule_id or -1, ()),
                            sent[occurrence.id], now)
        if kinds:
            # Record every owed kind, show only the newest: one nudge, not a pile.
            given += [(occurrence.id, kind) for kind in kinds]
            result.notices.append(Notice(occurrence.id, kinds[-1], occurrence.child_ids))
        if is_due(occurrence, now):
            result.due.append(occurrence)

    result.missed = _missed_groups(store)
    missed_sent = store.sent_notices([i for g in result.missed for i in g.occurrence_ids])
    for group in result.missed:
        if not all("missed" in missed_sent[i] for i in group.occurrence_ids):
            given += [(i, "missed") for i in group.occurrence_ids]
            result.notices.append(Notice(group.occurrence_ids[-1], "missed", group.child_ids,
                                         group.count))
    store.record_notices(given)
    result.wrote = result.wrote or bool(given)
    return result


def _missed_groups(store: CheckinStore) -> list[MissedGroup]:
    groups: dict[int | None, list[Occurrence]] = {}
    for occurrence in store.occurrences(status="missed"):
        if not occurrence.missed_noticed:
            groups.setdefault(occurrence.schedule_id, []).append(occurrence)
    return [MissedGroup(schedule_id, tuple(sorted({c for o in found for c in o.child_ids})),
                        tuple(o.id for o in found))
            for schedule_id, found in groups.items()]
