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

    def zone(self) -> dt.tzinfo:
        """Where the parent is: the zone "today" and "this evening" are counted in."""
        ...


def _computer_zone(moment: dt.datetime) -> dt.tzinfo:
    return moment.astimezone().tzinfo or dt.UTC


class SystemClock:
    """The computer's clock, in the computer's zone."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def zone(self) -> dt.tzinfo:
        return _computer_zone(self.now())


class SettableClock:
    """A clock that stays where it is put until moved: for tests, demos and simulations."""

    def __init__(self, start: dt.datetime, zone: dt.tzinfo | None = None) -> None:
        if start.tzinfo is None:
            raise ValueError("SettableClock needs an aware datetime")
        self._now = start
        self._zone = zone  # None: the computer's, as the real clock does

    def now(self) -> dt.datetime:
        return self._now

    def zone(self) -> dt.tzinfo:
        return self._zone or _computer_zone(self._now)

    def set(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("SettableClock needs an aware datetime")
        self._now = moment

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta


def local_today(clock: Clock) -> dt.date:
    """Today's date in the clock's zone: what a parent means by "today"."""
    return clock.now().astimezone(clock.zone()).date()
