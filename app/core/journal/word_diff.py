"""What changed between two versions of a text, word by word, for the History view.

A parent reading an entry's history wants to see "she said *Discord* → *Snapchat*", not two
whole paragraphs to compare by eye. ``difflib`` on whole words (not characters) gives changes a
person recognises; the spaces and line breaks travel with the word before them, so joining the
runs of one side gives that side's text back exactly. Pure Python: the screen decides colours
and the words a screen reader hears.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Kind = Literal["same", "added", "removed"]
Run = tuple[str, Kind]

# A word with the spaces after it; text that starts with spaces keeps them as a first piece.
_PIECES = re.compile(r"\s+|\S+\s*")


def pieces(text: str) -> list[str]:
    """``text`` cut into words, each keeping the whitespace that follows it."""
    return _PIECES.findall(text)


def word_diff(before: str, after: str) -> list[Run]:
    """Runs of (text, kind): "same" and "added" runs joined give ``after``; "same" and
    "removed" runs joined give ``before``. Adjacent runs of one kind are merged."""
    old, new = pieces(before), pieces(after)
    # Words are compared without their trailing spaces: a word that moved to the end of a
    # line is the same word.
    matcher = SequenceMatcher(None, [p.strip() for p in old], [p.strip() for p in new],
                              autojunk=False)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for was, now in zip(old[i1:i2], new[j1:j2], strict=True):
                _same_word(runs, was, now)
            continue
        if tag in ("delete", "replace"):
            _add(runs, "".join(old[i1:i2]), "removed")
        if tag in ("insert", "replace"):
            _add(runs, "".join(new[j1:j2]), "added")
    return runs


def _same_word(runs: list[Run], was: str, now: str) -> None:
    """One word on both sides; only the spaces after it may differ (kept exact both ways)."""
    word = now.rstrip()
    _add(runs, word, "same")
    was_space, now_space = was[len(was.rstrip()):], now[len(word):]
    if was_space == now_space:
        _add(runs, now_space, "same")
    else:
        _add(runs, was_space, "removed")
        _add(runs, now_space, "added")


def side(runs: list[Run], which: Literal["before", "after"]) -> str:
    """One side's text back from the runs (tests and the plain-text view use it)."""
    skip = "added" if which == "before" else "removed"
    return "".join(text for text, kind in runs if kind != skip)


def changed(runs: list[Run]) -> bool:
    """Whether any word changed (a change of spaces or line breaks alone is not one)."""
    return any(kind != "same" and text.strip() for text, kind in runs)


def _add(runs: list[Run], text: str, kind: Kind) -> None:
    if not text:
        return
    if runs and runs[-1][1] == kind:
        runs[-1] = (runs[-1][0] + text, kind)
    else:
        runs.append((text, kind))
