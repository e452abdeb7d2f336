"""How a child's age, band and birth month are put into words on screen.

The core (``app.core.ages``, ``app.core.family``) hands over numbers, bands and problem keys;
this module words them through Qt's translation (context "AgeWords"), with plural forms for
ages ("%n years old") and month names from the computer's language (``app.ui.dates``). Every
page that shows a band asks ``band_label`` / ``band_heading``, so a band reads the same
everywhere and is translated once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.ages import AgeBand, BirthMonth, Stage, age_status, band_for_years, next_band_change
from app.core.family import ChildProblem
from app.ui.dates import month_name
from app.ui.translate import _tr


@dataclass(frozen=True)
class AgeWords:
    badge: str      # "Ages 9–12", "Under 3", "18 or older"
    summary: str    # "ages 9–12, 10 years old"
    age: str        # "10 years old"
    born: str       # "Born April 2016"
    note: str       # the friendly explanation outside the bands, or the next band change


def band_label(band: AgeBand | str) -> str:
    """A band inside a sentence: "ages 9–12"."""
    band = AgeBand(band)
    return _tr("ages {low}–{high}").format(low=band.youngest, high=band.oldest)


def band_heading(band: AgeBand | str) -> str:
    """A band on its own (a badge, a list item): "Ages 9–12"."""
    band = AgeBand(band)
    return _tr("Ages {low}–{high}").format(low=band.youngest, high=band.oldest)


def month_names() -> list[str]:
    """January … December in the computer's language, for a birth-month picker."""
    return [month_name(month) for month in range(1, 13)]


def month_and_year(month: int, year: int) -> str:
    """"April 2016": a birth month, or the month a child changes band."""
    return _tr("{month} {year}").format(month=month_name(month), year=year)


def years_old(years: int) -> str:
    if years < 1:
        return _tr("under 1 year old")
    return _tr("%n years old", "", years)


def problem_words(problem: ChildProblem) -> str:
    """What to fix, for a child's details the app refused (``ChildProblem.key``)."""
    if problem.key == "name-missing":
        return _tr("Please give a name or nickname.")
    if problem.key == "name-too-long":
        return _tr("Please keep the name under {limit} characters.").format(limit=problem.limit)
    if problem.key == "birth-future":
        return _tr("That birth month is in the future. Please check the year.")
    if problem.key == "birth-too-old":
        return _tr("That would make them over {limit}. Porchlight is for children and "
                   "teenagers — please check the year.").format(limit=problem.limit)
    return _tr("Please choose a birth month.")


def describe_age(birth: BirthMonth, today: dt.date) -> AgeWords:
    status = age_status(birth, today)
    born = _tr("Born {month_year}").format(month_year=month_and_year(birth.month, birth.year))
    age = years_old(status.years)
    if status.stage is Stage.TOO_YOUNG:
        return AgeWords(
            _tr("Under 3"), _tr("under 3, {age}").format(age=age), age, born,
            _tr("Porchlight's conversations start at age 3. Keep them here: on their third "
                "birthday they move into the first band by themselves."))
    if status.stage is Stage.ADULT:
        return AgeWords(
            _tr("18 or older"), _tr("18 or older, {age}").format(age=age), age, born,
            _tr("Porchlight's conversations are written for children up to 17. You can keep "
                "them here, or archive them to tidy the list — nothing is lost."))
    assert status.band is not None
    note = ""
    change = next_band_change(birth, today)
    if change is not None:
        next_band = band_for_years(status.band.oldest + 1)
        target = band_label(next_band) if next_band else _tr("18 or older")
        note = _tr("Moves to {band} in {month_year}.").format(
            band=target, month_year=month_and_year(change.month, change.year))
    summary = _tr("{band}, {age}").format(band=band_label(status.band), age=age)
    return AgeWords(band_heading(status.band), summary, age, born, note)
