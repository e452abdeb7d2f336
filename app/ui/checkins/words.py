"""Check-ins in the parent's words: statuses, notices, reminder choices, countdowns, schedules.

The core hands back keys and values (a status key, a ``Notice`` with a kind and a count, a
countdown unit and amount, a ``ScheduleProblem`` key); this module words them through Qt's
translation, with numerus forms for counts. A schedule's times are given in its own zone and
labelled with that zone's city when it differs from the computer's ("Sun 18:00, New York
time"). Notifications carry no names unless the parent turned names on.
"""

from __future__ import annotations

import datetime as dt

from app.core.checkins import Notice, countdown
from app.core.schedules import EVENING_BEFORE, ScheduleProblem, ScheduleSpec, next_slot
from app.ui.dates import city_of, short_moment, time_words, weekday_name, zone_differs
from app.ui.translate import _tr


def join_names(names: list[str]) -> str:
    """"Sam", "Sam and Maya", "Sam, Maya and Alex"."""
    if len(names) <= 1:
        return "".join(names)
    head = _tr("{names}, {name}")
    joined = names[0]
    for name in names[1:-1]:
        joined = head.format(names=joined, name=name)
    return _tr("{names} and {last}").format(names=joined, last=names[-1])


def who(names: list[str]) -> str:
    """The children a check-in is with, or a neutral stand-in when none is known."""
    return join_names(names) or _tr("your child")


def status_words(status: str, scheduled: bool = True) -> str:
    if status == "done":
        return _tr("Talked") if scheduled else _tr("Talked (any time)")
    words = {"pending": _tr("Coming up"), "skipped": _tr("Skipped"), "missed": _tr("Missed")}
    return words.get(status, status)


def reminder_choice(key: str) -> str:
    """The label of a reminder choice (``app.core.schedules.REMINDER_CHOICES``)."""
    if key == EVENING_BEFORE:
        return _tr("The evening before (7 pm)")
    if key == "60":
        return _tr("1 hour before")
    if key.isdigit():
        return _tr("%n minutes before", "", int(key))
    return key


def countdown_words(now: dt.datetime, moment: dt.datetime) -> str:
    """"now", "in 20 minutes", "in 5 hours", "in 3 days"."""
    unit, amount = countdown(now, moment)
    if unit == "now":
        return _tr("now")
    if amount == 1:
        return {"minutes": _tr("in 1 minute"), "hours": _tr("in 1 hour"),
                "days": _tr("in 1 day")}[unit]
    if unit == "minutes":
        return _tr("in %n minutes", "", amount)
    if unit == "hours":
        return _tr("in %n hours", "", amount)
    return _tr("in %n days", "", amount)


def zone_label(zone: dt.tzinfo, zone_name: str, moment: dt.datetime) -> str:
    """", New York time" when the schedule's clock differs from the computer's, else ""."""
    if not zone_differs(zone, moment):
        return ""
    return _tr(", {city} time").format(city=city_of(zone_name))


def schedule_words(spec: ScheduleSpec, now: dt.datetime) -> str:
    """"Every Sunday at 18:00" / "Every other Sunday at 18:00, New York time"."""
    day, at = weekday_name(spec.weekday), time_words(spec.at)
    text = (_tr("Every {day} at {time}") if spec.every_weeks == 1
            else _tr("Every other {day} at {time}")).format(day=day, time=at)
    return text + zone_label(spec.tz, spec.zone, next_slot(spec, now))


def when_words(moment: dt.datetime, now: dt.datetime, zone: dt.tzinfo | None = None,
               zone_name: str = "") -> str:
    """"Sun 29 Nov, 18:00 (in 6 days)" on the schedule's own clock, its city named if it
    differs from the computer's."""
    label = zone_label(zone, zone_name, moment) if zone is not None and zone_name else ""
    return _tr("{when}{zone} ({countdown})").format(
        when=short_moment(moment, zone), zone=label, countdown=countdown_words(now, moment))


def history_line(moment_text: str, status: str, scheduled: bool, moved: bool,
                 reason: str) -> str:
    line = _tr("{when} — {status}").format(when=moment_text,
                                           status=status_words(status, scheduled))
    if moved:
        line = _tr("{line} (moved)").format(line=line)
    if reason:
        line = _tr("{line}: {reason}").format(line=line, reason=reason)
    return line


def consistency_words(done: int, counted: int) -> str:
    if not counted:
        return _tr("No check-ins yet")
    return _tr("Talked at {done} of the last %n check-ins", "", counted).format(done=done)


def due_words(names: list[str]) -> str:
    return _tr("Check-in with {names} is due").format(names=who(names))


def missed_words(count: int, names: list[str]) -> str:
    if count == 1:
        return _tr("A weekly check-in with {names} was missed — start one now?").format(
            names=who(names))
    return _tr("%n weekly check-ins with {names} were missed — start one now?", "",
               count).format(names=who(names))


def notification(notice: Notice, names: list[str] | None) -> tuple[str, str]:
    """(title, body) for a desktop notification; ``names`` is None unless the parent chose
    names in notifications — then none appears, whatever the notice is about."""
    joined = join_names(names or [])
    if notice.kind == "missed":
        if notice.count == 1:
            title = _tr("A check-in was missed")
            body = (_tr("A weekly check-in with {names} was missed. Start one now?")
                    if joined else _tr("A weekly check-in was missed. Start one now?"))
        else:
            title = _tr("Check-ins were missed")
            body = (_tr("%n weekly check-ins with {names} were missed. Start one now?", "",
                        notice.count) if joined else
                    _tr("%n weekly check-ins were missed. Start one now?", "", notice.count))
        return title, body.format(names=joined)
    if notice.kind.startswith("reminder:"):
        body = (_tr("Your weekly check-in with {names} is coming up.") if joined
                else _tr("Your weekly check-in is coming up."))
        return _tr("Check-in coming up"), body.format(names=joined)
    body = (_tr("Time for your weekly check-in with {names}.") if joined
            else _tr("Time for your weekly check-in."))
    return _tr("Porchlight"), body.format(names=joined)


def problem_words(problem: ScheduleProblem) -> str:
    """A schedule the app cannot accept, in words a parent can act on."""
    if problem.key == "weekday":
        return _tr("Please choose a day of the week.")
    if problem.key == "every_weeks":
        return _tr("Check-ins can be every week or every two weeks.")
    if problem.key == "zone":
        return _tr("“{zone}” is not a time zone this computer knows.").format(
            zone=problem.value)
    if problem.key == "no_child":
        return _tr("Choose at least one child for this check-in.")
    return _tr("Please check the reminders chosen for this check-in.")
