"""What the pattern card shows, read on the database worker: firing rules and their entries.

Every rule runs over the noted signs; the firings of the last two weeks are recorded (so "Not
now" sticks across restarts) and read back without the ones put aside. A rule that fired more
than once for a child in that time is one pattern; rules turned off show nothing; entries
deleted or purged since no longer explain anything and are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core.journal.entry_events import EntryEvents
from app.core.journal.rules import HOME_CARD_DAYS, Rule, evaluate_all
from app.storage.services import Services
from app.ui.journal import rule_words


@dataclass(frozen=True)
class ShownEntry:
    entry_id: int
    day: dt.date  # local date it was noted
    signs: tuple[str, ...]  # sign ids, then the caregiver's own tags


@dataclass(frozen=True)
class ShownFiring:
    """One pattern the card shows: a rule for a child, with what "Why am I seeing this?" lists.

    A rule that fired more than once for a child in the fortnight is one pattern, not several
    cards: ``firing_ids`` holds every firing it stands for (newest first), all put aside
    together, and the entries are those of the newest firing."""

    firing_ids: tuple[int, ...]
    rule_id: str
    child_name: str
    fired_on: dt.date
    entries: tuple[ShownEntry, ...]
    params: dict[str, int]
    urgent: bool = False

    @property
    def key(self) -> int:
        return self.firing_ids[0]


def _entries(live: Mapping[int, EntryEvents], entry_ids: Sequence[int],
             zone: dt.tzinfo) -> list[ShownEntry]:
    """The entries the rules just read, by id: no second read of each one (over years of
    notes the patterns list well over a thousand, and loading each took seconds)."""
    found = []
    for entry_id in entry_ids:
        entry = live.get(entry_id)
        if entry is None:
            continue  # deleted or purged since: it no longer explains anything
        found.append(ShownEntry(entry_id, entry.noted_at.astimezone(zone).date(),
                                entry.sign_ids))
    return found


def read_patterns(services: Services, rules: Sequence[Rule], today: dt.date,
                  zone: dt.tzinfo) -> list[ShownFiring]:
    """On the worker: evaluate, record, and read back the firings not put aside — one pattern
    per rule and child, Help-now rules first, then the newest."""
    journal = services.journal
    settings = journal.rule_settings()
    entries, categories = journal.entry_events()
    fresh = evaluate_all(rules, settings, entries, today, zone, within_days=HOME_CARD_DAYS,
                         categories=categories)
    journal.record_firings([(f.rule_id, f.child_id, f.fired_on, f.entry_ids) for f in fresh])
    names = {c.id: c.name for c in services.family.children(include_archived=True)}
    live = {entry.entry_id: entry for entry in entries}
    by_id = {r.id: r for r in rules}
    since = today - dt.timedelta(days=HOME_CARD_DAYS - 1)
    groups: dict[tuple[str, int | None], list[tuple[int, dt.date, tuple[int, ...]]]] = {}
    for firing_id, rule_id, child_id, fired_on, entry_ids in journal.firings():  # newest first
        setting = settings.get(rule_id)
        if rule_id not in by_id or fired_on < since or (setting is not None
                                                       and not setting.enabled):
            continue
        groups.setdefault((rule_id, child_id), []).append((firing_id, fired_on, entry_ids))
    shown = []
    for (rule_id, child_id), firings in groups.items():
        rule, setting = by_id[rule_id], settings.get(rule_id)
        listed = _entries(live, firings[0][2], zone)
        if not listed:
            continue
        name = names.get(child_id, "") if child_id is not None else rule_words.family_name()
        shown.append(ShownFiring(tuple(f[0] for f in firings), rule_id, name, firings[0][1],
                                 tuple(listed), rule.params(setting.params if setting else None),
                                 rule.help_now))
    return sorted(shown, key=lambda f: (not f.urgent, -f.fired_on.toordinal(), f.key))
