"""Search in the journal on a real vault: parts of words, prefixes, snippets, filters, safety."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.journal.model import EntryFields, EntryFilter

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)
TEXTS = [
    {"saw": "She hid her phone at the café when I came in", "place": "kitchen"},
    {"saw": "New gift card, would not say from whom", "tags": ("Discord",)},
    {"think": "Maybe an older friend from the game", "did": "asked gently", "place": "Roblox"},
    {"saw": "Up late, jumpy when the phone buzzed", "strength": 3},
    {"saw": "Naïve question about sending pictures", "tags": ("bus stop",)},
]


@pytest.fixture
def filled(services):
    maya = services.family.add("Maya", 2015, 3).id
    leo = services.family.add("Leo", 2017, 8).id
    ids = []
    for number, words in enumerate(TEXTS):
        fields = EntryFields(child_id=maya if number % 2 == 0 else leo,
                             noted_at=NOW - dt.timedelta(days=number),
                             signs=("sign.hides-screen",)).with_changes(**words)
        ids.append(services.journal.add(fields).id)
    return services.journal, maya, leo, ids


def _found(journal, typed: str, **filters: object) -> list[int]:
    flt = EntryFilter(text=typed, **filters)  # type: ignore[arg-type]
    rows = journal.page(flt, 0, 100)
    assert journal.count(flt) == len(rows)
    return [row.id for row in rows]


def test_parts_of_words_and_accents(filled):
    journal, _, _, ids = filled
    assert _found(journal, "cafe") == [ids[0]]
    assert _found(journal, "CORD") == [ids[1]]  # a tag, inside a word
    assert _found(journal, "naive") == [ids[4]]
    assert _found(journal, "phone") == [ids[0], ids[3]]
    assert _found(journal, "bus stop") == [ids[4]]
    assert _found(journal, "gently roblox") == [ids[2]]
    assert _found(journal, "phone gift") == []


def test_short_words_are_prefixes(filled):
    journal, _, _, ids = filled
    assert _found(journal, "ga") == [ids[2]]
    assert _found(journal, "up") == [ids[3]]
    assert _found(journal, "up jumpy") == [ids[3]]
    assert _found(journal, "an card") == []  # "an" begins no word of the gift entry


def test_search_is_intersected_with_the_filters(filled):
    journal, maya, leo, ids = filled
    assert _found(journal, "phone", children=(maya,)) == [ids[0]]
    assert _found(journal, "phone", children=(leo,)) == [ids[3]]
    assert _found(journal, "phone", min_strength=3) == [ids[3]]
    assert _found(journal, "phone", since=NOW - dt.timedelta(days=1)) == [ids[0]]


def test_hidden_entries_are_found_only_among_the_deleted(filled):
    journal, _, _, ids = filled
    journal.delete(ids[0])
    assert _found(journal, "cafe") == []
    assert _found(journal, "cafe", deleted=True) == [ids[0]]
    journal.purge(ids[0])
    assert _found(journal, "cafe", deleted=True) == []


def test_only_the_current_revision_is_searched(filled):
    journal, _, _, ids = filled
    entry = journal.entry(ids[1])
    journal.revise(ids[1], entry.fields.with_changes(saw="Bought sweets with unknown money"))
    assert _found(journal, "gift") == []
    assert _found(journal, "sweets") == [ids[1]]
    journal.restore_revision(ids[1], 1)
    assert _found(journal, "gift") == [ids[1]]
    assert _found(journal, "sweets") == []


def test_snippets_mark_the_hit(filled):
    journal = filled[0]
    [row] = journal.page(EntryFilter(text="cafe"), 0, 10)
    assert ("café", True) in row.snippet
    assert "".join(text for text, _ in row.snippet).startswith("She hid her phone")
    [row] = journal.page(EntryFilter(text="ga"), 0, 10)
    assert ("game", True) in row.snippet
    assert journal.page(EntryFilter(), 0, 1)[0].snippet == ()


def test_typed_markers_cannot_fake_a_highlight(services):
    journal = services.journal
    journal.add(EntryFields(child_id=None, noted_at=NOW, tags=("x",),
                            saw="plain \ue000words\ue001 here"))
    [row] = journal.page(EntryFilter(text="here"), 0, 10)
    assert [text for text, hit in row.snippet if hit] == ["here"]


def test_syntax_typed_into_search_is_only_text(filled):
    journal, _, _, _ = filled
    for typed in ('"', ':)', 'AND', 'OR NOT', '*', 'NEAR(', '(((', 'phone"', 'saw:phone',
                  '^phone', '-phone', '😀', '\x00', 'a' * 5000):
        _found(journal, typed)  # no error


@settings(max_examples=2000, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=40) | st.text(alphabet=' "*():^-+.,ANDORTNEa😀é\u0301', max_size=20))
def test_anything_typed_searches_without_an_error(filled, typed):
    journal, maya, _, _ = filled
    for flt in (EntryFilter(text=typed), EntryFilter(text=typed, children=(maya,))):
        rows = journal.page(flt, 0, 100)
        assert journal.count(flt) == len(rows)
        for row in rows:
            assert all(isinstance(text, str) for text, _ in row.snippet)
