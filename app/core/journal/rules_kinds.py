"""The four kinds of rule condition, each over one group of the rules' table.

Each kind finds, at once, every day its condition holds, and hands those days to
``Firings.fire_on`` with a way to list the entries behind one of them; that is asked only when
a firing's entries are read. When every entry is on one day (always, for the store's notes),
windows slide along the group's calendar: running sums of what was noted each day, shifted by
the window's length, all C-level maps over ~2,000 days instead of searches per day. Hand-made
notes (an entry on several days) take the per-entry path, which gives the same firings.
A condition's window of ``days`` ending on day ``d`` holds the days after ``d - days`` up to
``d``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, and_, ge, gt, le, mul, sub, truth
from typing import Protocol

from app.core.journal.rules_table import Group, Table

_NEVER = -(10**9)  # a day before any day


class Firings(Protocol):
    def fire_on(self, days: list[int], entries_on: Callable[[int], Iterable[int]]) -> None:
        """Fire on those of ``days`` that the gate and the rest allow."""


def count(group: Group, selected: int, everything: int, params: dict[str, int],
          out: Firings) -> None:
    """At least ``count`` entries with a matching sign within ``days`` (optionally strong)."""
    needed, length = params["count"], params["days"]
    if group.unique:
        _count_by_day(group, selected, everything, params.get("strength", 0), needed, length,
                      out)
        return
    days, places = group.occasions(selected, everything, params.get("strength", 0))
    if len(days) < needed:
        return
    # each day → just after its last entry
    ends = dict(zip(days, range(1, len(days) + 1), strict=True))
    distinct = list(ends)
    held = distinct  # with one entry needed, every day with one holds
    if needed > 1:
        tops = list(ends.values())
        bottoms = [0, *tops]  # entries up to the n-th distinct day (exclusive of it)
        lows = map(bottoms.__getitem__, map(bisect_right, repeat(distinct),
                                            map(sub, distinct, repeat(length))))
        held = list(compress(distinct, map(ge, map(sub, tops, lows), repeat(needed))))
    out.fire_on(held, lambda n: group.entries(
        places[bisect_right(days, held[n] - length):ends[held[n]]]))


def _count_by_day(group: Group, selected: int, everything: int, strength: int, needed: int,
                  length: int, out: Firings) -> None:
    """``count`` when each entry is on one day: the matching entries' days in one pass, then
    a window along the calendar of how many fall on each day (running sums, shifted)."""
    every = selected & everything == everything
    # each pair's key and the test that picks it: its strength when every sign counts
    keys, wanted, test = ((group.levels, strength, ge) if every and strength and group.levels
                          else (group.level_masks(strength) if strength else group.masks,
                                selected, and_))
    days = group.days if every and not strength \
        else list(compress(group.days, map(test, keys, repeat(wanted))))
    if len(days) < needed:
        return
    if needed == 1:  # every day with one holds
        held = list(dict.fromkeys(days))
    else:
        per_day, base, span = Counter(days), days[0], days[-1] - days[0] + 1
        noted = list(map(per_day.get, range(base, base + span), repeat(0)))
        running = list(accumulate(noted, initial=0))
        before = chain(repeat(0, min(length, span)), islice(running, 1, max(1, span - length + 1)))
        held = list(compress(range(base, base + span), map(mul, noted, map(
            ge, map(sub, islice(running, 1, None), before), repeat(needed)))))

    def entries_on(n: int) -> Iterable[int]:
        low, high = group.window(held[n] - length + 1, held[n])
        return compress(group.ids[low:high], map(test, keys[low:high], repeat(wanted)))

    out.fire_on(held, entries_on)


def together(group: Group, first: int, second: int, everything: int, params: dict[str, int],
             out: Firings) -> None:
    """A sign from each side within ``days`` of each other (one entry may hold both)."""
    if group.unique:
        _together_by_day(group, first, second, params["days"], out)
        return
    days_a, places_a = group.occasions(first, everything)
    days_b, places_b = group.occasions(second, everything)
    if not days_a or not days_b:
        return
    length = params["days"]
    seen_a, seen_b = list(dict.fromkeys(days_a)), list(dict.fromkeys(days_b))
    distinct = sorted(set(seen_a).union(seen_b))
    starts = list(map(sub, distinct, repeat(length)))
    # Each side's latest day up to d must be after d - days.
    latest_a = map([_NEVER, *seen_a].__getitem__, map(bisect_right, repeat(seen_a), distinct))
    latest_b = map([_NEVER, *seen_b].__getitem__, map(bisect_right, repeat(seen_b), distinct))
    held = list(compress(distinct, map(and_, map(gt, latest_a, starts),
                                       map(gt, latest_b, starts))))

    def entries_on(n: int) -> set[int]:
        day = held[n]
        return set(group.entries(chain(
            places_a[bisect_right(days_a, day - length):bisect_right(days_a, day)],
            places_b[bisect_right(days_b, day - length):bisect_right(days_b, day)])))

    out.fire_on(held, entries_on)


def _together_by_day(group: Group, first: int, second: int, length: int,
                     out: Firings) -> None:
    """``together`` when each entry is on one day, along the group's calendar: a day holds
    when it has a sign of either side and each side has one in the ``length`` days ending on
    it (running sums of each side's signs, shifted by ``length``: all C-level)."""
    calendar = group.calendar()
    if not calendar:
        return
    span, base = len(calendar), group.days[0]

    def in_window(side: int) -> Iterator[int]:  # > 0 when the side was noted in the window
        running = list(accumulate(map(truth, map(and_, calendar, repeat(side))), initial=0))
        before = chain(repeat(0, min(length, span)), islice(running, 1, max(1, span - length + 1)))
        return map(sub, islice(running, 1, None), before)

    both = first | second
    held = list(compress(range(base, base + span), map(
        mul, map(mul, in_window(first), in_window(second)), map(and_, calendar, repeat(both)))))

    def entries_on(n: int) -> set[int]:
        low, high = group.window(held[n] - length + 1, held[n])
        return set(compress(group.ids[low:high], map(and_, group.masks[low:high], repeat(both))))

    out.fire_on(held, entries_on)


def new_category(group: Group, selected: int, table: Table, params: dict[str, int],
                 out: Firings) -> None:
    """A category (never the caregiver's own tags) not seen for ``weeks`` turns up."""
    gap = 7 * params["weeks"]
    by_category: dict[str, int] = {}
    for sign, bit in table.bit_of.items():
        category = table.category_of[sign]
        if bit & selected and category:
            by_category[category] = by_category.get(category, 0) | bit
    all_days, masks = group.day_masks()
    fresh: dict[int, int] = {}  # day → the categories (as sign bits) fresh on it
    for bits in by_category.values():
        seen = list(compress(all_days, map(and_, masks, repeat(bits))))
        gaps = map(le, map(add, seen, repeat(gap)), islice(seen, 1, None))  # previous + gap <= day
        for day in compress(seen, chain((True,), gaps)):
            fresh[day] = fresh.get(day, 0) | bits
    days = sorted(fresh)

    def entries_on(n: int) -> set[int]:
        low, high = group.window(days[n], days[n])
        return set(compress(group.ids[low:high],
                            map(and_, group.masks[low:high], repeat(fresh[days[n]]))))

    out.fire_on(days, entries_on)


def rising(group: Group, selected: int, everything: int, params: dict[str, int],
           out: Firings) -> None:
    """The last ``days`` hold at least ``more`` more signs than the ``days`` before them.

    Along the group's calendar: each day's notes of the selected signs, their running sum
    ``R``, and for each day ``R(d) - 2 R(d - days) + R(d - 2 days)`` (running sums shifted)."""
    more, length = params["more"], params["days"]
    counts = group.counts if selected & everything == everything else group.notes_of(selected)
    if not counts:
        return
    ends = group.day_ends()
    tops = list(map([0, *accumulate(counts)].__getitem__, ends.values()))  # notes up to a day
    by_day = dict(zip(ends, map(sub, tops, [0, *islice(tops, len(tops) - 1)]), strict=True))
    base, span = group.days[0], group.days[-1] - group.days[0] + 1
    noted = list(map(by_day.get, range(base, base + span), repeat(0)))
    running = list(accumulate(noted, initial=0))

    def shifted(by: int) -> Iterator[int]:  # the running sum ``by`` days earlier
        return chain(repeat(0, min(by, span)), islice(running, 1, max(1, span - by + 1)))

    change = map(add, map(sub, islice(running, 1, None), shifted(length)),
                 map(sub, shifted(2 * length), shifted(length)))
    held = list(compress(range(base, base + span),
                         map(mul, noted, map(ge, change, repeat(more)))))

    def entries_on(n: int) -> set[int]:
        low, high = group.window(held[n] - length + 1, held[n])
        return set(compress(group.ids[low:high], counts[low:high]))

    out.fire_on(held, entries_on)
