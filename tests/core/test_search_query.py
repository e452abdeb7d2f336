"""The search sanitiser: anything typed becomes quoted tokens for the right index, or nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.journal.search_query import (
    HIT_END,
    HIT_START,
    MAX_TOKENS,
    clean_text,
    sanitise,
    split_hits,
)


def test_nothing_to_search_is_none():
    for typed in ("", "   ", "\t\n", ":)", "* ( )", "😀", '"', "-"):
        assert sanitise(typed) is None, typed


def test_long_tokens_go_to_the_trigram_index_quoted():
    query = sanitise("Discord bus-stop")
    assert query is not None
    assert query.trigram == '"Discord" "bus-stop"' and query.words is None
    assert query.terms == ("Discord", "bus-stop")


def test_short_tokens_are_word_prefixes():
    query = sanitise("my ab")
    assert query is not None
    assert query.trigram is None and query.words == '"my"* "ab"*'


def test_fts5_syntax_is_only_ever_text():
    query = sanitise('AND "quoted NEAR( foo* :) OR')
    assert query is not None
    assert query.trigram == '"AND" """quoted" "NEAR(" "foo*"'
    assert query.words == '"OR"*'


def test_a_short_token_keeps_only_its_letters_and_digits():
    query = sanitise("a: é)")
    assert query is not None and query.words == '"a"* "é"*'


def test_repeated_tokens_count_once_and_there_is_a_limit():
    query = sanitise("gift gift " + " ".join(f"word{i}" for i in range(40)))
    assert query is not None
    assert query.terms[:2] == ("gift", "word0") and len(query.terms) == MAX_TOKENS


def test_markers_and_control_characters_are_removed():
    assert clean_text(f"a{HIT_START}b\x00c{HIT_END}\nd\ud800") == "abc\nd"


def test_split_hits_turns_markers_into_runs():
    marked = f"…the {HIT_START}bus{HIT_END} stop {HIT_START}at{HIT_END}"
    assert split_hits(marked) == (("…the ", False), ("bus", True), (" stop ", False),
                                  ("at", True))
    assert split_hits("") == ()


@settings(max_examples=500)
@given(st.text())
def test_every_quote_inside_a_token_is_doubled(typed):
    query = sanitise(typed)
    if query is None:
        return
    for expression in (query.trigram, query.words):
        if expression is None:
            continue
        # Balanced: every token opens and closes its quotes, so FTS5 sees only strings.
        assert expression.count('"') % 2 == 0
