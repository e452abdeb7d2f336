"""Moments in and out of the database: naive UTC in the tables, aware UTC everywhere else.

SQLite has no time zones, so every store writes UTC without a zone and reads it back as UTC.
Keeping the two conversions here means no store can write local time by accident.
"""

from __future__ import annotations

import datetime as dt
from typing import overload


def to_db(moment: dt.datetime) -> dt.datetime:
    """An aware moment as the naive UTC value a DateTime column holds."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


@overload
def from_db(value: dt.datetime) -> dt.datetime: ...
@overload
def from_db(value: None) -> None: ...
def from_db(value: dt.datetime | None) -> dt.datetime | None:
    """A DateTime column's naive UTC value as an aware moment (None stays None)."""
    return None if value is None else value.replace(tzinfo=dt.UTC)
