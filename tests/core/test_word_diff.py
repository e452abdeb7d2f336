"""The History view's word diff: changes a person recognises, and both sides recoverable."""

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.journal.word_diff import changed, pieces, side, word_diff


def test_one_word_replaced_shows_removed_then_added():
    runs = word_diff("He talked to a friend on Discord late", "He talked to a friend on "
                     "Snapchat late")
    assert runs == [("He talked to a friend on ", "same"), ("Discord ", "removed"),
                    ("Snapchat ", "added"), ("late", "same")]


def test_words_added_at_the_end_and_removed_at_the_start():
    assert word_diff("very quiet at dinner", "quiet at dinner again") == [
        ("very ", "removed"), ("quiet at dinner", "same"), (" again", "added")]


def test_identical_texts_are_one_same_run():
    runs = word_diff("nothing changed here", "nothing changed here")
    assert runs == [("nothing changed here", "same")]
    assert not changed(runs)


def test_from_empty_everything_is_added_and_to_empty_everything_removed():
    assert word_diff("", "new words") == [("new words", "added")]
    assert word_diff("old words", "") == [("old words", "removed")]
    assert word_diff("", "") == []


def test_a_moved_line_break_is_not_a_change_of_word():
    runs = word_diff("one two\nthree", "one two three")
    assert not changed(runs)
    assert side(runs, "after") == "one two three"
    assert side(runs, "before") == "one two\nthree"


def test_pieces_keep_every_character():
    text = "  starts with spaces,\n\tthen tabs  and  doubles "
    assert "".join(pieces(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd\n é😀"), max_size=40),
       st.text(alphabet=st.sampled_from("ab cd\n é😀"), max_size=40))
def test_both_sides_come_back_from_the_runs(before, after):
    runs = word_diff(before, after)
    assert side(runs, "after") == after
    assert side(runs, "before") == before
    assert all(text for text, _kind in runs)
    assert all(a[1] != b[1] for a, b in pairwise(runs))
