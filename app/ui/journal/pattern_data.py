"""What the pattern card shows, read on the database worker: firing rules and their entries.

Every rule runs over the noted signs; the firings of the last two weeks are recorded (so "Not
now" sticks across restarts) and read back without the ones put aside. A rule that fired more
than once for a child in that time is one pattern; rules turned off show nothing; entries
deleted or purged since no longer explain anything and are left out.

Running the rules over years of notes takes a third of a second, so a reading leaves a memo:
the journal's change count (kept by the database, migration 0010), the zone, the rules, the
catalogue's categories and the parent's settings it was made for. While all still match, and
no note was dated after the memo's day, the recorded firings are the answer: rules fire only on
days something was noted, so a later day with the same notes adds no firing (it only lets the
oldest ones fall out of the two weeks shown). An unlock then reads a few rows instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import msgspec

from app.core.journal.entry_events import EntryEvents
from app.core.journal.model import RuleSetting
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


def _memo_key(version: int, rules: Sequence[Rule], settings: Mapping[str, RuleSetting],
              categories: Mapping[str, str], zone: dt.tzinfo) -> str:
    """What a reading depends on besides the day, as one text to compare."""
    digest = hashlib.sha256(msgspec.json.encode(list(rules)))
    digest.update(json.dumps(sorted(categories.items())).encode())
    chosen = sorted((s.rule_id, s.enabled, sorted(s.params.items())) for s in settings.values())
    digest.update(json.dumps(chosen).encode())
    return f"{version}|{getattr(zone, 'key', str(zone))}|{digest.hexdigest()}"


def _memo_holds(memo: str | None, key: str, today: dt.date) -> bool:
    try:
        made = json.loads(memo) if memo else None
        return (isinstance(made, dict) and made.get("key") == key
                and dt.date.fromisoformat(made["today"]) <= today)
    except (ValueError, KeyError, TypeError):
        return False


def _evaluate(services: Services, rules: Sequence[Rule], settings: Mapping[str, RuleSetting],
              key: str, today: dt.date, zone: dt.tzinfo) -> dict[int, EntryEvents]:
    """Run every rule over the whole journal, record the fresh firings, leave a memo."""
    journal = services.journal
    entries, categories = journal.entry_events()
    fresh = evaluate_all(rules, settings, entries, today, zone, within_days=HOME_CARD_DAYS,
                         categories=categories)
    journal.record_firings([(f.rule_id, f.child_id, f.fired_on, f.entry_ids) for f in fresh])
    # Oldest first: the last entry is the latest day. One dated after today was left out of
    # this reading and would count on its day, so no memo then.
    if not entries or entries[-1].noted_at.astimezone(zone).date() <= today:
        journal.set_patterns_memo(json.dumps({"key": key, "today": today.isoformat()}))
    return {entry.entry_id: entry for entry in entries}


def read_patterns(services: Services, rules: Sequence[Rule], today: dt.date,
                  zone: dt.tzinfo) -> list[ShownFiring]:
    """On the worker: evaluate (or trust the memo), record, and read back the firings not put
    aside — one pattern per rule and child, Help-now rules first, then the newest."""
    journal = services.journal
    settings = journal.rule_settings()
    version, memo = journal.state()
    key = _memo_key(version, rules, settings, journal.categories(), zone)
    live = (None if _memo_holds(memo, key, today)
            else _evaluate(services, rules, settings, key, today, zone))
    names = {c.id: c.name for c in services.family.children(include_archived=True)}
    by_id = {r.id: r for r in rules}
    since = today - dt.timedelta(days=HOME_CARD_DAYS - 1)
    groups: dict[tuple[str, int | None], list[tuple[int, dt.date, tuple[int, ...]]]] = {}
    for firing_id, rule_id, child_id, fired_on, entry_ids in journal.firings():  # newest first
        setting = settings.get(rule_id)
        if rule_id not in by_id or fired_on < since or (setting is not None
                                                       and not setting.enabled):
            continue
        groups.setdefault((rule_id, child_id), []).append((firing_id, fired_on, entry_ids))
    if live is None:  # from the memo: only the entries the cards list
        wanted = [i for firings in groups.values() for i in firings[0][2]]
        live = {e.entry_id: e for e in journal.entry_events(ids=wanted)[0]}
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
