"""Children as the rest of the app sees them, and the rules a child's details must meet.

The storage layer turns rows into these; pages and the coach only ever see these. Validation
lives here so that the setup flow, the child dialog and any import apply the same rules; a
refusal carries a key (``ChildProblem.key``) that ``app.ui.age_words.problem_words`` words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.ages import (
    OLDEST_ACCEPTED_AGE,
    AgeStatus,
    BirthMonth,
    BirthMonthProblem,
    age_status,
    validate_birth_month,
)

MAX_NAME_LENGTH = 60


class ChildProblem(ValueError):
    """Details for a child the app cannot accept; ``key`` says which, the UI words it.

    Keys: ``"name-missing"``, ``"name-too-long"`` (``limit`` is the longest allowed),
    ``"month-missing"``, ``"birth-future"``, ``"birth-too-old"`` (``limit`` is the oldest age).
    The message itself is the key, so nothing English reaches the screen from here.
    """

    def __init__(self, key: str, limit: int = 0) -> None:
        super().__init__(key)
        self.key = key
        self.limit = limit


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
        raise ChildProblem("name-missing")
    if len(name) > MAX_NAME_LENGTH:
        raise ChildProblem("name-too-long", MAX_NAME_LENGTH)
    return name


def check_details(raw_name: str, year: int, month: int, today: dt.date) -> ChildDetails:
    """Validate what was typed; raise ChildProblem with the first thing to fix."""
    name = clean_name(raw_name)
    try:
        birth = BirthMonth(year, month)
    except ValueError as error:
        raise ChildProblem("month-missing") from error
    try:
        validate_birth_month(birth, today)
    except BirthMonthProblem as error:
        if error.key == "future":
            raise ChildProblem("birth-future") from error
        raise ChildProblem("birth-too-old", OLDEST_ACCEPTED_AGE) from error
    return ChildDetails(name, birth)
