"""Check-ins as the app sees them, and the rules for what is due, missed or worth a notice.

Everything here is a pure function of rows (as values) and a moment, so the catch-up pass gives
the same answer whether the app was running, closed for three weeks, or the computer slept
through the time. The scheduler only decides *when* to ask; these rules decide *what* is true.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.schedules import (
    DUE_WINDOW,
    ScheduleSpec,
    earliest_reminder,
    next_slot,
    reminder_moment,
    slots_between,
)

# An occurrence's status, by key; the UI words them (``app.ui.checkins.words``).
STATUSES = ("pending", "done", "skipped", "missed")


@dataclass(frozen=True)
class Schedule:
    id: int
    spec: ScheduleSpec
    child_ids: tuple[int, ...]
    caregiver: str = ""
    paused: bool = False


@dataclass(frozen=True)
class Occurrence:
    id: int
    schedule_id: int | None
    slot_at: dt.datetime  # aware UTC
    due_at: dt.datetime  # aware UTC; differs from slot_at when rescheduled
    zone: str
    status: str
    child_ids: tuple[int, ...]
    rescheduled: bool = False
    snoozed_until: dt.datetime | None = None
    reason: str = ""
    note: str = ""
    missed_noticed: bool = False
    resolved_at: dt.datetime | None = None

    def effective_due(self) -> dt.datetime:
        """When it is due now: a snooze pushes it on."""
        return max(self.due_at, self.snoozed_until or self.due_at)


@dataclass(frozen=True)
class Notice:
    """One notification the parent should get now; ``kind`` is recorded so it comes once."""

    occurrence_id: int
    kind: str  # "reminder:<choice>", "due", "snooze:<iso>" or "missed"
    child_ids: tuple[int, ...]
    count: int = 1  # for "missed": how many check-ins it stands for


def slots_to_create(schedule: Schedule, covered_until: dt.datetime,
                    now: dt.datetime) -> list[dt.datetime]:
    """Slots after ``covered_until`` that matter by ``now`` (due, or a reminder has rung)."""
    if schedule.paused:
        return []
    horizon = now + dt.timedelta(days=2)  # no reminder rings more than a day and a bit early
    return [slot for slot in slots_between(schedule.spec, covered_until, horizon)
            if earliest_reminder(schedule.spec, slot) <= now]


def is_missed(occurrence: Occurrence, now: dt.datetime) -> bool:
    return (occurrence.status == "pending"
            and now >= occurrence.effective_due() + DUE_WINDOW)


def is_due(occurrence: Occurrence, now: dt.datetime) -> bool:
    """Due now: its time has come, it is not snoozed past now, and not yet missed."""
    return (occurrence.status == "pending" and occurrence.effective_due() <= now
            and not is_missed(occurrence, now))


def notices_for(occurrence: Occurrence, reminders: tuple[str, ...], sent: set[str],
                now: dt.datetime) -> list[str]:
    """Every notice kind owed for one occurrence now (oldest first), given those already sent.

    If several reminders rang while the app was closed, all are owed; the catch-up pass records
    them all but shows only the last: one nudge, not a pile.
    """
    if occurrence.status != "pending" or is_missed(occurrence, now):
        return []
    if now < occurrence.due_at:
        rung = [(reminder_moment(occurrence.due_at, occurrence.zone, r), f"reminder:{r}")
                for r in reminders]
        owed = sorted((moment, kind) for moment, kind in rung
                      if moment <= now and kind not in sent)
        return [kind for _, kind in owed]
    if occurrence.snoozed_until is not None:
        if occurrence.snoozed_until <= now:
            kind = f"snooze:{occurrence.snoozed_until.isoformat()}"
            return [] if kind in sent else [kind]
        return []
    return [] if "due" in sent else ["due"]


def next_wake(schedules: list[Schedule], pending: list[Occurrence],
              now: dt.datetime) -> dt.datetime | None:
    """The next moment anything could change: a snooze ending or a due check-in turning missed.

    Regular reminders and due times have their own scheduler jobs; these one-off moments do not.
    """
    moments = []
    by_id = {s.id: s for s in schedules}
    for occurrence in pending:
        if occurrence.snoozed_until and occurrence.snoozed_until > now:
            moments.append(occurrence.snoozed_until)
        if occurrence.rescheduled and occurrence.due_at > now:
            moments.append(occurrence.due_at)
            schedule = by_id.get(occurrence.schedule_id or -1)
            for reminder in schedule.spec.reminders if schedule else ():
                moment = reminder_moment(occurrence.due_at, occurrence.zone, reminder)
                if moment > now:
                    moments.append(moment)
        cutoff = occurrence.effective_due() + DUE_WINDOW
        if cutoff > now:
            moments.append(cutoff)
    return min(moments, default=None)


def countdown(now: dt.datetime, moment: dt.datetime) -> tuple[str, int]:
    """How far off ``moment`` is, as a unit key and an amount: ("now", 0), ("minutes", 20),
    ("hours", 5), ("days", 3). The UI words it (``app.ui.checkins.words.countdown_words``)."""
    seconds = (moment - now).total_seconds()
    if seconds <= 60:
        return "now", 0
    minutes = int(seconds // 60)
    if minutes < 60:
        return "minutes", minutes
    hours = minutes // 60
    if hours < 36:
        return "hours", hours
    return "days", round(hours / 24)


def weekly_consistency(statuses: list[str], window: int = 8) -> tuple[int, int]:
    """(talks done, occurrences counted) over the last ``window`` finished occurrences."""
    finished = [s for s in statuses if s in ("done", "skipped", "missed")][-window:]
    return sum(1 for s in finished if s == "done"), len(finished)


def next_for_child(child_id: int, schedules: list[Schedule], occurrences: list[Occurrence],
                   now: dt.datetime) -> dt.datetime | None:
    """When this child's next check-in is: a pending one (perhaps moved), or the next slot.

    Slots that already have a row (done, skipped, or moved elsewhere) are not counted twice.
    """
    moments = [o.effective_due() for o in occurrences
               if o.status == "pending" and child_id in o.child_ids
               and not is_missed(o, now)]
    taken = {(o.schedule_id, o.slot_at) for o in occurrences}
    for schedule in schedules:
        if schedule.paused or child_id not in schedule.child_ids:
            continue
        slot = next_slot(schedule.spec, now)
        for _ in range(3):
            if (schedule.id, slot) not in taken:
                moments.append(slot)
                break
            slot = next_slot(schedule.spec, slot)
    return min(moments, default=None)


def upcoming_moments(schedules: list[Schedule], pending: list[Occurrence], now: dt.datetime,
                     days: int = 21) -> list[dt.datetime]:
    """Every moment in the next ``days`` when a reminder or a check-in is due — times only.

    Kept outside the vault (no names, no details) so a discreet reminder can still come while
    Porchlight is locked, e.g. after it started at login.
    """
    until = now + dt.timedelta(days=days)
    moments: set[dt.datetime] = set()
    for schedule in schedules:
        if schedule.paused:
            continue
        for slot in slots_between(schedule.spec, now - dt.timedelta(days=2), until):
            for reminder in schedule.spec.reminders:
                moments.add(reminder_moment(slot, schedule.spec.zone, reminder))
            moments.add(slot)
    for occurrence in pending:
        moments.add(occurrence.effective_due())
    return sorted(m for m in moments if now < m <= until)
