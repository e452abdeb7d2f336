"""Running pattern rules over noted signs: when each would fire, for whom, and because of what.

Rules see only the notes (``SignEvent`` values, one per sign, or the store's cheaper
``EntryEvents``, one per entry, with the catalogue's categories) and "today"; each child is its
own group, and entries about
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

Speed: ``prepare`` reads the notes once into ``rules_table`` (one row per entry and day, its
signs as a bit mask); each kind in ``rules_kinds`` finds every day its condition holds at once
with C-level list work (mostly along each child's calendar, with running sums), and a firing's
entries are listed only when read. The cycle collector is paused once for the whole run. Every
shipped rule over five years of notes (50,000 entries, 110,000 signs) takes under 100 ms.
"""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import compress, repeat
from operator import eq, itemgetter, lshift, or_
from typing import Any, cast

from app.core.journal import rules_kinds
from app.core.journal.entry_events import EntryEvents
from app.core.journal.model import RuleSetting, SignEvent
from app.core.journal.rules_model import Rule, Selector
from app.core.journal.rules_table import Group, Table, read_entry_table, read_table

HOME_CARD_DAYS = 14  # the home card shows firings from the last two weeks
_CHILD = itemgetter(1)  # SignEvent.child_id and EntryEvents.child_id


class Firing(tuple[Any, ...]):
    """One day a rule fired for one child (or the family), and the entries that made it fire.

    Read-only. ``entry_ids`` (sorted) are listed when read: a rule over years of notes fires
    thousands of times, and the home card reads the entries of the last two weeks only, once.
    A plain tuple underneath (rule, child, day, and the entries, or the way to list the n-th
    firing's entries and n), so the engine makes thousands of them in one C-level ``map``, one
    object each; compared and hashed by its fields, entries included, never by the tuple.
    """

    __slots__ = ()

    def __new__(cls, rule_id: str, child_id: int | None, fired_on: dt.date,
                entry_ids: Iterable[int] = ()) -> Firing:
        return tuple.__new__(cls, (rule_id, child_id, fired_on, tuple(entry_ids), None))

    @property
    def rule_id(self) -> str:
        return cast(str, self[0])

    @property
    def child_id(self) -> int | None:
        return cast("int | None", self[1])

    @property
    def fired_on(self) -> dt.date:
        return cast(dt.date, self[2])

    @property
    def entry_ids(self) -> tuple[int, ...]:
        listing, n = self[3], self[4]
        return cast("tuple[int, ...]", listing if n is None else tuple(sorted(listing(n))))

    def _fields(self) -> tuple[str, int | None, dt.date, tuple[int, ...]]:
        return self.rule_id, self.child_id, self.fired_on, self.entry_ids

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Firing) and self._fields() == other._fields()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Firing(rule_id={!r}, child_id={!r}, fired_on={!r}, entry_ids={!r})".format(
            *self._fields())


_new_firing = cast(Callable[[Iterable[Any]], Firing], partial(tuple.__new__, Firing))


class _Found:
    """Every rule's firings, kept in the order they are shown: by day, child (the family
    last), rule id; an integer key each, so ordering them is one sort of integers."""

    def __init__(self, rules: Sequence[Rule], table: Table, since: dt.date | None) -> None:
        self.since = since.toordinal() if since is not None else -(10**9)
        self.rule_rank = {rule_id: n for n, rule_id in enumerate(sorted({r.id for r in rules}))}
        children = sorted((g.child_id for g in table.groups),
                          key=lambda child: (child is None, child or 0))
        self.child_rank = {child: n for n, child in enumerate(children)}
        self.firings: list[Firing] = []
        self.keys: list[int] = []

    def ordered(self) -> list[Firing]:
        return list(map(self.firings.__getitem__,
                        sorted(range(len(self.keys)), key=self.keys.__getitem__)))


class _Firings:
    """One rule's firings for one group, applying the gate and the rest after each firing."""

    def __init__(self, rule: Rule, group: Group, rest_days: int, everything: int,
                 found: _Found) -> None:
        self.rule_id, self.child_id, self.found = rule.id, group.child_id, found
        self.rest_days = max(rest_days, 1)
        self.rank = found.child_rank[group.child_id] << 24 | found.rule_rank[rule.id]
        entry_days = group.occasions(everything, everything)[0]
        gate = rule.gate
        enough = entry_days[gate.min_entries - 1] if len(entry_days) >= gate.min_entries \
            else 10**9
        self.gate_day = max(enough, (entry_days[0] if entry_days else 0) + 7 * gate.min_weeks)

    def fire_on(self, days: list[int], entries_on: Callable[[int], Iterable[int]]) -> None:
        """Fire on each of ``days`` (sorted: the days the condition holds) that the gate and
        the rest allow; ``entries_on(n)`` gives the entries behind ``days[n]`` (asked when
        the firing's entries are first read)."""
        fired, rest = [], self.rest_days
        n = bisect_left(days, self.gate_day)
        while n < len(days):
            fired.append(n)
            n = bisect_left(days, days[n] + rest, n + 1)
        on = list(map(days.__getitem__, fired))
        shown = bisect_left(on, self.found.since)  # the firings before it are only rests
        fired, on = fired[shown:], on[shown:]
        self.found.firings += map(_new_firing, zip(
            repeat(self.rule_id), repeat(self.child_id), map(dt.date.fromordinal, on),
            repeat(entries_on), fired))
        self.found.keys += map(or_, map(lshift, on, repeat(48)), repeat(self.rank))


def _run(rule: Rule, params: dict[str, int], table: Table, found: _Found) -> None:
    """Every firing of one rule, for each group."""
    condition, everything = rule.condition, table.everything
    selected = table.selection(condition.of.matches)
    # A sign both sides name counts for the first side only: two different signs are needed
    # for "together".
    second = (table.selection((condition.with_ or Selector()).matches, selected)
              if condition.kind == "together" else 0)
    if not selected or (condition.kind == "together" and not second):
        return
    for group in table.groups:
        out = _Firings(rule, group, params.get("days", 0), everything, found)
        if condition.kind == "count":
            rules_kinds.count(group, selected, everything, params, out)
        elif condition.kind == "together":
            rules_kinds.together(group, selected, second, everything, params, out)
        elif condition.kind == "new_category":
            rules_kinds.new_category(group, selected, table, params, out)
        else:
            rules_kinds.rising(group, selected, everything, params, out)


Notes = Sequence[SignEvent] | Sequence[EntryEvents]


def prepare(events: Notes, today: dt.date, zone: dt.tzinfo,
            categories: Mapping[str, str] | None = None) -> Table:
    """The notes as the rules read them (see ``rules_table``), leaving out anything after
    ``today``; read once, then run every rule over.

    ``events`` are either one ``SignEvent`` per sign or one ``EntryEvents`` per entry (the
    store's cheaper read for the whole history); the latter need ``categories`` (sign id →
    category; anything else is a caregiver's own tag)."""
    with _collector_paused():
        if events and isinstance(events[0], EntryEvents):
            if categories is None:
                raise TypeError("entry events need the catalogue's categories")
            return read_entry_table(cast(Sequence[EntryEvents], events), categories, today,
                                    zone)
        return read_table(cast(Sequence[SignEvent], events), today, zone)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The engine makes hundreds of thousands of small objects and no cycles; Python's cycle
    collector would otherwise walk the whole heap many times over while they are made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def evaluate_prepared(rules: Sequence[Rule], settings: Mapping[str, RuleSetting],
                      table: Table, since: dt.date | None = None) -> list[Firing]:
    """Every firing of the rules a parent has not turned off, from ``since`` on, in order."""
    found = _Found(rules, table, since)
    with _collector_paused():
        for rule in rules:
            setting = settings.get(rule.id)
            if setting is None or setting.enabled:
                _run(rule, rule.params(setting.params if setting else None), table, found)
        return found.ordered()


def evaluate(rule: Rule, setting: RuleSetting | None, events: Notes, today: dt.date,
             zone: dt.tzinfo, categories: Mapping[str, str] | None = None) -> list[Firing]:
    """Every time ``rule`` fired, for each child, over all the history up to ``today``."""
    settings = {rule.id: setting} if setting is not None else {}
    with _collector_paused():  # once for both steps: re-enabling it is what runs it
        return evaluate_prepared([rule], settings, prepare(events, today, zone, categories))


def evaluate_all(rules: Sequence[Rule],
                 settings: Mapping[str, RuleSetting] | Iterable[RuleSetting],
                 events: Notes, today: dt.date, zone: dt.tzinfo,
                 within_days: int | None = HOME_CARD_DAYS,
                 categories: Mapping[str, str] | None = None) -> list[Firing]:
    """Every rule's firings from the last ``within_days`` days (``None``: all of them)."""
    chosen = (dict(settings) if isinstance(settings, Mapping)
              else {s.rule_id: s for s in settings})
    since = today - dt.timedelta(days=within_days - 1) if within_days is not None else None
    with _collector_paused():  # once for both steps: re-enabling it is what runs it
        return evaluate_prepared(rules, chosen, prepare(events, today, zone, categories), since)


def prepare_by_child(events: Notes, today: dt.date, zone: dt.tzinfo,
                     child_ids: Iterable[int | None],
                     categories: Mapping[str, str] | None = None) -> dict[int | None, Table]:
    """Each child's notes as the rules read them, read once for many previews (the rules page
    previews every rule for every child: one table each, not one per rule and child)."""
    tables = {}
    with _collector_paused():
        for child_id in dict.fromkeys(child_ids):
            mine = cast(Notes, list(compress(events, map(eq, map(_CHILD, events),
                                                          repeat(child_id)))))
            tables[child_id] = prepare(mine, today, zone, categories)
    return tables


def preview_prepared(rule: Rule, params: Mapping[str, int], table: Table, today: dt.date,
                     weeks: int = 12) -> int:
    """``preview`` over a table from ``prepare_by_child``."""
    setting = RuleSetting(rule.id, True, dict(params))
    since = today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
    return sum(1 for f in evaluate_prepared([rule], {rule.id: setting}, table)
               if f.fired_on >= since)


def preview(rule: Rule, params: Mapping[str, int], events: Notes, today: dt.date,
            zone: dt.tzinfo, child_id: int | None, weeks: int = 12,
            categories: Mapping[str, str] | None = None) -> int:
    """How many times the rule would have fired for one child in the last ``weeks`` weeks
    with these numbers ("with these numbers it would have fired 3 times for Maya").

    The whole history is run (so the gate and the rest after each firing are as they would
    have been), and the firings that fall in the last ``weeks`` weeks are counted."""
    table = prepare_by_child(events, today, zone, [child_id], categories)[child_id]
    return preview_prepared(rule, params, table, today, weeks)
