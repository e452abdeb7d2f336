"""What a journal entry is, as every layer sees it: plain values, no database, no Qt.

A caregiver notes a worry about one child (or the family as a whole, ``child_id is None``):
one or more signs from ``conversations/warning_signs.toml`` and their own tags, and, only if
they want, what they saw or heard (the facts, in their words) kept apart from what they think
it might mean, how strong it felt (1–3), where, what they did, and whether to come back to it
in the next talk. Every save is a new immutable revision; the entry shows its newest one.
Times are aware UTC datetimes; the screen turns them into the parent's local time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import NamedTuple

STRENGTHS = (1, 2, 3)  # a little / quite / very worried
RESTORE_DAYS = 30  # a deleted entry can be brought back for this long, then it is purged
TEXT_FIELDS = ("saw", "think", "place", "did")  # the free-text parts, searched and diffed


@dataclass(frozen=True)
class EntryFields:
    """Everything a caregiver can write in one entry: what each revision keeps."""

    child_id: int | None  # None: "the family / not sure"
    noted_at: dt.datetime  # when it happened (aware UTC), defaults to now on the screen
    signs: tuple[str, ...] = ()  # sign ids from the catalogue, in the order picked
    tags: tuple[str, ...] = ()  # the caregiver's own words for it ("bus stop", "Discord")
    saw: str = ""  # what I saw or heard: the facts, verbatim
    think: str = ""  # what I think it might mean
    strength: int | None = None  # 1–3, or not said
    place: str = ""  # where: home, school, which app or game
    did: str = ""  # what I did
    come_back: bool = False  # bring it up in the next talk

    def with_changes(self, **changes: object) -> EntryFields:
        return replace(self, **changes)  # type: ignore[arg-type]

    def problems(self) -> list[str]:
        """Why this cannot be saved, as keys the screen words (empty when it can)."""
        found = []
        if not self.signs and not self.tags:
            found.append("no-sign")
        if self.strength is not None and self.strength not in STRENGTHS:
            found.append("strength")
        if self.noted_at.tzinfo is None:
            found.append("naive-time")
        return found


@dataclass(frozen=True)
class Entry:
    """An entry as it stands now: its newest revision's fields."""

    id: int
    fields: EntryFields
    revision: int  # the newest revision's number; 1 means never edited
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None  # hidden, restorable for RESTORE_DAYS


@dataclass(frozen=True)
class Revision:
    """One saved version of an entry; the first one is kept for ever (until a purge)."""

    number: int
    saved_at: dt.datetime
    fields: EntryFields
    restored_from: int | None = None  # set when this revision brought an older one back


@dataclass(frozen=True)
class EntryFilter:
    """What the timeline shows. Empty tuples and ``None`` mean "any"."""

    children: tuple[int | None, ...] | None = None  # None: everyone; include None for family
    categories: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    since: dt.datetime | None = None  # inclusive, aware UTC
    until: dt.datetime | None = None  # exclusive, aware UTC
    min_strength: int | None = None
    come_back_only: bool = False
    text: str = ""  # typed in the search box, sanitised before it reaches FTS5
    deleted: bool = False  # the "recently deleted" view instead of the live entries


@dataclass(frozen=True)
class EntrySummary:
    """One row of the timeline: enough to draw it without loading the whole entry."""

    id: int
    child_id: int | None
    noted_at: dt.datetime
    signs: tuple[str, ...]
    tags: tuple[str, ...]
    strength: int | None
    come_back: bool
    preview: str  # the start of "what I saw or heard" (or of the first filled text field)
    snippet: tuple[tuple[str, bool], ...] = ()  # search hit: (text, highlighted) runs
    revision: int = 1
    deleted_at: dt.datetime | None = None


class SignEvent(NamedTuple):
    """One sign noted on one entry: what pattern rules, charts and the picker count.

    A named tuple, not a dataclass: rules and charts take in every sign of years of notes at
    once, and a tuple is built and taken apart (``zip(*events)``) many times faster."""

    entry_id: int
    child_id: int | None
    noted_at: dt.datetime
    sign_id: str
    category: str  # the sign's category ("" for the caregiver's own tags)
    strength: int | None = None


@dataclass(frozen=True)
class LockedNote:
    """A note written while Porchlight was locked, sealed to the vault's inbox key.

    ``note_id`` is a random id chosen when it was written: merging the same note twice (a crash
    between merging and clearing the inbox) finds the id already kept and adds nothing.
    """

    note_id: str
    fields: EntryFields
    written_at: dt.datetime


@dataclass(frozen=True)
class RuleSetting:
    """The parent's choices for one pattern rule: on or off, and their own numbers."""

    rule_id: str
    enabled: bool = True
    params: dict[str, int] = field(default_factory=dict)  # overrides of the rule's defaults
