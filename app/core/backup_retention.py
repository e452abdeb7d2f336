"""Which backups to keep: the last 7 days, 4 weeks and 12 months, decided by dates alone.

A pure rule, so it can be tested over thousands of made-up histories (no files, no database).
It works like well-known backup tools' "prune": among the backups, keep the newest one of each
of the 7 most recent calendar days that have a backup, the newest of each of the 4 most recent
ISO weeks that have one, and the newest of each of the 12 most recent months that have one.

Counting days *that have a backup* (rather than the last 7 days of the calendar) matters for a
family that does not open Porchlight for a while: their older backups are not all thrown away
merely because time passed; a backup only ages out when newer ones take its place.

Two more rules, decided for safety:

- the most recent backup is always kept, whatever its reason;
- a backup taken before a migration is kept for 12 months (365 days) after it was taken, since
  it is the only copy of the data exactly as the older version left it. Migrations come only
  with an update that changes the database, so these are few.

Days, weeks and months are counted in ``zone`` (the family's local time), so "one backup a day"
matches the parent's day rather than UTC's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_BEFORE_MIGRATION = dt.timedelta(days=365)


@dataclass(frozen=True)
class Dated:
    """One backup as the rule sees it: an id, when it was taken, and whether before a migration."""

    id: Hashable
    created: dt.datetime  # aware
    before_migration: bool = False


def backups_to_keep(backups: Iterable[Dated], now: dt.datetime,
                    zone: dt.tzinfo = dt.UTC) -> set[Hashable]:
    """The ids of the backups to keep; every other backup may be removed."""
    ordered = sorted(backups, key=lambda b: (b.created, str(b.id)), reverse=True)
    if not ordered:
        return set()
    keep = {ordered[0].id}
    for period, count in ((_day, KEEP_DAILY), (_week, KEEP_WEEKLY), (_month, KEEP_MONTHLY)):
        keep |= _newest_per_period(ordered, period, zone, count)
    keep |= {b.id for b in ordered
             if b.before_migration and now - b.created < KEEP_BEFORE_MIGRATION}
    return keep


def is_due(last_automatic: dt.datetime | None, now: dt.datetime, zone: dt.tzinfo = dt.UTC) -> bool:
    """At most one automatic backup per calendar day (in ``zone``)."""
    if last_automatic is None:
        return True
    return _day(last_automatic.astimezone(zone)) != _day(now.astimezone(zone))


def _newest_per_period(ordered: list[Dated], period: Callable[[dt.datetime], tuple[int, ...]],
                       zone: dt.tzinfo, count: int) -> set[Hashable]:
    """``ordered`` is newest first, so the first backup seen in a period is its newest."""
    seen: set[tuple[int, ...]] = set()
    keep: set[Hashable] = set()
    for backup in ordered:
        key = period(backup.created.astimezone(zone))
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        keep.add(backup.id)
    return keep


def _day(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: dt.datetime) -> tuple[int, ...]:
    iso = moment.isocalendar()
    return (iso.year, iso.week)


def _month(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)
