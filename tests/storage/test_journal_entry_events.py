"""The store's per-entry read for the pattern rules, on a real vault: one value per live entry,
the same notes as ``events`` gives one sign at a time, in the same order."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.journal.entry_events import EntryEvents, as_sign_events, grouped
from app.core.journal.model import EntryFields

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)


def _fields(child_id: int | None, **changes: object) -> EntryFields:
    base = EntryFields(child_id=child_id, noted_at=NOW - dt.timedelta(hours=2),
                       signs=("sign.hides-screen",), saw="Phone face down at dinner")
    return base.with_changes(**changes)


@pytest.fixture
def maya(services) -> int:
    return services.family.add("Maya", 2015, 3).id


def test_each_live_entry_is_one_value_with_its_signs_then_its_tags(services, maya):
    journal = services.journal
    leo = services.family.add("Leo", 2017, 8).id
    first = journal.add(_fields(maya, signs=("sign.unexplained-gifts", "sign.hides-screen"),
                                tags=("bus", "Discord"), strength=2,
                                noted_at=NOW - dt.timedelta(days=3)))
    second = journal.add(_fields(leo, noted_at=NOW - dt.timedelta(days=1)))
    family = journal.add(_fields(None, signs=(), tags=("school",),
                                 noted_at=NOW - dt.timedelta(days=5)))
    journal.delete(journal.add(_fields(maya)).id)
    entries, categories = journal.entry_events()
    assert entries == [
        EntryEvents(family.id, None, NOW - dt.timedelta(days=5), None, ("school",)),
        EntryEvents(first.id, maya, NOW - dt.timedelta(days=3), 2,
                    ("sign.unexplained-gifts", "sign.hides-screen", "bus", "Discord")),
        EntryEvents(second.id, leo, NOW - dt.timedelta(days=1), None, ("sign.hides-screen",)),
    ]
    assert categories["sign.hides-screen"] == "secrecy" and "bus" not in categories
    assert as_sign_events(entries, categories) == journal.events()
    assert grouped(journal.events())[0] == entries
    assert [e.entry_id for e in journal.entry_events(child_id=maya)[0]] == [first.id]
    assert [e.entry_id for e in journal.entry_events(child_id=None)[0]] == [family.id]
    assert [e.entry_id for e in journal.entry_events(since=NOW - dt.timedelta(days=2))[0]] == [
        second.id]
    assert len(journal.entry_events(until=NOW - dt.timedelta(days=2))[0]) == 2


def test_an_empty_journal_reads_as_no_entries(services):
    assert services.journal.entry_events()[0] == []


def test_a_tag_holding_the_separator_is_read_whole(services, maya):
    journal = services.journal
    entry = journal.add(_fields(maya, tags=("odd\x1ftag", "plain")))
    [read] = journal.entry_events()[0]
    assert read == EntryEvents(entry.id, maya, NOW - dt.timedelta(hours=2), None,
                               ("sign.hides-screen", "odd\x1ftag", "plain"))
