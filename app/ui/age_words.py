"""How a child's age and band are put into words on screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.ages import BirthMonth, Stage, age_status, band_for_years, next_band_change

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

TOO_YOUNG_NOTE = (
    "Porchlight's conversations start at age 3. Keep them here: on their third birthday they "
    "move into the first band by themselves.")
ADULT_NOTE = (
    "Porchlight's conversations are written for children up to 17. You can keep them here, "
    "or archive them to tidy the list — nothing is lost.")


@dataclass(frozen=True)
class AgeWords:
    badge: str      # "Ages 9–12", "Under 3", "18 or older"
    summary: str    # "ages 9–12, 10 years old"
    born: str       # "Born April 2016"
    note: str       # the friendly explanation outside the bands, or the next band change


def _years_old(years: int) -> str:
    return "1 year old" if years == 1 else f"{years} years old"


def describe_age(birth: BirthMonth, today: dt.date) -> AgeWords:
    status = age_status(birth, today)
    born = f"Born {MONTHS[birth.month - 1]} {birth.year}"
    if status.stage is Stage.TOO_YOUNG:
        age = "under 1 year old" if status.years < 1 else _years_old(status.years)
        return AgeWords("Under 3", f"under 3, {age}", born, TOO_YOUNG_NOTE)
    if status.stage is Stage.ADULT:
        return AgeWords("18 or older", f"18 or older, {_years_old(status.years)}", born,
                        ADULT_NOTE)
    assert status.band is not None
    note = ""
    change = next_band_change(birth, today)
    if change is not None:
        next_band = band_for_years(status.band.oldest + 1)
        target = next_band.label if next_band else "18 or older"
        note = f"Moves to {target} in {MONTHS[change.month - 1]} {change.year}."
    label = status.band.label
    return AgeWords(label[0].upper() + label[1:], f"{label}, {_years_old(status.years)}", born,
                    note)
