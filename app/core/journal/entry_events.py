"""Noted signs grouped per entry: what the pattern rules read when they run over years of notes.

``SignEvent`` (one value per sign) is what charts and the picker count. The rules only ever ask
per entry: its day, its child, its strength and which signs it holds. Reading those as one
value per entry halves the values the store makes and the engine takes apart (50,000 entries
hold about 110,000 signs and tags), so the whole-history read and every rule over it stay fast.

An ``EntryEvents`` carries no categories: the caller passes the catalogue's
``sign id → category`` mapping beside them, and any name not in it is one of the caregiver's own
tags (category ``""``), just as ``SignEvent.category`` says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from app.core.journal.model import SignEvent


class EntryEvents(NamedTuple):
    """One live entry's signs as the rules read them (signs in the order picked, then tags).

    A named tuple, as ``SignEvent``: built straight from database rows by ``tuple.__new__``
    and taken apart column by column (``zip(*rows)``) by the engine."""

    entry_id: int
    child_id: int | None
    noted_at: dt.datetime
    strength: int | None
    sign_ids: tuple[str, ...]  # sign ids, then the caregiver's own tags


def grouped(events: Iterable[SignEvent]) -> tuple[list[EntryEvents], dict[str, str]]:
    """``SignEvent`` values as entries (each run of neighbouring events of one entry, moment,
    child and strength is one), with the categories they carry: the same notes in the other
    form, for tests and callers that hold events already."""
    found: list[EntryEvents] = []
    categories: dict[str, str] = {}
    names: list[str] = []
    shared: tuple[object, ...] | None = None
    last: SignEvent | None = None
    for event in events:
        key = (event.entry_id, event.child_id, event.noted_at, event.strength)
        if key != shared and last is not None:
            found.append(EntryEvents(last.entry_id, last.child_id, last.noted_at, last.strength,
                                     tuple(names)))
            names = []
        shared, last = key, event
        names.append(event.sign_id)
        if event.category:
            categories.setdefault(event.sign_id, event.category)
    if last is not None:
        found.append(EntryEvents(last.entry_id, last.child_id, last.noted_at, last.strength,
                                 tuple(names)))
    return found, categories


def as_sign_events(entries: Iterable[EntryEvents],
                   categories: Mapping[str, str]) -> list[SignEvent]:
    """The entries one sign at a time, each with its category (``""``: the caregiver's tag)."""
    return [SignEvent(entry.entry_id, entry.child_id, entry.noted_at, name,
                      categories.get(name, ""), entry.strength)
            for entry in entries for name in entry.sign_ids]
