"""When a weekly check-in falls: the schedule maths, in the family's own time zone.

A schedule says "Sunday at 18:00 in Europe/London, every week (or every other week)". Each
occurrence is computed in that IANA zone and stored in UTC, so a talk stays at 18:00 local
across daylight-saving changes and still holds if the computer moves to another zone.

Two awkward hours a year are settled here once: a time inside the spring-forward gap moves
forward by the gap (02:30 that does not exist becomes 03:30), and a time that happens twice in
the autumn means the first of the two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = range(7)  # 0 = Monday … 6 = Sunday; the UI names them (``app.ui.dates``)
EVENING_BEFORE = "evening"  # the day before, at EVENING_HOUR local time
EVENING_HOUR = 19
# Reminder choices by key, in the order they are offered; the UI words them.
REMINDER_CHOICES: tuple[str, ...] = (EVENING_BEFORE, "60", "15")
# How long an occurrence stays "due" before it counts as missed.
DUE_WINDOW = dt.timedelta(hours=24)


class ScheduleProblem(ValueError):
    """A schedule the app cannot accept: a ``key`` the UI words, and the value concerned.

    Keys: ``weekday``, ``every_weeks``, ``zone`` (value: the zone name), ``reminder`` (value:
    the unknown key), ``no_child``.
    """

    def __init__(self, key: str, value: str = "") -> None:
        super().__init__(key)
        self.key, self.value = key, value


@dataclass(frozen=True)
class ScheduleSpec:
    """The rule of a schedule; ``first_date`` anchors the weeks of a fortnightly one."""

    weekday: int  # 0 = Monday … 6 = Sunday
    at: dt.time
    zone: str
    every_weeks: int = 1
    first_date: dt.date = dt.date(2026, 1, 5)
    reminders: tuple[str, ...] = field(default=(EVENING_BEFORE, "15"))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)



def check_spec(spec: ScheduleSpec) -> ScheduleSpec:
    """Return the spec, with ``first_date`` moved onto its weekday, or raise ScheduleProblem."""
    if not 0 <= spec.weekday <= 6:
        raise ScheduleProblem("weekday")
    if spec.every_weeks not in (1, 2):
        raise ScheduleProblem("every_weeks")
    try:
        ZoneInfo(spec.zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ScheduleProblem("zone", spec.zone) from error
    unknown = [r for r in spec.reminders if r not in REMINDER_CHOICES]
    if unknown:
        raise ScheduleProblem("reminder", unknown[0])
    first = first_on_or_after(spec.first_date, spec.weekday)
    return ScheduleSpec(spec.weekday, spec.at.replace(second=0, microsecond=0), spec.zone,
                        spec.every_weeks, first, tuple(dict.fromkeys(spec.reminders)))


def first_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def to_utc(local: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A wall-clock time in ``zone`` as UTC; gaps move forward, repeats take the first."""
    # fold=0 picks the first of two repeated times; inside a spring-forward gap it reads the time
    # with the offset from before the change, which lands the same distance past the gap.
    return local.replace(tzinfo=zone, fold=0).astimezone(dt.UTC)


def local_time(moment: dt.datetime, zone: str) -> dt.datetime:
    """A UTC moment as naive wall-clock time in ``zone``."""
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def first_slot_date(spec: ScheduleSpec, start: dt.date) -> dt.date:
    """The first slot date on or after ``start`` that keeps the fortnight's parity."""
    day = max(first_on_or_after(start, spec.weekday), spec.first_date)
    weeks = (day - spec.first_date).days // 7
    remainder = weeks % spec.every_weeks
    if remainder:
        day += dt.timedelta(weeks=spec.every_weeks - remainder)
    return day


def slots_between(spec: ScheduleSpec, after: dt.datetime, until: dt.datetime) -> list[dt.datetime]:
    """Every occurrence with ``after < slot <= until`` (aware UTC datetimes)."""
    zone = spec.tz
    # Start a day early in local terms so no slot near midnight UTC is skipped.
    start = (after.astimezone(zone) - dt.timedelta(days=1)).date()
    day = first_slot_date(spec, start)
    found: list[dt.datetime] = []
    step = dt.timedelta(weeks=spec.every_weeks)
    while True:
        slot = to_utc(dt.datetime.combine(day, spec.at), zone)
        if slot > until:
            return found
        if slot > after:
            found.append(slot)
        day += step


def next_slot(spec: ScheduleSpec, after: dt.datetime) -> dt.datetime:
    """The first occurrence strictly after ``after``."""
    horizon = after + dt.timedelta(weeks=spec.every_weeks + 1)
    return slots_between(spec, after, horizon)[0]


def reminder_local(due_local: dt.datetime, reminder: str) -> dt.datetime:
    """When a reminder rings, in wall-clock time, for a talk at ``due_local``."""
    if reminder == EVENING_BEFORE:
        return dt.datetime.combine(due_local.date() - dt.timedelta(days=1),
                                   dt.time(EVENING_HOUR))
    return due_local - dt.timedelta(minutes=int(reminder))


def reminder_moment(due: dt.datetime, zone: str, reminder: str) -> dt.datetime:
    """When a reminder rings, as aware UTC, for a talk due at ``due`` (UTC)."""
    return to_utc(reminder_local(local_time(due, zone), reminder), ZoneInfo(zone))


def earliest_reminder(spec: ScheduleSpec, due: dt.datetime) -> dt.datetime:
    """The first moment anything about this occurrence should reach the parent."""
    moments = [reminder_moment(due, spec.zone, r) for r in spec.reminders]
    return min([due, *moments])

