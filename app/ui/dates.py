"""Dates and times in the parent's own language, through ``QLocale`` (never ``strftime``).

One place decides how a moment reads on screen, so every page says "Sunday 29 November 2026,
18:05" the way the computer's language writes it, in the zone it is given (the computer's by
default; a schedule's own zone where the moment belongs to a schedule).
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
