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

Speed: every sign becomes one integer, ``day << 34 | entry << 2 | strength``, so sorting,
merging and de-duplicating notes are C-level operations on integer lists (``sorted``, ``set``,
``map``). ``prepare`` sorts all of them once, by child and sign; a rule's notes are the merged
lists of the signs it looks at (cached per child, so rules looking at the same signs share
them), and each kind finds the windows of every day with notes at once (``map(bisect_right,
…)``), then walks only the days where its condition holds, jumping over the rest after each
firing. Every rule over 100,000 signs takes a few tens of milliseconds.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import add, and_, eq, ge, gt, itemgetter, le, lshift, or_, rshift, sub

from app.core.journal.model import RuleSetting, SignEvent
from app.core.journal.rules_model import Rule, Selector

HOME_CARD_DAYS = 14  # the home card shows firings from the last two weeks


@dataclass(frozen=True)
class Firing:
    rule_id: str
    child_id: int | None
    fired_on: dt.date
    entry_ids: tuple[int, ...]  # the entries that made it fire, by id


# One note as one integer: day << 34 | entry << 2 | strength (0: not said). A day ordinal needs
# 22 bits (up to the year 9999), an entry 32; anything else is numbered densely first.
_DAY_SHIFT, _ENTRY_SHIFT = 34, 2
_ENTRY_BITS = 0xFFFFFFFF
_GROUP_SHIFT = 56  # prepare's sort key adds the (child, sign) number above the note
_NOTE_BITS = (1 << _GROUP_SHIFT) - 1
_LEVELS = {None: 0, 1: 1, 2: 2, 3: 3}  # strength "not said" counts as 0
_ENTRY, _CHILD, _NOTED, _SIGN, _CATEGORY, _STRENGTH = map(itemgetter, range(6))  # SignEvent


@dataclass(eq=False)
class _Group:
    """One child's (or the family's) notes, by sign, as sorted note integers."""

    notes: dict[str, list[int]]  # sign id → its notes, sorted (day, entry, strength)
    categories: dict[str, str]  # sign id → category ("" for the caregiver's own tags)
    entry_ids: list[int] | None  # when entries were numbered densely: number → id
    one_day_per_entry: bool  # as the store's events are: all of an entry's signs share its time
    _merged: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    _occasions: dict[tuple[tuple[str, ...], int], tuple[list[int], list[int]]] = field(
        default_factory=dict)

    def select(self, selector: Selector,
               leave_out: frozenset[str] = frozenset()) -> tuple[str, ...]:
        return tuple(sign for sign, category in self.categories.items()
                     if sign not in leave_out and selector.matches(sign, category))

    def merged(self, signs: tuple[str, ...]) -> list[int]:
        """Every note of these signs, sorted: one per sign noted (an entry may give several)."""
        found = self._merged.get(signs)
        if found is None:
            found = (self.notes[signs[0]] if len(signs) == 1
                     else sorted(chain.from_iterable(map(self.notes.__getitem__, signs))))
            self._merged[signs] = found
        return found

    def occasions(self, signs: tuple[str, ...], strength: int = 0) -> tuple[list[int], list[int]]:
        """The entries with any of these signs (each entry once, on its first day), as day and
        entry lists in day order; with ``strength``, only notes marked at least that strong."""
        key = (signs, strength)
        found = self._occasions.get(key)
        if found is None:
            notes = self.merged(signs)
            if strength:
                notes = list(compress(notes, map(le, repeat(strength), map(and_, notes,
                                                                           repeat(3)))))
            # day << 32 | entry, once each: sorted already, so an entry's signs are neighbours
            pairs = list(dict.fromkeys(map(rshift, notes, repeat(_ENTRY_SHIFT))))
            days = list(map(rshift, pairs, repeat(32)))
            entries = list(map(and_, pairs, repeat(_ENTRY_BITS)))
            if not self.one_day_per_entry and len(set(entries)) != len(entries):
                # One entry on several days (only hand-made events): keep its first day.
                first = sorted(dict(zip(reversed(entries), range(len(entries) - 1, -1, -1),
                                        strict=True)).values())
                days, entries = [days[n] for n in first], [entries[n] for n in first]
            found = self._occasions[key] = (days, entries)
        return found

    def entry_days(self) -> list[int]:
        """The day of every entry, sorted: what the gate counts."""
        return self.occasions(tuple(self.categories))[0]


Prepared = dict[int | None, _Group]


def _local_days(moments: list[dt.datetime], zone: dt.tzinfo, today: dt.date) -> list[int]:
    """Each aware moment's day in ``zone`` (as an ordinal), found among the zone's midnights.

    Each distinct moment is converted once (an entry's signs share theirs), by binary search
    over the span's midnights in C, daylight saving included."""
    distinct = list(dict.fromkeys(moments))
    stamps = list(map(dt.datetime.timestamp, distinct))
    start = min(dt.datetime.fromtimestamp(min(stamps), zone).date(), today) - dt.timedelta(days=1)
    count = (today - start).days + 3
    midnights = [dt.datetime.combine(start + dt.timedelta(days=n), dt.time(0), tzinfo=zone)
                 .timestamp() for n in range(count)]
    base = start.toordinal() - 1
    day_of = dict(zip(distinct, map(base.__add__, map(bisect_right, repeat(midnights), stamps)),
                      strict=True))
    return list(map(day_of.__getitem__, moments))


def prepare(events: Sequence[SignEvent], today: dt.date, zone: dt.tzinfo) -> Prepared:
    """Group events by child and sign, as note integers in day order, leaving out anything
    after ``today``. One sort of (child, sign, note) integers does the grouping, in C.

    A sign's category is the one its events carry (the catalogue's, or "" for a tag)."""
    events = events if isinstance(events, list) else list(events)
    if not events:
        return {}
    days = _local_days(list(map(_NOTED, events)), zone, today)
    entries = list(map(_ENTRY, events))
    entry_ids = None
    if min(entries) < 0 or max(entries) > _ENTRY_BITS:
        entry_ids = sorted(set(entries))
        entries = list(map({entry: n for n, entry in enumerate(entry_ids)}.__getitem__,
                           entries))
    day_of_entry = dict(zip(entries, days, strict=True))
    one_day = list(map(day_of_entry.__getitem__, entries)) == days
    children, signs = list(map(_CHILD, events)), list(map(_SIGN, events))
    child_numbers = {child: n for n, child in enumerate(dict.fromkeys(children))}
    sign_numbers = {sign: n for n, sign in enumerate(dict.fromkeys(signs))}
    width = len(sign_numbers)
    groups_of = map(add, map(width.__rmul__, map(child_numbers.__getitem__, children)),
                    map(sign_numbers.__getitem__, signs))
    keys = sorted(map(or_, map(or_, map(lshift, groups_of, repeat(_GROUP_SHIFT)),
                               map(lshift, days, repeat(_DAY_SHIFT))),
                      map(or_, map(lshift, entries, repeat(_ENTRY_SHIFT)),
                          map(_LEVELS.get, map(_STRENGTH, events), repeat(0)))))
    category_of = dict(zip(reversed(signs), map(_CATEGORY, reversed(events)), strict=True))
    after_today = (today.toordinal() + 1) << _DAY_SHIFT
    groups: Prepared = {}
    for child_id, child_number in child_numbers.items():
        for sign_id, sign_number in sign_numbers.items():
            first = (child_number * width + sign_number) << _GROUP_SHIFT
            low = bisect_left(keys, first)
            high = bisect_left(keys, first | after_today, low)
            if high == low:
                continue
            group = groups.get(child_id)
            if group is None:
                group = groups[child_id] = _Group({}, {}, entry_ids, one_day)
            group.notes[sign_id] = list(map(and_, keys[low:high], repeat(_NOTE_BITS)))
            group.categories[sign_id] = category_of[sign_id]
    return groups


class _Firings:
    """Collects one group's firings, applying the gate and the rest after each firing."""

    def __init__(self, rule: Rule, group: _Group, child_id: int | None, rest_days: int) -> None:
        self.rule, self.child_id, self.entry_ids = rule, child_id, group.entry_ids
        self.rest_days = max(rest_days, 1)
        entry_days = group.entry_days()
        gate = rule.gate
        enough = entry_days[gate.min_entries - 1] if len(entry_days) >= gate.min_entries \
            else 10**9
        self.gate_day = max(enough, (entry_days[0] if entry_days else 0) + 7 * gate.min_weeks)
        self.found: list[Firing] = []

    def fire_on(self, days: list[int], entries_on: Callable[[int], Iterable[int]]) -> None:
        """Fire on each of ``days`` (sorted: the days the condition holds) that the gate and
        the rest allow; ``entries_on(n)`` gives the entries behind ``days[n]``, each once."""
        n = bisect_left(days, self.gate_day)
        while n < len(days):
            day = days[n]
            found = entries_on(n)
            ids = (sorted(found) if self.entry_ids is None
                   else sorted(map(self.entry_ids.__getitem__, found)))
            self.found.append(Firing(self.rule.id, self.child_id, dt.date.fromordinal(day),
                                     tuple(ids)))
            n = bisect_left(days, day + self.rest_days, n + 1)


def _windows(days: list[int], ends: list[int], length: int) -> tuple[list[int], list[int]]:
    """For each of ``ends``: the slice of sorted ``days`` inside the ``length`` days that end
    with it."""
    return (list(map(bisect_right, repeat(days), map(sub, ends, repeat(length)))),
            list(map(bisect_right, repeat(days), ends)))


def _entries_of(notes: Iterable[int]) -> Iterable[int]:
    return map(and_, map(rshift, notes, repeat(_ENTRY_SHIFT)), repeat(_ENTRY_BITS))


def _count(group: _Group, signs: tuple[str, ...], params: dict[str, int],
           out: _Firings) -> None:
    """At least ``count`` entries with a matching sign within ``days`` (optionally strong)."""
    days, entries = group.occasions(signs, params.get("strength", 0))
    count, length = params["count"], params["days"]
    if len(days) < count:
        return
    distinct = list(dict.fromkeys(days))
    lows, highs = _windows(days, distinct, length)
    held = list(compress(range(len(distinct)), map(ge, map(sub, highs, lows), repeat(count))))
    out.fire_on([distinct[n] for n in held],
                lambda n: entries[lows[held[n]]:highs[held[n]]])


def _together(group: _Group, first: tuple[str, ...], second: tuple[str, ...],
              params: dict[str, int], out: _Firings) -> None:
    """A sign from each side within ``days`` of each other (one entry may hold both)."""
    days_a, entries_a = group.occasions(first)
    days_b, entries_b = group.occasions(second)
    if not days_a or not days_b:
        return
    length = params["days"]
    distinct = sorted(set(days_a).union(days_b))
    lows_a, highs_a = _windows(days_a, distinct, length)
    lows_b, highs_b = _windows(days_b, distinct, length)
    held = list(compress(range(len(distinct)), map(and_, map(gt, highs_a, lows_a),
                                                    map(gt, highs_b, lows_b))))
    out.fire_on([distinct[n] for n in held],
                lambda n: set(chain(entries_a[lows_a[held[n]]:highs_a[held[n]]],
                                    entries_b[lows_b[held[n]]:highs_b[held[n]]])))


def _new_category(group: _Group, signs: tuple[str, ...], params: dict[str, int],
                  out: _Firings) -> None:
    """A category (never the caregiver's own tags) not seen for ``weeks`` turns up."""
    gap = 7 * params["weeks"]
    by_category: dict[str, list[str]] = {}
    for sign in signs:
        category = group.categories[sign]
        if category:
            by_category.setdefault(category, []).append(sign)
    fresh: dict[int, list[int]] = {}
    for category_signs in by_category.values():
        notes = group.merged(tuple(category_signs))
        distinct = list(dict.fromkeys(map(rshift, notes, repeat(_DAY_SHIFT))))
        gaps = map(le, map(add, distinct, repeat(gap)), distinct[1:])  # previous <= day - gap
        for day in compress(distinct, chain((True,), gaps)):
            low = bisect_left(notes, day << _DAY_SHIFT)
            high = bisect_left(notes, (day + 1) << _DAY_SHIFT, low)
            fresh.setdefault(day, []).extend(_entries_of(notes[low:high]))
    days = sorted(fresh)
    out.fire_on(days, lambda n: set(fresh[days[n]]))


def _rising(group: _Group, signs: tuple[str, ...], params: dict[str, int],
            out: _Firings) -> None:
    """The last ``days`` hold at least ``more`` more signs than the ``days`` before them."""
    more, length = params["more"], params["days"]
    notes = group.merged(signs)
    days = list(map(rshift, notes, repeat(_DAY_SHIFT)))
    distinct = list(dict.fromkeys(days))
    starts, middles = _windows(days, list(map(sub, distinct, repeat(length))), length)
    ends = list(map(bisect_right, repeat(days), distinct))
    # (end - middle) - (middle - start) >= more
    held = list(compress(range(len(distinct)), map(ge, map(sub, map(add, ends, starts),
                                                           map(add, middles, middles)),
                                                   repeat(more))))
    out.fire_on([distinct[n] for n in held],
                lambda n: set(_entries_of(notes[middles[held[n]]:ends[held[n]]])))


def _run(rule: Rule, params: dict[str, int], group: _Group,
         child_id: int | None) -> list[Firing]:
    condition = rule.condition
    out = _Firings(rule, group, child_id, params.get("days", 0))
    signs = group.select(condition.of)
    if not signs:
        return []
    if condition.kind == "count":
        _count(group, signs, params, out)
    elif condition.kind == "together":
        # A sign both sides name counts for the first side only: two different signs are
        # needed for "together".
        second = group.select(condition.with_ or Selector(), frozenset(signs))
        if second:
            _together(group, signs, second, params, out)
    elif condition.kind == "new_category":
        _new_category(group, signs, params, out)
    else:
        _rising(group, signs, params, out)
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
    mine = list(compress(events, map(eq, map(_CHILD, events), repeat(child_id))))
    setting = RuleSetting(rule.id, True, dict(params))
    since = today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
    return sum(1 for f in evaluate(rule, setting, mine, today, zone) if f.fired_on >= since)
