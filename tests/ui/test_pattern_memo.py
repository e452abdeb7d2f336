"""The pattern reading's memo: trusted only while nothing it depends on has changed, and then
giving exactly what running every rule again gives, day after day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.core.clock import local_today
from app.core.journal.model import EntryFields, EntryFilter, RuleSetting
from app.core.journal.rules import load_rules
from app.paths import shipped_content_dir
from app.storage.demo_journal import write_demo_entries
from app.ui.journal import pattern_data
from app.ui.journal.pattern_data import read_patterns

RULES = load_rules(shipped_content_dir() / "rules.toml")


@pytest.fixture
def runs(monkeypatch):
    """How many times every rule was run over the journal."""
    counted = {"n": 0}
    real = pattern_data.evaluate_all

    def counting(*args, **kwargs):
        counted["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(pattern_data, "evaluate_all", counting)
    return counted


@pytest.fixture
def family(services, clock):
    children = {"Maya": services.family.add("Maya", 2015, 4).id,
                "Sam": services.family.add("Sam", 2012, 9).id}
    write_demo_entries(services.journal.add, children, local_today(clock), clock.zone())
    return children


def _read(services, today, zone):
    return read_patterns(services, RULES, today, zone)


def _fresh(services, today, zone):
    services.journal.set_patterns_memo("")  # forget: every rule runs again
    return _read(services, today, zone)


def test_an_unchanged_journal_is_read_from_the_memo_and_the_same(services, clock, family, runs):
    today, zone = local_today(clock), clock.zone()
    first = _read(services, today, zone)
    assert runs["n"] == 1 and first
    assert _read(services, today, zone) == first
    assert runs["n"] == 1  # nothing ran again


def test_the_memo_agrees_with_running_every_rule_on_each_later_day(services, clock, family,
                                                                    runs):
    """Rules fire only on days something was noted: with the same notes, a later day adds no
    firing, it only lets old ones fall out of the two weeks shown."""
    today, zone = local_today(clock), clock.zone()
    _read(services, today, zone)
    for days in range(1, 22):
        later = today + dt.timedelta(days=days)
        from_memo = _read(services, later, zone)
        ran = runs["n"]
        assert from_memo == _fresh(services, later, zone), f"{days} days later"
        assert runs["n"] == ran + 1
        assert _read(services, later, zone) == from_memo


@pytest.mark.parametrize("change", ["a note", "an edit", "a delete", "a setting", "the zone",
                                    "an earlier day", "the rules"])
def test_any_change_it_depends_on_runs_the_rules_again(services, clock, family, runs, change):
    today, zone = local_today(clock), clock.zone()
    _read(services, today, zone)
    journal, maya = services.journal, family["Maya"]
    newest = journal.page(EntryFilter(), 0, 1)[0].id
    rules = RULES
    if change == "a note":
        journal.add(EntryFields(maya, clock.now(), signs=("sign.secret-friend",)))
    elif change == "an edit":
        journal.revise(newest, EntryFields(maya, clock.now(), signs=("sign.new-money",)))
    elif change == "a delete":
        journal.delete(newest)
    elif change == "a setting":
        journal.set_rule(RuleSetting(RULES[0].id, False, {}))
    elif change == "the zone":
        zone = ZoneInfo("Pacific/Auckland")
    elif change == "an earlier day":
        today -= dt.timedelta(days=1)
    else:
        rules = RULES[1:]
    read_patterns(services, rules, today, zone)
    assert runs["n"] == 2


def test_a_note_dated_after_today_leaves_no_memo(services, clock, family, runs):
    today, zone = local_today(clock), clock.zone()
    services.journal.add(EntryFields(family["Sam"], clock.now() + dt.timedelta(days=3),
                                     signs=("sign.secret-friend",)))
    _read(services, today, zone)
    _read(services, today + dt.timedelta(days=1), zone)
    assert runs["n"] == 2  # the later day would count that note: read again

