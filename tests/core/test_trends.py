"""Trend numbers: signs per week by category in the parent's weeks, and the chart's marks."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.core.journal.model import SignEvent
from app.core.journal.trends import marks, week_index, week_starts, weekly_counts

ZONE = ZoneInfo("America/New_York")
TODAY = dt.date(2026, 11, 25)  # a Wednesday
MONDAY = dt.date(2026, 11, 23)


def at(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), ZONE).astimezone(dt.UTC)


def sign(day: dt.date, category: str, hour: int = 12, minute: int = 0,
         entry: int = 1) -> SignEvent:
    return SignEvent(entry, 1, at(day, hour, minute), f"sign.{category}", category)


def test_weeks_start_on_monday_and_end_with_this_week():
    starts = week_starts(12, TODAY)
    assert len(starts) == 12 and starts[-1] == MONDAY
    assert all(s.weekday() == 0 for s in starts)
    assert starts[0] == MONDAY - dt.timedelta(weeks=11)


def test_signs_are_counted_by_category_in_their_week():
    events = [sign(MONDAY, "secrecy"), sign(TODAY, "secrecy", entry=2),
              sign(TODAY, "mood", entry=2), sign(MONDAY - dt.timedelta(days=1), "mood", entry=3),
              sign(MONDAY - dt.timedelta(weeks=3), "online-habits", entry=4)]
    weeks = weekly_counts(events, 12, TODAY, ZONE)
    assert [w.start for w in weeks] == week_starts(12, TODAY)
    assert weeks[-1].counts == {"secrecy": 2, "mood": 1}
    assert weeks[-2].counts == {"mood": 1}  # Sunday belongs to the week before
    assert weeks[-4].counts == {"online-habits": 1}
    assert sum(w.total for w in weeks) == 5
    assert [w.total for w in weeks[:8]] == [0] * 8  # empty weeks are there too


def test_the_week_is_the_parents_not_utcs():
    """Sunday 23:30 in New York is already Monday in UTC; the chart keeps it on Sunday."""
    late_sunday = sign(MONDAY - dt.timedelta(days=1), "secrecy", hour=23, minute=30)
    assert late_sunday.noted_at.date() == MONDAY
    weeks = weekly_counts([late_sunday], 12, TODAY, ZONE)
    assert weeks[-2].counts == {"secrecy": 1} and weeks[-1].counts == {}
    in_utc = weekly_counts([late_sunday], 12, TODAY, ZoneInfo("UTC"))
    assert in_utc[-1].counts == {"secrecy": 1}


def test_outside_the_chart_and_own_tags_are_left_out():
    events = [sign(MONDAY - dt.timedelta(weeks=12), "secrecy"),  # 13 weeks back
              sign(MONDAY + dt.timedelta(weeks=1), "secrecy", entry=2),  # next week
              SignEvent(3, 1, at(TODAY), "bus stop", "")]
    assert sum(w.total for w in weekly_counts(events, 12, TODAY, ZONE)) == 0
    assert sum(w.total for w in weekly_counts(events, 26, TODAY, ZONE)) == 1


def test_a_year_of_weeks_across_daylight_saving():
    events = [sign(TODAY - dt.timedelta(days=n), "mood", hour=0, minute=30, entry=n)
              for n in range(364)]
    weeks = weekly_counts(events, 52, TODAY, ZONE)
    assert len(weeks) == 52
    assert [w.total for w in weeks[1:-1]] == [7] * 50  # every full week has all seven days
    assert weeks[-1].total == 3  # Monday to Wednesday


def test_marks_count_checkins_and_talks_per_week():
    starts = week_starts(4, TODAY)
    checkins = [MONDAY, TODAY, MONDAY - dt.timedelta(days=1), MONDAY - dt.timedelta(weeks=9)]
    talks = [starts[0], starts[0] + dt.timedelta(days=6)]
    assert marks(starts, checkins, talks) == [(0, 2), (0, 0), (1, 0), (2, 0)]
    assert marks([], checkins, talks) == []


def test_week_index_finds_the_week_of_a_day():
    starts = week_starts(4, TODAY)
    assert week_index(starts, TODAY) == 3
    assert week_index(starts, starts[0]) == 0
    assert week_index(starts, starts[0] - dt.timedelta(days=1)) is None
    assert week_index(starts, MONDAY + dt.timedelta(days=7)) is None
