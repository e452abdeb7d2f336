"""The conversation library as typed values: what the TOML files in ``conversations/`` mean.

The file format is described in ``conversations/README.md``. Every struct here forbids unknown
fields, so a misspelt key is reported rather than silently ignored. Entries that leave out
``sources`` or ``reviewed`` inherit their file's; after loading, every entry carries both.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Literal

import msgspec

from app.core.ages import AgeBand

Band = Literal["3-5", "6-8", "9-12", "13-15", "16-17"]
Tone = Literal["firm", "light", "change-subject", "tell-adult"]
BAND_ORDER: tuple[str, ...] = tuple(band.value for band in AgeBand)
# The tones a refusal line can take; the UI words them (app/ui/library/words.py).
TONES: tuple[str, ...] = ("firm", "light", "change-subject", "tell-adult")


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Fields every entry may carry; filled from its file when left out."""

    sources: tuple[str, ...] = ()
    reviewed: dt.date | None = None


class Source(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    publisher: str
    title: str
    year: int
    url: str = ""

    def citation(self) -> str:
        return f"{self.publisher}, “{self.title}” ({self.year})"


class IfTheySay(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    they_say: str
    you_say: str


class Starter(Entry, frozen=True, kw_only=True):
    id: str
    bands: tuple[Band, ...]
    text: str
    follow_ups: tuple[str, ...]
    listen_for: tuple[str, ...]
    if_they_say: tuple[IfTheySay, ...]
    why: str = ""
    topic: str = ""  # filled by the loader from the file the starter is in

    def child_facing_text(self) -> str:
        """What is read aloud to the child: the measure for reading level."""
        return " ".join([self.text, *self.follow_ups, *(pair.you_say for pair in self.if_they_say)])


class Topic(Entry, frozen=True, kw_only=True):
    id: str
    title: str
    summary: str
    bands: tuple[Band, ...]
    core: bool = False
    starters: tuple[Starter, ...] = msgspec.field(default=(), name="starter")


class Refusal(Entry, frozen=True, kw_only=True):
    id: str
    bands: tuple[Band, ...]
    tone: Tone
    text: str


class Pressure(Entry, frozen=True, kw_only=True):
    id: str
    bands: tuple[Band, ...]
    text: str


class Reassurance(Entry, frozen=True, kw_only=True):
    id: str
    bands: tuple[Band, ...]
    text: str


class RedFlag(Entry, frozen=True, kw_only=True):
    id: str
    text: str
    explain: str
    bands: tuple[Band, ...] = BAND_ORDER  # type: ignore[assignment]


class SignCategory(Entry, frozen=True, kw_only=True):
    id: str
    title: str
    urgent: bool = False


class Sign(Entry, frozen=True, kw_only=True):
    id: str
    category: str
    text: str
    might_mean: str
    what_to_do: str
    urgent: bool = False
    # The topics worth talking about after this sign: the picker brings them forward.
    topics: tuple[str, ...] = ()


class Step(Entry, frozen=True, kw_only=True):
    id: str
    text: str


class Channel(Entry, frozen=True, kw_only=True):
    id: str
    name: str
    for_what: str
    for_whom: str
    phone: str = ""
    web: str = ""
    text_line: str = ""
    crisis: bool = False  # a suicide / crisis line: first in Help now after an urgent sign


class Never(Entry, frozen=True, kw_only=True):
    id: str
    text: str


class Country(Entry, frozen=True, kw_only=True):
    code: str
    name: str
    emergency: str
    steps: tuple[Step, ...] = msgspec.field(default=(), name="step")
    channels: tuple[Channel, ...] = msgspec.field(default=(), name="channel")
    never: tuple[Never, ...] = ()
    # "The weeks after": a short section of its own in Help now, after the numbered steps, on
    # what helps once the crisis is over (sleep, school, watching for self-harm, the child's own
    # counselling options). Kept apart so the steps stay what to do right now.
    after: tuple[Step, ...] = ()


class Library(msgspec.Struct, frozen=True):
    """Everything that loaded, with the lookups pages and the coach need."""

    sources: dict[str, Source]
    topics: tuple[Topic, ...]
    refusals: tuple[Refusal, ...] = ()
    pressure: tuple[Pressure, ...] = ()
    reassurance: tuple[Reassurance, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    sign_categories: tuple[SignCategory, ...] = ()
    signs: tuple[Sign, ...] = ()
    countries: dict[str, Country] = msgspec.field(default_factory=dict)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def topics_for(self, band: str | None) -> list[Topic]:
        return [t for t in self.topics if band is None or band in t.bands]

    def starters(self, band: str | None = None, topic_id: str | None = None) -> list[Starter]:
        return [s for t in self.topics if topic_id in (None, t.id) for s in t.starters
                if band is None or band in s.bands]

    def starter(self, starter_id: str) -> Starter | None:
        return next((s for s in self.starters() if s.id == starter_id), None)

    def refusals_for(self, band: str | None = None, tone: str | None = None) -> list[Refusal]:
        return [r for r in self.refusals
                if (band is None or band in r.bands) and tone in (None, r.tone)]

    def reassurance_for(self, band: str | None = None) -> list[Reassurance]:
        return [r for r in self.reassurance if band is None or band in r.bands]

    def country(self, code: str) -> Country | None:
        """The country's help, or the international fallback."""
        return self.countries.get(code.lower()) or self.countries.get("intl")

    def cite(self, source_ids: tuple[str, ...]) -> list[Source]:
        return [self.sources[i] for i in source_ids if i in self.sources]

    def shuffled_refusals(self, band: str | None, seed: int) -> list[Refusal]:
        lines = self.refusals_for(band)
        random.Random(seed).shuffle(lines)
        return lines
