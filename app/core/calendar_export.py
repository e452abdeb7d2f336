"""Check-in schedules as an ``.ics`` file for the family calendar.

Each schedule is one recurring event: ``DTSTART`` with the schedule's own ``TZID`` (and its
``VTIMEZONE``), an ``RRULE`` for every week or every other week, and a ``VALARM`` per reminder.
The UID is stable per schedule, so importing the file again updates the events rather than
doubling them. Children's names are left out unless the parent asks for them: a calendar is
often shared, synced and seen on a lock screen. The words in the events come from the UI
(``CalendarWords``, translated there); the English defaults serve the command line and tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Event

from app import APP_ID, __version__
from app.core.checkins import Schedule
from app.core.schedules import first_slot_date, reminder_local

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TALK_LENGTH = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class CalendarWords:
    """The words the calendar file carries; ``{names}`` and ``{caregiver}`` are filled in."""

    calendar_name: str = "Porchlight check-ins"
    summary: str = "Weekly check-in"
    summary_with: str = "Weekly check-in with {names}"
    alarm: str = "Weekly check-in"
    led_by: str = "Led by {caregiver}."


def uid_for(schedule_id: int) -> str:
    return f"checkin-{schedule_id}@{APP_ID}"


def _alarm(reminder: str, due_local: dt.datetime, words: CalendarWords) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", words.alarm)
    before = due_local - reminder_local(due_local, reminder)
    alarm.add("trigger", -before)
    return alarm


def schedules_to_ics(schedules: list[Schedule], names: dict[int, str] | None = None,
                     *, today: dt.date, stamp: dt.datetime,
                     words: CalendarWords = CalendarWords()) -> bytes:
    """The calendar file for every active schedule.

    ``names`` maps a schedule's id to its children's names already joined for reading
    ("Sam and Maya"), and is given only if the parent chose to put names in the calendar.
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//Porchlight//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", words.calendar_name)
    for schedule in schedules:
        if schedule.paused:
            continue
        spec = schedule.spec
        start_day = first_slot_date(spec, today - dt.timedelta(weeks=spec.every_weeks))
        start = dt.datetime.combine(start_day, spec.at, tzinfo=spec.tz)
        event = Event()
        event.add("uid", uid_for(schedule.id))
        event.add("dtstamp", stamp)
        who = (names or {}).get(schedule.id, "")
        event.add("summary", words.summary_with.format(names=who) if who else words.summary)
        event.add("dtstart", start)
        event.add("dtend", start + TALK_LENGTH)
        rule: dict[str, str | int] = {"freq": "weekly", "byday": _BYDAY[spec.weekday]}
        if spec.every_weeks > 1:
            rule["interval"] = spec.every_weeks
        event.add("rrule", rule)
        if schedule.caregiver:
            event.add("description", words.led_by.format(caregiver=schedule.caregiver))
        for reminder in spec.reminders:
            event.add_component(_alarm(reminder, start.replace(tzinfo=None), words))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
