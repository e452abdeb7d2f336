"""Dates and times in the parent's own language, through ``QLocale`` (never ``strftime``).

One place decides how a moment reads on screen, so every page says "Sunday 29 November 2026,
18:05" the way the computer's language writes it, in the zone it is given (the computer's by
default; a schedule's own zone where the moment belongs to a schedule). File sizes are worded
here too, the same way everywhere ("280.6 kB", "4.2 MB").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime


def moment_words(moment: dt.datetime, zone: dt.tzinfo | None = None) -> str:
    """The long date and the short time: "Sunday, 29 November 2026, 18:05"."""
    local = moment.astimezone(zone)
    locale = QLocale.system()
    date = locale.toString(QDate(local.year, local.month, local.day),
                           QLocale.FormatType.LongFormat)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{date}, {time}"


def short_moment(moment: dt.datetime, zone: dt.tzinfo | None = None) -> str:
    """A short day, date and time: "Sun 6 Dec, 18:00" in the parent's language."""
    local = moment.astimezone(zone)
    locale = QLocale.system()
    date = QDate(local.year, local.month, local.day)
    day = locale.dayName(date.dayOfWeek(), QLocale.FormatType.ShortFormat)
    month = locale.monthName(local.month, QLocale.FormatType.ShortFormat)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{day} {local.day} {month}, {time}"


def date_words(day: dt.date) -> str:
    """A calendar date, long form: "Sunday, 6 December 2026"."""
    return QLocale.system().toString(QDate(day.year, day.month, day.day),
                                     QLocale.FormatType.LongFormat)


def time_words(at: dt.time) -> str:
    """A time of day, short form: "18:00" or "6:00 PM" as the computer writes it."""
    return QLocale.system().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def weekday_name(weekday: int, short: bool = False) -> str:
    """Monday is 0, as in Python's ``date.weekday()``."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale.system().dayName(weekday + 1, kind)


def month_name(month: int) -> str:
    return QLocale.system().monthName(month, QLocale.FormatType.LongFormat)


def zone_differs(zone: dt.tzinfo, moment: dt.datetime) -> bool:
    """Whether ``zone`` shows a different clock from the computer's at ``moment``."""
    return moment.astimezone(zone).utcoffset() != moment.astimezone().utcoffset()


def city_of(zone_name: str) -> str:
    """"America/New_York" → "New York": the place people say when they mean a zone."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def size_words(size_bytes: int) -> str:
    """A file size as a person reads it, in the computer's language: "350.2 kB", "4.2 MB" (never
    "KiB"; anything under a kilobyte reads as one)."""
    return QLocale.system().formattedDataSize(max(size_bytes, 1000), 1,
                                              QLocale.DataSizeFormat.DataSizeSIFormat)
