"""The numbers the trend chart and its table twin show, and the words both use for a week.

The chart and the table take plain values (a list of ``ChartWeek``), never a store: they can be
drawn, tested and measured on their own, and both read one week out in the same words, so what
a screen reader hears on a focused bar is exactly what the table's row says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale

from app.ui.translate import _tr

OWN_TAGS = ""  # the category of the caregiver's own tags (no catalogue category)


@dataclass(frozen=True)
class ChartWeek:
    """One week on the chart: signs per category, check-ins done and talks held in it."""

    start: dt.date  # the Monday it begins, in the caregiver's zone
    counts: Mapping[str, int] = field(default_factory=dict)  # category id -> signs noted
    checkins: int = 0
    talks: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Category:
    """A category as the chart names it; ``index`` keeps its colour the same on every chart."""

    id: str
    title: str
    index: int


def categories_from(catalogue: object | None) -> list[Category]:
    """The catalogue's categories in its order, then the caregiver's own tags."""
    found = [Category(c.id, c.title, i)
             for i, c in enumerate(getattr(catalogue, "sign_categories", ()) or ())]
    found.append(Category(OWN_TAGS, _tr("Your own tags"), len(found)))
    return found


def shown_categories(weeks: Sequence[ChartWeek], categories: Sequence[Category]) -> list[Category]:
    """Only the categories with a sign in these weeks: a legend of seven empty colours helps
    nobody. A category missing from the catalogue still shows, under its id."""
    used = {cat for week in weeks for cat, n in week.counts.items() if n}
    known = [c for c in categories if c.id in used]
    unknown = sorted(used - {c.id for c in categories})
    return known + [Category(cat, cat, len(categories) + i) for i, cat in enumerate(unknown)]


def short_day(day: dt.date) -> str:
    """"3 Mar": the label under a bar."""
    month = QLocale.system().monthName(day.month, QLocale.FormatType.ShortFormat)
    return _tr("{day} {month}", "a day and a short month under a chart bar").format(
        day=day.day, month=month)


def long_day(day: dt.date) -> str:
    """"3 March 2026": a week's first day in the table."""
    month = QLocale.system().monthName(day.month, QLocale.FormatType.LongFormat)
    return _tr("{day} {month} {year}", "a date without the weekday").format(
        day=day.day, month=month, year=day.year)


def week_title(start: dt.date) -> str:
    """"Week of 3 March 2026"."""
    return _tr("Week of {date}").format(date=long_day(start))


def marks_words(week: ChartWeek) -> str:
    """"1 check-in done, 1 talk", or "" when the week had neither."""
    parts = []
    if week.checkins:
        parts.append(_tr("%n check-ins done", "", week.checkins))
    if week.talks:
        parts.append(_tr("%n talks", "", week.talks))
    return _tr(", ").join(parts)


def week_description(week: ChartWeek, categories: Sequence[Category]) -> str:
    """The week read out: "Week of 3 March 2026: Secrecy 2, Mood and behaviour 1; 1 check-in
    done, 1 talk". Categories in the chart's order, so the words follow the bar bottom up."""
    titles = {c.id: c.title for c in categories}
    order = [c.id for c in categories] + sorted(set(week.counts) - set(titles))
    signs = [_tr("{category} {count}").format(category=titles.get(cat, cat),
                                              count=week.counts[cat])
             for cat in order if week.counts.get(cat)]
    said = _tr(", ").join(signs) if signs else _tr("no signs noted")
    marks = marks_words(week)
    if marks:
        return _tr("{week}: {signs}; {marks}").format(week=week_title(week.start), signs=said,
                                                      marks=marks)
    return _tr("{week}: {signs}").format(week=week_title(week.start), signs=said)
