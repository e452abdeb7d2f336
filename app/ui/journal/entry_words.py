"""The words of the quick entry, in one place: strengths, field names, hints, child choices.

The journal's core speaks in values (a strength is 1–3, a child is an id or ``None``); the
screen says them. Keeping every label here means the dialog, the locked capture and the
accessibility names all read the same words, and a translator finds them together.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from app.core.journal.model import EntryFields
from app.ui.translate import _tr

FAMILY = -1  # the child combo's value for "the family / not sure" (a combo cannot hold None)


def strength_words() -> list[tuple[int | None, str]]:
    """How worried, as the radio buttons show it; ``None`` (not said) comes first."""
    return [(None, _tr("Not said")), (1, _tr("A little worried")),
            (2, _tr("Quite worried")), (3, _tr("Very worried"))]


def strength_word(strength: int | None) -> str:
    return dict(strength_words()).get(strength, _tr("Not said"))


def family_choice() -> str:
    return _tr("The family / not sure")


def locked_child_choice() -> str:
    return _tr("Choose the child when you review it")


def place_suggestions(used_before: Iterable[str]) -> list[str]:
    """Home and school first, then the places (often app names) the parent typed before."""
    shown = [_tr("home"), _tr("school")]
    for place in used_before:
        place = place.strip()
        if place and place.casefold() not in {p.casefold() for p in shown}:
            shown.append(place)
    return shown


def problem_words(fields: EntryFields) -> str:
    """Why the entry cannot be saved yet, in one calm sentence ("" when it can)."""
    problems = fields.problems()
    if "no-sign" in problems:
        return _tr("Tick at least one sign, or add your own word for it, then save.")
    if problems:
        return _tr("Something in this note could not be saved. Please check it and try again.")
    return ""


def saved_words(edited: bool) -> str:
    return _tr("Changes kept in your journal.") if edited else _tr("Noted in your journal.")


def folded(text: str) -> str:
    """Text for matching what was typed: case and accents ignored ("Ecole" finds "école")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matches(query: str, *texts: str) -> bool:
    """Every typed word appears somewhere in ``texts`` (an empty query matches everything)."""
    haystack = folded(" ".join(texts))
    return all(word in haystack for word in folded(query).split())
