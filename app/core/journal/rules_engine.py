"""Running pattern rules over noted signs: when each would fire, for whom, and because of what.

Rules see only ``SignEvent`` values and "today"; each child is its own group, and entries about
the family as a whole (``child_id is None``) are a group of their own. Days are counted in the
caregiver's zone.

How a rule fires (one definition shared by the home card and the "would have fired N times"
preview, so the two can never disagree):

- It is checked on every day something it looks at was noted, with the data up to that day.
- Its condition holds on that day and so does its gate (enough entries and weeks of history).
- A firing carries the entries that made it hold ("Why am I seeing this?").
- After a firing the rule rests for the condition's ``days`` for that child, so one cluster of
  worry makes one card and no entry is counted in two firings; if the pattern goes on past the
  rest, it fires again with the new entries. A ``preview`` counts these firings.

Speed: events are turned into local days and sorted once per call (``prepare``) and indexed by
category; each kind then walks its rows once with sliding windows.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.core.journal.model import RuleSetting, SignEvent
from app.core.journal.rules_model import Rule, Selector

# (local day ordinal, entry id, sign id, category, strength or 0)
Row = tuple[int, int, str, str, int]
HOME_CARD_DAYS = 14  # the home card shows firings from the last two weeks


@dataclass(frozen=True)
class Firing:
    rule_id: str
    child_id: int | None
    fired_on: dt.date
    entry_ids: tuple[int, ...]  # the entries that made it fire, oldest first


@dataclass
class _Group:
    """One child's (or the family's) signs, sorted by day, indexed by category."""

    rows: list[Row] = field(default_factory=list)
    by_category: dict[str, list[Row]] = field(default_factory=dict)
    entry_days: list[int] = field(default_factory=list)  # one per entry, sorted

    def select(self, selector: Selector) -> list[Row]:
        if selector.matches_all():
            return self.rows
        if selector.signs or not selector.categories:
            return [r for r in self.rows if selector.matches(r[2], r[3])]
        parts = [self.by_category.get(c, []) for c in selector.categories
                 if c not in selector.except_categories]
        return parts[0] if len(parts) == 1 else sorted(r for part in parts for r in part)


Prepared = dict[int | None, _Group]


def prepare(events: Iterable[SignEvent], today: dt.date, zone: dt.tzinfo) -> Prepared:
    """Group events by child, as local days, leaving out anything after ``today``."""
    last = today.toordinal()
    days: dict[dt.datetime, int] = {}
    groups: Prepared = {}
    for event in events:
        day = days.get(event.noted_at)
        if day is None:
            day = days[event.noted_at] = event.noted_at.astimezone(zone).toordinal()
        if day > last:
            continue
        group = groups.get(event.child_id)
        if group is None:
            group = groups[event.child_id] = _Group()
        group.rows.append((day, event.entry_id, event.sign_id, event.category,
                           event.strength or 0))
    for group in groups.values():
        group.rows.sort()
        by_category: dict[str, list[Row]] = defaultdict(list)
        entries: dict[int, int] = {}
        for row in group.rows:
            by_category[row[3]].append(row)
            entries.setdefault(row[1], row[0])
        group.by_category = dict(by_category)
        group.entry_days = sorted(entries.values())
    return groups


class _Firings:
    """Collects one group's firings, applying the gate and the rest after each firing."""

    def __init__(self, rule: Rule, group: _Group, child_id: int | None, rest_days: int) -> None:
        self.rule, self.group, self.child_id = rule, group, child_id
        self.rest_days = rest_days
        self.next_allowed = -1
        first = group.entry_days[0] if group.entry_days else 0
        self.gate_day = max(first + 7 * rule.gate.min_weeks,
                            group.entry_days[rule.gate.min_entries - 1]
                            if len(group.entry_days) >= rule.gate.min_entries else 10**9)
        self.found: list[Firing] = []

    def open(self, day: int) -> bool:
        return day >= self.gate_day and day >= self.next_allowed

    def fire(self, day: int, entry_ids: Iterable[int]) -> None:
        self.found.append(Firing(self.rule.id, self.child_id, dt.date.fromordinal(day),
                                 tuple(sorted(set(entry_ids)))))
        self.next_allowed = day + max(self.rest_days, 1)


def _count(rows: list[Row], params: dict[str, int], out: _Firings) -> None:
    """At least ``count`` entries with a matching sign within ``days`` (optionally strong)."""
    strength, count, days = params.get("strength", 0), params["count"], params["days"]
    seen: set[int] = set()
    occasions = []  # (day, entry), one per entry, in day order
    for row in rows:
        if row[4] >= strength and row[1] not in seen:
            seen.add(row[1])
            occasions.append((row[0], row[1]))
    occasions.sort()
    low = 0
    for index, (day, _entry) in enumerate(occasions):
        if index + 1 < len(occasions) and occasions[index + 1][0] == day:
            continue  # check once a day, with all of that day's entries
        while occasions[low][0] <= day - days:
            low += 1
        if index - low + 1 >= count and out.open(day):
            out.fire(day, (entry for _, entry in occasions[low:index + 1]))


def _together(first: list[Row], second: list[Row], params: dict[str, int],
              out: _Firings) -> None:
    """A sign from each group within ``days`` (two different signs noted, not one)."""
    days = params["days"]
    trigger_days = sorted({r[0] for r in first} | {r[0] for r in second})
    low_a = high_a = low_b = high_b = 0
    for day in trigger_days:
        while high_a < len(first) and first[high_a][0] <= day:
            high_a += 1
        while low_a < high_a and first[low_a][0] <= day - days:
            low_a += 1
        while high_b < len(second) and second[high_b][0] <= day:
            high_b += 1
        while low_b < high_b and second[low_b][0] <= day - days:
            low_b += 1
        size_a, size_b = high_a - low_a, high_b - low_b
        if not size_a or not size_b:
            continue
        if size_a == 1 and size_b == 1 and first[low_a][1:3] == second[low_b][1:3]:
            continue  # the same sign on the same entry cannot be "together" with itself
        if out.open(day):
            out.fire(day, [r[1] for r in first[low_a:high_a]]
                     + [r[1] for r in second[low_b:high_b]])


def _new_category(rows: list[Row], params: dict[str, int], out: _Firings) -> None:
    """A category (never the caregiver's own tags) not seen for ``weeks`` turns up."""
    gap = 7 * params["weeks"]
    last_seen: dict[str, int] = {}
    new_on: set[tuple[int, str]] = set()
    entries_on: dict[int, list[int]] = defaultdict(list)
    for day, entry, _sign, category, _strength in rows:
        if not category:
            continue
        before = last_seen.get(category)
        if (day, category) in new_on or before is None or before <= day - gap:
            new_on.add((day, category))
            entries_on[day].append(entry)
        last_seen[category] = day
    for day in sorted(entries_on):
        if out.open(day):
            out.fire(day, entries_on[day])


def _rising(rows: list[Row], params: dict[str, int], out: _Firings) -> None:
    """The last ``days`` hold at least ``more`` more signs than the ``days`` before them."""
    more, days = params["more"], params["days"]
    day_list = [r[0] for r in rows]
    for day in sorted(set(day_list)):
        end = bisect_right(day_list, day)
        middle = bisect_right(day_list, day - days)
        start = bisect_right(day_list, day - 2 * days)
        if (end - middle) - (middle - start) >= more and out.open(day):
            out.fire(day, (r[1] for r in rows[middle:end]))


def _run(rule: Rule, params: dict[str, int], group: _Group,
         child_id: int | None) -> list[Firing]:
    condition = rule.condition
    out = _Firings(rule, group, child_id, params.get("days", 0))
    rows = group.select(condition.of)
    if condition.kind == "count":
        _count(rows, params, out)
    elif condition.kind == "together":
        _together(rows, group.select(condition.with_ or Selector()), params, out)
    elif condition.kind == "new_category":
        _new_category(rows, params, out)
    else:
        _rising(rows, params, out)
    return out.found


def _ordered(firings: list[Firing]) -> list[Firing]:
    return sorted(firings, key=lambda f: (f.fired_on, f.child_id is None, f.child_id or 0,
                                          f.rule_id))


def evaluate_prepared(rule: Rule, setting: RuleSetting | None,
                      groups: Prepared) -> list[Firing]:
    if setting is not None and not setting.enabled:
        return []
    params = rule.params(setting.params if setting else None)
    found = []
    for child_id, group in groups.items():
        found += _run(rule, params, group, child_id)
    return _ordered(found)


def evaluate(rule: Rule, setting: RuleSetting | None, events: Sequence[SignEvent],
             today: dt.date, zone: dt.tzinfo) -> list[Firing]:
    """Every time ``rule`` fired, for each child, over all the history up to ``today``."""
    return evaluate_prepared(rule, setting, prepare(events, today, zone))


def evaluate_all(rules: Sequence[Rule],
                 settings: Mapping[str, RuleSetting] | Iterable[RuleSetting],
                 events: Sequence[SignEvent], today: dt.date, zone: dt.tzinfo,
                 within_days: int | None = HOME_CARD_DAYS) -> list[Firing]:
    """Every rule's firings from the last ``within_days`` days (``None``: all of them)."""
    chosen = (dict(settings) if isinstance(settings, Mapping)
              else {s.rule_id: s for s in settings})
    groups = prepare(events, today, zone)
    since = today - dt.timedelta(days=within_days - 1) if within_days is not None else None
    found = []
    for rule in rules:
        found += [f for f in evaluate_prepared(rule, chosen.get(rule.id), groups)
                  if since is None or f.fired_on >= since]
    return _ordered(found)


def preview(rule: Rule, params: Mapping[str, int], events: Sequence[SignEvent],
            today: dt.date, zone: dt.tzinfo, child_id: int | None, weeks: int = 12) -> int:
    """How many times the rule would have fired for one child in the last ``weeks`` weeks
    with these numbers ("with these numbers it would have fired 3 times for Maya").

    The whole history is run (so the gate and the rest after each firing are as they would
    have been), and the firings that fall in the last ``weeks`` weeks are counted."""
    mine = [e for e in events if e.child_id == child_id]
    setting = RuleSetting(rule.id, True, dict(params))
    since = today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
    return sum(1 for f in evaluate(rule, setting, mine, today, zone) if f.fired_on >= since)
