"""The .ics parses back and expands to the same dates the app shows."""

from __future__ import annotations

import datetime as dt

import pytest
import recurring_ical_events
from icalendar import Calendar

from app.core.calendar_export import CalendarWords, schedules_to_ics, uid_for
from app.core.checkins import Schedule
from app.core.schedules import EVENING_BEFORE, ScheduleSpec, check_spec, slots_between
from tests.core.test_schedules import ZONES

TODAY = dt.date(2026, 11, 23)
STAMP = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def schedule(zone: str, every: int, schedule_id: int = 7) -> Schedule:
    spec = check_spec(ScheduleSpec(6, dt.time(18, 0), zone, every, dt.date(2026, 1, 4),
                                   (EVENING_BEFORE, "15")))
    return Schedule(schedule_id, spec, (1, 2), "Dad")


@pytest.mark.parametrize("every", [1, 2])
@pytest.mark.parametrize("zone", ZONES)
def test_the_ics_expands_to_the_app_s_own_dates(zone, every):
    item = schedule(zone, every)
    calendar = Calendar.from_ical(schedules_to_ics([item], today=TODAY, stamp=STAMP))
    start, end = dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.datetime(2028, 12, 1, tzinfo=dt.UTC)
    expanded = sorted(e["DTSTART"].dt.astimezone(dt.UTC)
                      for e in recurring_ical_events.of(calendar).between(start, end))
    assert expanded == slots_between(item.spec, start, end)
    event = calendar.walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == zone
    assert str(event["UID"]) == uid_for(7)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == zone


def test_alarms_names_and_stable_uid():
    item = schedule("Europe/London", 1)
    first = schedules_to_ics([item], today=TODAY, stamp=STAMP)
    again = schedules_to_ics([item], today=TODAY, stamp=STAMP)
    assert first == again
    event = Calendar.from_ical(first).walk("VEVENT")[0]
    triggers = sorted(a["TRIGGER"].dt for a in event.walk("VALARM"))
    assert triggers == [-dt.timedelta(hours=23), -dt.timedelta(minutes=15)]
    assert str(event["SUMMARY"]) == "Weekly check-in" and b"Sam" not in first
    named = schedules_to_ics([item], {7: "Sam and Maya"}, today=TODAY, stamp=STAMP)
    assert "Weekly check-in with Sam and Maya" in named.decode()


def test_the_words_come_from_the_caller():
    words = CalendarWords(calendar_name="Rendez-vous", summary="Discussion",
                          summary_with="Discussion avec {names}", alarm="Bientôt",
                          led_by="Menée par {caregiver}.")
    text = schedules_to_ics([schedule("UTC", 1)], {7: "Sam"}, today=TODAY, stamp=STAMP,
                            words=words).decode()
    assert "Discussion avec Sam" in text and "Menée par Dad." in text and "Bientôt" in text
    assert "Rendez-vous" in text and "Weekly" not in text


def test_paused_schedules_are_left_out():
    paused = Schedule(3, schedule("UTC", 1).spec, (1,), paused=True)
    assert b"VEVENT" not in schedules_to_ics([paused], today=TODAY, stamp=STAMP)
