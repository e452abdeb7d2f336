"""The fast rules engine gives exactly what the rules mean, written the slow and obvious way.

``plain_firings`` below reads the engine's promises (see ``rules_engine``) one note and one day
at a time, with no cleverness; hypothesis then throws many small histories at both: events as
the store gives them (oldest first, an entry's signs side by side) and hand-made ones (any
order, an entry on several days or for two children, a sign twice, naive strengths), rules of
every kind with any numbers in range, the family group, several zones.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.journal.entry_events import as_sign_events, grouped
from app.core.journal.model import RuleSetting, SignEvent
from app.core.journal.rules import Condition, Gate, Param, Rule, Selector, evaluate_all

TODAY = dt.date(2026, 3, 29)  # daylight saving starts in London that morning
ZONES = [ZoneInfo("Europe/London"), ZoneInfo("America/New_York"), dt.UTC]
SIGNS = {"s.hide": "secrecy", "s.wipe": "secrecy", "s.sad": "mood", "s.gift": "money",
         "s.cash": "money", "s.late": "sleep", "tag-football": "", "tag-worried": ""}


def plain_firings(rules, chosen, events, today, zone, within_days):
    """Every firing, straight from the definitions."""
    category = {}
    for e in events:
        category.setdefault(e.sign_id, e.category)
    level = {None: 0, 1: 1, 2: 2, 3: 3}
    notes = [(e.child_id, e.noted_at.astimezone(zone).date().toordinal(), e.entry_id,
              e.sign_id, level.get(e.strength, 0)) for e in events]
    notes = [n for n in notes if n[1] <= today.toordinal()]
    children = list(dict.fromkeys(n[0] for n in notes))
    found = []
    for rule in rules:
        setting = chosen.get(rule.id)
        if setting is not None and not setting.enabled:
            continue
        params = rule.params(setting.params if setting else None)
        for child in children:
            mine = [n for n in notes if n[0] == child]
            for day, entries in _walk(rule, params, mine, category):
                found.append((rule.id, child, day, entries))
    since = -10**9 if within_days is None else today.toordinal() - within_days + 1
    kept = [f for f in found if f[2] >= since]
    kept.sort(key=lambda f: (f[2], f[1] is None, f[1] or 0, f[0]))
    return [(r, c, dt.date.fromordinal(d), e) for r, c, d, e in kept]


def _first_days(notes, wanted):
    """Each entry with a wanted note, on the first day it has one."""
    first = {}
    for _, day, entry, sign, lvl in notes:
        if wanted(sign, lvl):
            first[entry] = min(day, first.get(entry, day))
    return first


def _held_days(rule, params, notes, category):
    """Each day the condition holds (ascending), with the entries that make it hold."""
    cond = rule.condition
    of = {s for _, _, _, s, _ in notes if cond.of.matches(s, category[s])}
    length = params.get("days", 0)

    def within(first, day):
        return {e for e, d in first.items() if day - length < d <= day}
    held = []
    if cond.kind == "count":
        strength = params.get("strength", 0)
        first = _first_days(notes, lambda s, lvl: s in of and lvl >= strength)
        for day in sorted(set(first.values())):
            if len(within(first, day)) >= params["count"]:
                held.append((day, within(first, day)))
    elif cond.kind == "together":
        other = {s for _, _, _, s, _ in notes
                 if s not in of and (cond.with_ or Selector()).matches(s, category[s])}
        first_a = _first_days(notes, lambda s, lvl: s in of)
        first_b = _first_days(notes, lambda s, lvl: s in other)
        for day in sorted(set(first_a.values()) | set(first_b.values())):
            if within(first_a, day) and within(first_b, day):
                held.append((day, within(first_a, day) | within(first_b, day)))
    elif cond.kind == "new_category":
        fresh = {}
        for cat in {category[s] for s in of if category[s]}:
            days = sorted({d for _, d, _, s, _ in notes if s in of and category[s] == cat})
            for before, day in zip([None, *days], days, strict=False):
                if before is None or before + 7 * params["weeks"] <= day:
                    fresh.setdefault(day, set()).update(
                        e for _, d, e, s, _ in notes if d == day and s in of and category[s] == cat)
        held = sorted(fresh.items())
    else:
        mine = [(d, e) for _, d, e, s, _ in notes if s in of]
        for day in sorted({d for d, _ in mine}):
            recent = [e for d, e in mine if day - length < d <= day]
            before = [e for d, e in mine if day - 2 * length < d <= day - length]
            if len(recent) - len(before) >= params["more"]:
                held.append((day, set(recent)))
    return held


def _walk(rule, params, notes, category):
    """The gate, then a firing on each day that holds, resting ``days`` after each."""
    first = _first_days(notes, lambda s, lvl: True)
    entry_days = sorted(first.values())
    gate = rule.gate
    enough = entry_days[gate.min_entries - 1] if len(entry_days) >= gate.min_entries else 10**9
    gate_day = max(enough, entry_days[0] + 7 * gate.min_weeks)
    rest = max(params.get("days", 0), 1)
    resting_until = gate_day
    for day, entries in _held_days(rule, params, notes, category):
        if day >= resting_until:
            yield day, tuple(sorted(entries))
            resting_until = day + rest


# --- histories and rules ------------------------------------------------------------------


def _moment(days_ago: int, minute: int, zone) -> dt.datetime:
    local = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(0), zone)
    return (local + dt.timedelta(minutes=minute)).astimezone(dt.UTC)


@st.composite
def store_events(draw):
    """As the store gives them: oldest first, each entry's signs side by side."""
    entries = draw(st.lists(st.tuples(
        st.integers(-3, 70), st.integers(0, 24 * 60 - 1), st.sampled_from([None, 1, 2]),
        st.sampled_from([None, 1, 2, 3]),
        st.lists(st.sampled_from(sorted(SIGNS)), min_size=1, max_size=3, unique=True)),
        max_size=40))
    zone = draw(st.sampled_from(ZONES))
    rows = []
    for number, (days_ago, minute, child, strength, signs) in enumerate(entries):
        moment = _moment(days_ago, minute, zone)
        rows += [(moment, number + 1, SignEvent(number + 1, child, moment, s, SIGNS[s], strength))
                 for s in signs]
    rows.sort(key=lambda row: row[:2])
    return [row[2] for row in rows]


@st.composite
def hand_made_events(draw):
    """Anything a test might write: an entry in pieces, on two days, a sign twice, any order."""
    return draw(st.lists(st.builds(
        SignEvent, st.integers(1, 12), st.sampled_from([None, 1, 2]),
        st.builds(_moment, st.integers(-3, 70), st.integers(0, 24 * 60 - 1),
                  st.sampled_from(ZONES)),
        st.sampled_from(sorted(SIGNS)), st.just(""), st.sampled_from([None, 1, 2, 3])),
        max_size=40).map(lambda rows: [e._replace(category=SIGNS[e.sign_id]) if i % 5 else e
                                      for i, e in enumerate(rows)]))


selectors = st.builds(
    Selector, categories=st.lists(st.sampled_from(["secrecy", "mood", "money", "sleep"]),
                                  max_size=2, unique=True).map(tuple),
    signs=st.lists(st.sampled_from(sorted(SIGNS)), max_size=2, unique=True).map(tuple),
    except_categories=st.lists(st.sampled_from(["secrecy", "money", ""]), max_size=1).map(tuple))


def _param(low: int, high: int):
    return st.integers(low, high).map(lambda v: Param(v, low, high))


@st.composite
def rules(draw):
    kind = draw(st.sampled_from(["count", "together", "new_category", "rising"]))
    params = {"count": {"count": _param(1, 5), "days": _param(1, 20)},
              "together": {"days": _param(1, 20)}, "new_category": {"weeks": _param(1, 4)},
              "rising": {"more": _param(1, 6), "days": _param(1, 14)}}[kind]
    chosen = {name: draw(p) for name, p in params.items()}
    if kind == "count" and draw(st.booleans()):
        chosen["strength"] = draw(_param(0, 3))
    condition = Condition(kind=kind, of=draw(selectors),
                          with_=draw(selectors) if kind == "together" else None, params=chosen)
    gate = Gate(min_entries=draw(st.integers(1, 4)), min_weeks=draw(st.integers(0, 3)))
    return Rule(id=f"rule.{draw(st.integers(0, 3))}", title="T", looks_for="L",
                condition=condition, gate=gate, might_mean="M", what_to_do="W", help_now=True,
                false_alarms=("F",), sources=("S",), reviewed=TODAY)


def _as_tuples(firings):
    return [(f.rule_id, f.child_id, f.fired_on, f.entry_ids) for f in firings]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(store_events(), hand_made_events()), st.lists(rules(), min_size=1, max_size=4),
       st.sampled_from(ZONES), st.sampled_from([None, 14, 1]), st.data())
def test_the_engine_fires_as_the_plain_reading_does(events, some_rules, zone, within, data):
    off = data.draw(st.sets(st.sampled_from([r.id for r in some_rules])))
    chosen = {rule_id: RuleSetting(rule_id, False) for rule_id in off}
    expected = plain_firings(some_rules, chosen, events, TODAY, zone, within)
    assert _as_tuples(evaluate_all(some_rules, chosen, events, TODAY, zone, within)) == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(store_events(), hand_made_events()), st.lists(rules(), min_size=1, max_size=4),
       st.sampled_from(ZONES), st.sampled_from([None, 14, 1]))
def test_entries_read_per_entry_fire_as_their_signs_do(events, some_rules, zone, within):
    """The store's per-entry read (``EntryEvents`` with the catalogue's categories) gives what
    the same notes give one sign at a time; hand-made ones (an entry in pieces, unsorted, a
    sign twice) take the engine's slow path and must agree too."""
    entries, _ = grouped(events)
    signs = as_sign_events(entries, SIGNS)
    expected = plain_firings(some_rules, {}, signs, TODAY, zone, within)
    got = evaluate_all(some_rules, {}, entries, TODAY, zone, within, categories=SIGNS)
    assert _as_tuples(got) == expected
    assert _as_tuples(evaluate_all(some_rules, {}, signs, TODAY, zone, within)) == expected
