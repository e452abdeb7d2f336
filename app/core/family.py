"""Children as the rest of the app sees them, and the rules a child's details must meet.

The storage layer turns rows into these; pages and the coach only ever see these. Validation
lives here so that the setup flow, the child dialog and any import apply the same rules and
say the same words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.ages import AgeStatus, BirthMonth, age_status, validate_birth_month

MAX_NAME_LENGTH = 60


class ChildProblem(ValueError):
    """Details for a child the app cannot accept, with a message a parent can act on."""


@dataclass(frozen=True)
class Child:
    id: int
    name: str
    birth: BirthMonth
    archived: bool = False

    def status(self, today: dt.date) -> AgeStatus:
        return age_status(self.birth, today)


@dataclass(frozen=True)
class ChildDetails:
    """What a parent types for a child, checked and tidied."""

    name: str
    birth: BirthMonth


def clean_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        raise ChildProblem("Please give a name or nickname.")
    if len(name) > MAX_NAME_LENGTH:
        raise ChildProblem(f"Please keep the name under {MAX_NAME_LENGTH} characters.")
    return name


def check_details(raw_name: str, year: int, month: int, today: dt.date) -> ChildDetails:
    """Validate what was typed; raise ChildProblem with the first thing to fix."""
    name = clean_name(raw_name)
    try:
        birth = BirthMonth(year, month)
    except ValueError as error:
        raise ChildProblem("Please choose a birth month.") from error
    try:
        validate_birth_month(birth, today)
    except ValueError as error:
        raise ChildProblem(str(error)) from error
    return ChildDetails(name, birth)
