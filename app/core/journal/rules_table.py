"""Noted signs as the pattern rules read them: one row per entry and day, for each child.

Every rule asks the same questions of the notes: which entries (and on which days) have a sign
it looks at, and how many notes fall in a window of days. So the signs are read once into a
table with one row per entry-day ("pair") and child: its day, its entry, and a bit mask of the
signs noted on it (each sign id is one bit). A rule's entries are then one C-level filter of
the masks, each day's signs and the group's calendar (every day, noted or not) are made once
and shared, and the entries behind a firing are one slice. Each child is its own group; entries
about the family (``child_id is None``) are a group of their own. Days are counted in the
caregiver's zone.

The store gives events oldest first, an entry's signs side by side sharing one moment, or (what
the app reads) ``EntryEvents``, one per entry; both are built with list-wide C operations (runs
of an entry's signs, masks found once per distinct set of names). Anything else (hand-made
events: unsorted, an entry on several days or in pieces, one sign twice on an entry) goes
through a plain loop that gives the same table.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, islice, repeat
from operator import and_, ge, indexOf, itemgetter, le, mul, ne, sub

from app.core.journal.entry_events import EntryEvents, as_sign_events
from app.core.journal.model import SignEvent

_LEVELS = {None: 0, 1: 1, 2: 2, 3: 3}  # strength "not said" counts as 0
_SHARED = itemgetter(0, 1, 2, 5)  # what an entry's signs share: entry, child, moment, strength
_ENTRY, _CHILD, _NOTED, _STRENGTH = map(itemgetter, range(4))  # of those
_SIGN = itemgetter(3)


class _SignBits(dict[str, int]):
    """Sign id → its bit, handing out a new bit to each new sign id (in event order)."""

    def __missing__(self, sign: str) -> int:
        bit = self[sign] = 1 << len(self)
        return bit


def _categories(events: list[SignEvent], bits: _SignBits) -> dict[str, str]:
    """Each sign's category: the one on its first event. Signs got their bits in order of
    first appearance, so one walk through the events finds each sign's first event."""
    found, at, walk = {}, -1, map(_SIGN, events)
    for sign in bits:
        at += indexOf(walk, sign) + 1  # the walk goes on just after this sign's first event
        found[sign] = events[at][4]
    return found


@dataclass(eq=False)
class Group:
    """One child's (or the family's) entry-days up to today, in day order."""

    child_id: int | None
    days: list[int]  # day ordinal of each pair, sorted
    ids: list[int]  # its entry
    masks: list[int]  # the signs noted on it
    counts: list[int]  # how many notes it holds (a sign noted twice counts twice)
    levels: list[int] | None  # its strength, when all its notes share one
    notes: list[list[tuple[int, int]]] | None  # otherwise each note's (bit, strength)
    unique: bool  # every entry is on one day only, so each has one pair
    _level_masks: dict[int, list[int]] = field(default_factory=dict)
    _occasions: dict[tuple[int, int], tuple[list[int], Sequence[int]]] = field(default_factory=dict)
    _day_masks: tuple[list[int], list[int]] | None = None
    _day_ends: dict[int, int] | None = None
    _calendar: list[int] | None = None

    def level_masks(self, strength: int) -> list[int]:
        """Each pair's signs noted at least ``strength`` strong."""
        found = self._level_masks.get(strength)
        if found is None:
            if self.levels is not None:
                found = list(map(mul, self.masks, map(ge, self.levels, repeat(strength))))
            else:
                found = [_or(bit for bit, level in notes if level >= strength)
                         for notes in self.notes or ()]
            self._level_masks[strength] = found
        return found

    def occasions(self, selected: int, everything: int,
                  strength: int = 0) -> tuple[list[int], Sequence[int]]:
        """The entries with any ``selected`` sign (noted at least ``strength`` strong), each
        once on its first such day, in day order: their days, and their pairs' places (an
        entry's id is ``ids[place]``, looked up only for the entries a firing lists)."""
        key = (selected, strength)
        found = self._occasions.get(key)
        if found is None:
            places: Sequence[int] = range(len(self.days))
            days = self.days
            if strength or selected & everything != everything:
                masks = self.level_masks(strength) if strength else self.masks
                places = list(compress(places, map(and_, masks, repeat(selected))))
                days = list(map(self.days.__getitem__, places))
            if not self.unique:
                ids = list(map(self.ids.__getitem__, places))
                if len(set(ids)) != len(ids):
                    first = sorted(dict(zip(reversed(ids), range(len(ids) - 1, -1, -1),
                                            strict=True)).values())
                    days, places = [days[n] for n in first], [places[n] for n in first]
            found = self._occasions[key] = (days, places)
        return found

    def entries(self, places: Iterable[int]) -> Iterable[int]:
        return map(self.ids.__getitem__, places)

    def day_masks(self) -> tuple[list[int], list[int]]:
        """Each day with notes (in order), and every sign noted that day: a rule that asks
        only which days hold its signs walks these (a few a day fewer than the pairs)."""
        if self._day_masks is None:
            found: dict[int, int] = {}
            for day, mask in zip(self.days, self.masks, strict=True):
                found[day] = found.get(day, 0) | mask
            self._day_masks = (list(found), list(found.values()))
        return self._day_masks

    def calendar(self) -> list[int]:
        """Every day from the group's first to its last (notes or not), with the signs noted
        on it (0: none): a window of days is then a fixed shift along this list."""
        if self._calendar is None:
            days, masks = self.day_masks()
            by_day = dict(zip(days, masks, strict=True))
            self._calendar = list(map(by_day.get, range(days[0], days[-1] + 1), repeat(0))) \
                if days else []
        return self._calendar

    def notes_of(self, selected: int) -> list[int]:
        """How many notes of ``selected`` signs each pair holds."""
        if self.notes is None:  # no sign twice on a pair: its bits count its notes
            return list(map(int.bit_count, map(and_, self.masks, repeat(selected))))
        return [sum(1 for bit, _ in notes if bit & selected) for notes in self.notes or ()]

    def day_ends(self) -> dict[int, int]:
        """Each day with notes → the index just after its last pair."""
        if self._day_ends is None:
            self._day_ends = dict(zip(self.days, range(1, len(self.days) + 1), strict=True))
        return self._day_ends

    def window(self, first: int, last: int) -> tuple[int, int]:
        """The pairs from day ``first`` to day ``last``, as a slice."""
        low = bisect_left(self.days, first)
        return low, bisect_right(self.days, last, low)


@dataclass(eq=False)
class Table:
    groups: list[Group]
    bit_of: dict[str, int]  # sign id → its bit
    category_of: dict[str, str]  # sign id → its category ("" for the caregiver's own tags)

    @property
    def everything(self) -> int:
        return (1 << len(self.bit_of)) - 1

    def selection(self, matches: Callable[[str, str], bool], leave_out: int = 0) -> int:
        """The bits of the signs ``matches(sign, category)`` picks, less ``leave_out``."""
        return _or(bit for sign, bit in self.bit_of.items()
                   if not bit & leave_out and matches(sign, self.category_of[sign]))


def _or(bits: Iterable[int]) -> int:
    found = 0
    for bit in bits:
        found |= bit
    return found


def read_table(events: Sequence[SignEvent], today: dt.date, zone: dt.tzinfo) -> Table:
    """The rules' table of ``events``, leaving out anything after ``today``.

    Runs of neighbouring events that share entry, child, moment and strength are read at once:
    a run's mask is the difference of running sums of sign bits (exact while no sign repeats
    in a run, which the bit count of the masks confirms)."""
    events = events if isinstance(events, list) else list(events)
    bits = _SignBits()
    if not events:
        return Table([], {}, {})
    sign_bits = list(map(bits.__getitem__, map(_SIGN, events)))
    category_of = _categories(events, bits)
    shared = list(map(_SHARED, events))
    total = len(events)
    starts = [0, *compress(range(1, total), map(ne, islice(shared, 1, None), shared))]
    ends = [*islice(starts, 1, None), total]
    firsts = list(map(shared.__getitem__, starts))
    days = _local_days(list(map(_NOTED, firsts)), zone, today)
    entries = list(map(_ENTRY, firsts))
    running = list(accumulate(sign_bits, initial=0))
    masks = list(map(sub, map(running.__getitem__, ends), map(running.__getitem__, starts)))
    if (sum(map(int.bit_count, masks)) != total or len(set(entries)) != len(entries)
            or not all(map(le, days, islice(days, 1, None)))):
        event_days = list(chain.from_iterable(map(repeat, days, map(sub, ends, starts))))
        groups = _pieced_groups(events, event_days, sign_bits, today.toordinal())
        return Table(groups, bits, category_of)
    kept = bisect_right(days, today.toordinal())
    columns: tuple[list[int], ...] = (
        days[:kept], entries[:kept], masks[:kept],
        list(map(_LEVELS.get, map(_STRENGTH, firsts[:kept]), repeat(0))))
    return Table(_child_groups(list(map(_CHILD, firsts[:kept])), columns), bits, category_of)


class _EntryMasks(dict[tuple[str, ...], int]):
    """An entry's names → the mask of their bits, found once per distinct set of names (the
    store shares one tuple per distinct set). The sum of the bits is the mask while no name
    repeats; ``short`` counts the bits lost to repeats."""

    def __init__(self, bits: _SignBits) -> None:
        super().__init__()
        self.bits = bits
        self.short = 0

    def __missing__(self, names: tuple[str, ...]) -> int:
        mask = self[names] = sum(map(self.bits.__getitem__, names))
        self.short += len(names) - mask.bit_count()
        return mask


def read_entry_table(rows: Sequence[EntryEvents], categories: Mapping[str, str],
                     today: dt.date, zone: dt.tzinfo) -> Table:
    """The rules' table of entries (``EntryEvents``, each name's category from
    ``categories``, ``""`` for tags), leaving out anything after ``today``.

    The store gives each entry once, oldest first: each row is a pair as it stands, so the
    table is a handful of column operations. Anything else (unsorted, an entry twice, a name
    twice on an entry) is read one sign at a time, which gives the same table."""
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return Table([], {}, {})
    bits = _SignBits()
    ids, children, moments, strengths, names = zip(*rows, strict=True)
    entry_masks = _EntryMasks(bits)
    masks = list(map(entry_masks.__getitem__, names))
    category_of = {name: categories.get(name, "") for name in bits}
    days = _local_days(list(moments), zone, today)
    if (entry_masks.short or len(set(ids)) != len(ids)
            or not all(map(le, days, islice(days, 1, None)))):
        return read_table(as_sign_events(rows, category_of), today, zone)
    kept = bisect_right(days, today.toordinal())
    columns = (days[:kept], list(ids[:kept]), masks[:kept],
               list(map(_LEVELS.get, strengths[:kept], repeat(0))))
    return Table(_child_groups(children[:kept], columns), bits, category_of)


def _child_groups(children: Sequence[int | None],
                  columns: tuple[list[int], ...]) -> list[Group]:
    """Each child's pairs (``columns``: days, ids, masks, levels) as its group, still in day
    order (a stable sort). No sign repeats on a pair here, so its bits count its notes."""
    numbers = {child: n for n, child in enumerate(dict.fromkeys(children))}
    spans = {child: (0, len(children)) for child in numbers}
    if len(numbers) > 1:
        of_child = list(map(numbers.__getitem__, children))
        order = sorted(range(len(children)), key=of_child.__getitem__)
        columns = tuple(list(map(column.__getitem__, order)) for column in columns)
        ends_at = [bisect_right(order, n, key=of_child.__getitem__) for n in range(len(numbers))]
        spans = {child: ([0, *ends_at][n], ends_at[n]) for child, n in numbers.items()}
    groups = []
    for child_id, (low, high) in spans.items():
        day_list, ids, mask_list, levels = (column[low:high] for column in columns)
        groups.append(Group(child_id, day_list, ids, mask_list,
                            list(map(int.bit_count, mask_list)), levels, None, True))
    return groups


def _pieced_groups(events: list[SignEvent], days: list[int], sign_bits: list[int],
                   last_day: int) -> list[Group]:
    """The groups of events in any order and shape, one note at a time."""
    pairs: dict[int | None, dict[tuple[int, int], list[tuple[int, int]]]] = {}
    for event, day, bit in zip(events, days, sign_bits, strict=True):
        if day <= last_day:
            pair = pairs.setdefault(event[1], {}).setdefault((day, event[0]), [])
            pair.append((bit, _LEVELS.get(event[5], 0)))
    groups = []
    for child_id, by_pair in pairs.items():
        keys = sorted(by_pair)
        notes = [by_pair[key] for key in keys]
        ids = [entry for _, entry in keys]
        groups.append(Group(child_id, [day for day, _ in keys], ids,
                            [_or(bit for bit, _ in these) for these in notes],
                            list(map(len, notes)), None, notes, len(set(ids)) == len(ids)))
    return groups


def _local_days(moments: list[dt.datetime], zone: dt.tzinfo, today: dt.date) -> list[int]:
    """Each aware moment's day in ``zone`` (as an ordinal), found among the zone's midnights
    (daylight saving included) from the first moment's day to just after today.

    Moments in order (as the store gives them) are cut at each midnight by binary search;
    otherwise each distinct moment is placed among the midnights."""
    try:
        ordered = all(map(le, moments, islice(moments, 1, None)))
    except TypeError:  # naive and aware moments mixed
        ordered = False
    if ordered and moments[0].tzinfo is not None:
        start = min(moments[0].astimezone(zone).date(), today) - dt.timedelta(days=1)
    else:
        stamps = list(map(dt.datetime.timestamp, dict.fromkeys(moments)))
        start = (min(dt.datetime.fromtimestamp(min(stamps), zone).date(), today)
                 - dt.timedelta(days=1))
    midnights = [dt.datetime.combine(start + dt.timedelta(days=n), dt.time(0), tzinfo=zone)
                 for n in range((today - start).days + 3)]
    base = start.toordinal() - 1
    if ordered and moments[0].tzinfo is not None:
        tz = moments[0].tzinfo
        cuts = [0, *map(bisect_left, repeat(moments), (m.astimezone(tz) for m in midnights)),
                len(moments)]
        return list(chain.from_iterable(map(repeat, range(base, base + len(cuts) - 1),
                                            map(sub, islice(cuts, 1, None), cuts))))
    instants = list(map(dt.datetime.timestamp, midnights))
    distinct = list(dict.fromkeys(moments))
    day_of = dict(zip(distinct, map(base.__add__, map(bisect_right, repeat(instants),
                                                       map(dt.datetime.timestamp, distinct))),
                      strict=True))
    return list(map(day_of.__getitem__, moments))
