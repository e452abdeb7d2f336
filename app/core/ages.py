"""Age bands: the one place that decides which band a child is in.

Parents give a birth month and year, not a day, so a child's birthday is taken to be the first
day of their birth month. Everything that depends on age — the library, the coach, the home
page — asks this module, so a child moves band on that day with nothing for anyone to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class AgeBand(StrEnum):
    """The age bands the conversation library is written for.

    The value is the key ("9-12"); the words a parent reads ("ages 9–12") come from
    ``app.ui.age_words.band_label`` / ``band_heading``, translated.
    """

    PRESCHOOL = "3-5"
    EARLY_PRIMARY = "6-8"
    PRETEEN = "9-12"
    YOUNG_TEEN = "13-15"
    OLDER_TEEN = "16-17"

    @property
    def youngest(self) -> int:
        return int(self.value.split("-")[0])

    @property
    def oldest(self) -> int:
        return int(self.value.split("-")[1])


class Stage(StrEnum):
    """Where a child stands relative to the bands: in one, too young yet, or grown up."""

    TOO_YOUNG = "too-young"
    IN_BAND = "in-band"
    ADULT = "adult"


YOUNGEST_IN_BANDS = 3
ADULT_AGE = 18
# A birth date further back than this is almost surely a typo, not a child.
OLDEST_ACCEPTED_AGE = 25


@dataclass(frozen=True)
class BirthMonth:
    """A birth date at month precision."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1–12, got {self.month}")

    @property
    def birthday_in(self) -> dt.date:
        """The first day of the birth month: the day we count as the birthday."""
        return dt.date(self.year, self.month, 1)

    def birthday_in_year(self, year: int) -> dt.date:
        return dt.date(year, self.month, 1)


@dataclass(frozen=True)
class AgeStatus:
    """A child's age on a given day and what it means for the library."""

    years: int
    stage: Stage
    band: AgeBand | None

    @property
    def in_band(self) -> bool:
        return self.band is not None


def age_in_years(birth: BirthMonth, today: dt.date) -> int:
    """Whole years completed on ``today`` (negative if not yet born)."""
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, 1):
        years -= 1
    return years


def band_for_years(years: int) -> AgeBand | None:
    for band in AgeBand:
        if band.youngest <= years <= band.oldest:
            return band
    return None


def age_status(birth: BirthMonth, today: dt.date) -> AgeStatus:
    years = age_in_years(birth, today)
    if years < YOUNGEST_IN_BANDS:
        return AgeStatus(years, Stage.TOO_YOUNG, None)
    if years >= ADULT_AGE:
        return AgeStatus(years, Stage.ADULT, None)
    return AgeStatus(years, Stage.IN_BAND, band_for_years(years))


def next_band_change(birth: BirthMonth, today: dt.date) -> dt.date | None:
    """The next day the child's stage or band changes, or None once they are adult."""
    current = age_status(birth, today)
    if current.stage is Stage.ADULT:
        return None
    boundaries = [YOUNGEST_IN_BANDS] + [band.oldest + 1 for band in AgeBand]
    for boundary in boundaries:
        if boundary > current.years:
            return birth.birthday_in_year(birth.year + boundary)
    return None


class BirthMonthProblem(ValueError):
    """A birth month the app refuses; ``key`` says why, the UI words it.

    Keys: ``"future"`` (the birth month has not come yet) and ``"too-old"`` (older than
    ``OLDEST_ACCEPTED_AGE``, almost surely a typo in the year).
    """

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def validate_birth_month(birth: BirthMonth, today: dt.date) -> None:
    """Refuse a birth month in the future or implausibly long ago."""
    if birth.birthday_in > today:
        raise BirthMonthProblem("future")
    if age_in_years(birth, today) > OLDEST_ACCEPTED_AGE:
        raise BirthMonthProblem("too-old")
