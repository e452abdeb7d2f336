"""The journal page's words: field labels, strengths, children and signs as a parent reads them.

The core hands the timeline ids and numbers (child 3, sign "sign.hides-screen", strength 2);
this module says them. ``Names`` is built once per refresh from the children and the sign
catalogue, so drawing a row never reads the database and never searches the catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QLocale

from app.core.journal.model import RESTORE_DAYS
from app.ui.dates import date_words
from app.ui.translate import _tr


def field_labels() -> dict[str, str]:
    """Each part of an entry, in the order the detail view shows them (facts first)."""
    return {"saw": _tr("What I saw or heard"), "think": _tr("What I think it might mean"),
            "strength": _tr("How strong"), "place": _tr("Where"), "did": _tr("What I did"),
            "come_back": _tr("Come back to this in the next talk")}


def strength_word(strength: int | None) -> str:
    return {1: _tr("A little worried"), 2: _tr("Quite worried"),
            3: _tr("Very worried")}.get(strength or 0, _tr("Not said"))


def family_words() -> str:
    return _tr("The family / not sure")


def come_back_mark() -> str:
    return _tr("Come back to this")


def week_header(day: dt.date) -> str:
    """"Week of 3 March": the Monday a week starts on, day and month in the parent's language."""
    monday = day - dt.timedelta(days=day.weekday())
    text = QLocale.system().toString(QDate(monday.year, monday.month, monday.day), "d MMMM")
    return _tr("Week of {day}").format(day=text)


def week_key(moment: dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The Monday of ``moment``'s week on the parent's clock (rows with one key share a header)."""
    day = moment.astimezone(zone).date()
    return day - dt.timedelta(days=day.weekday())


def removed_on_words(deleted_at: dt.datetime, zone: dt.tzinfo) -> str:
    day = (deleted_at + dt.timedelta(days=RESTORE_DAYS)).astimezone(zone).date()
    return _tr("Will be removed for good on {date}").format(date=date_words(day))


def removed_on_short(deleted_at: dt.datetime, zone: dt.tzinfo) -> str:
    """The same on a timeline row, where a long date does not fit ("… on 23 Dec")."""
    day = (deleted_at + dt.timedelta(days=RESTORE_DAYS)).astimezone(zone).date()
    text = QLocale.system().toString(QDate(day.year, day.month, day.day), "d MMM")
    return _tr("Will be removed for good on {date}").format(date=text)


def count_words(total: int, searching: bool, deleted: bool) -> str:
    if deleted:
        return _tr("%n recently deleted", "", total)
    if searching:
        return _tr("%n entries match", "", total)
    return _tr("%n entries", "", total)


def empty_words(filtered: bool, deleted: bool) -> str:
    if deleted:
        return _tr("Nothing recently deleted. Entries you delete wait here for "
                   "%n days, so you can bring them back.", "", RESTORE_DAYS)
    if filtered:
        return _tr("No entries match. Try fewer filters or other words.")
    return _tr("Nothing noted yet. Use “Note something” whenever something worries you — "
               "even a small thing.")


def chip_label(sign_text: str) -> str:
    """A sign's catalogue sentence shortened for a chip: up to its first comma or full stop."""
    for mark in (",", ".", ";"):
        head = sign_text.split(mark, 1)[0].strip()
        if 3 <= len(head) < len(sign_text):
            return head
    return sign_text.strip()


@dataclass
class Names:
    """Children and signs by id, read once per refresh, for drawing rows and the detail view."""

    children: dict[int, str] = field(default_factory=dict)
    signs: dict[str, str] = field(default_factory=dict)  # sign id -> full catalogue sentence
    sign_category: dict[str, str] = field(default_factory=dict)  # sign id -> category id
    categories: dict[str, str] = field(default_factory=dict)  # category id -> title

    @classmethod
    def from_catalogue(cls, catalogue: Any) -> Names:
        """``catalogue`` is the content library (``signs``, ``sign_categories``) or None."""
        names = cls()
        for category in getattr(catalogue, "sign_categories", ()) or ():
            names.categories[category.id] = category.title
        for sign in getattr(catalogue, "signs", ()) or ():
            names.signs[sign.id] = sign.text
            names.sign_category[sign.id] = sign.category
        return names

    def child(self, child_id: int | None) -> str:
        if child_id is None:
            return family_words()
        return self.children.get(child_id, _tr("A child no longer listed"))

    def sign(self, sign_id: str) -> str:
        """The full sentence (tooltips, screen readers, the detail view)."""
        return self.signs.get(sign_id, _tr("A sign no longer in the list"))

    def chip(self, sign_id: str) -> str:
        return chip_label(self.sign(sign_id))
