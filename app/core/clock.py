"""The one clock the app reads, so tests and the scheduler can be handed another.

Code that needs "now" takes a ``Clock`` rather than calling ``datetime.now()`` itself; that is
how a test moves a child across a birthday or an app across three closed weeks without patching
time for the whole process.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, time-zone aware (UTC)."""
        ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class SettableClock:
    """A clock that stays where it is put until moved: for tests, demos and simulations."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("SettableClock needs an aware datetime")
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def set(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("SettableClock needs an aware datetime")
        self._now = moment

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta


def local_today(clock: Clock) -> dt.date:
    """Today's date in the computer's own time zone: what a parent means by "today"."""
    return clock.now().astimezone().date()
