"""The check-in words: what the core hands back as keys, worded for the parent (through tr)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.checkins import Notice
from app.core.schedules import EVENING_BEFORE, REMINDER_CHOICES, ScheduleProblem, ScheduleSpec
from app.ui.checkins import words

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)  # a Monday


@pytest.fixture
def london(local_zone):
    local_zone("Europe/London")


def test_notifications_hold_no_name_unless_the_parent_chose_names(qapp):
    due = Notice(1, "due", (1,))
    assert words.notification(due, None) == ("Porchlight", "Time for your weekly check-in.")
    assert words.notification(due, ["Sam"])[1] == "Time for your weekly check-in with Sam."
    missed = Notice(3, "missed", (1, 2), count=3)
    title, body = words.notification(missed, None)
    assert "Sam" not in title + body and body == "3 weekly check-ins were missed. Start one now?"
    assert words.notification(missed, ["Sam", "Maya"])[1] == (
        "3 weekly check-ins with Sam and Maya were missed. Start one now?")
    assert words.notification(Notice(1, "missed", (1,)), None)[1] == (
        "A weekly check-in was missed. Start one now?")
    assert words.notification(Notice(1, "reminder:15", (1,)), None)[0] == "Check-in coming up"


def test_names_counts_and_countdowns(qapp):
    assert words.join_names(["Sam", "Maya", "Alex"]) == "Sam, Maya and Alex"
    assert words.who([]) == "your child"
    assert words.missed_words(2, ["Sam"]) == (
        "2 weekly check-ins with Sam were missed — start one now?")
    assert words.missed_words(1, ["Sam"]).startswith("A weekly check-in with Sam was missed")
    assert words.countdown_words(NOW, NOW + dt.timedelta(seconds=30)) == "now"
    assert words.countdown_words(NOW, NOW + dt.timedelta(minutes=1, seconds=5)) == "in 1 minute"
    assert words.countdown_words(NOW, NOW + dt.timedelta(hours=5)) == "in 5 hours"
    assert words.countdown_words(NOW, NOW + dt.timedelta(days=6)) == "in 6 days"
    assert words.consistency_words(1, 1) == "Talked at 1 of the last check-in"
    assert words.status_words("done", scheduled=False) == "Talked (any time)"


def test_every_reminder_choice_and_problem_has_words(qapp):
    labels = [words.reminder_choice(key) for key in REMINDER_CHOICES]
    assert labels == ["The evening before (7 pm)", "1 hour before", "15 minutes before"]
    assert EVENING_BEFORE in REMINDER_CHOICES
    for key in ("weekday", "every_weeks", "zone", "no_child", "reminder"):
        text = words.problem_words(ScheduleProblem(key, "Mars/Olympus"))
        assert text != key and (text[0].isupper() or text.startswith("“"))
    assert "Mars/Olympus" in words.problem_words(ScheduleProblem("zone", "Mars/Olympus"))


def test_a_schedule_is_shown_on_its_own_clock_and_named_when_it_differs(qapp, london):
    home = ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29))
    away = ScheduleSpec(6, dt.time(18, 0), "America/New_York", 1, dt.date(2026, 11, 29))
    assert words.schedule_words(home, NOW) == "Every Sunday at 18:00"
    assert words.schedule_words(away, NOW) == "Every Sunday at 18:00, New York time"
    slot = dt.datetime(2026, 11, 29, 23, 0, tzinfo=dt.UTC)  # 18:00 in New York
    assert words.when_words(slot, NOW, away.tz, away.zone) == (
        "Sun 29 Nov, 18:00, New York time (in 6 days)")
    assert words.when_words(slot, NOW, home.tz, home.zone) == "Sun 29 Nov, 23:00 (in 6 days)"
