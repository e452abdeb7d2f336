"""How the counsellor workspace puts plan values into words: question kinds, a week's dates,
a plan in one line, and a task's id ("w2.talk") as a counsellor reads it.

Word modules have no object to ask for ``tr``, so they use ``_tr`` (see ``app.ui.translate``).
"""

from __future__ import annotations

import datetime as dt

from app.core.plans.model import Plan
from app.ui.age_words import band_label
from app.ui.dates import date_words
from app.ui.translate import _tr


def question_kind_words() -> dict[str, str]:
    """The four kinds of weekly question, in the order the builder offers them."""
    return {
        "yes-no": _tr("Yes or no"),
        "scale": _tr("A scale from 1 to 5"),
        "choice": _tr("A choice between options"),
        "text": _tr("A short answer in their words"),
    }


def week_heading(number: int, start: dt.date) -> str:
    """"Week 3, from Monday, 7 December 2026"."""
    first = start + dt.timedelta(weeks=number - 1)
    return _tr("Week {number}, from {date}").format(number=number, date=date_words(first))


def plan_summary(plan: Plan) -> str:
    """A plan in one line for a list: "4 weeks · ages 9–12 · for M. and J."."""
    weeks = _tr("%n weeks", "", len(plan.weeks))
    parts = [weeks]
    if plan.band:
        try:
            parts.append(band_label(plan.band))
        except ValueError:  # a band this version does not know: say it as written
            parts.append(plan.band)
    if plan.family_label:
        parts.append(_tr("for {family}").format(family=plan.family_label))
    return " · ".join(parts)


def task_words(task_id: str) -> str:
    """"w2.talk" → "Week 2: the talk"; an id this version does not know is shown as it is."""
    week, _, kind = task_id.partition(".")
    if not (week.startswith("w") and week[1:].isdigit()):
        return task_id
    names = {"talk": _tr("the talk"), "refusal": _tr("practising the refusal line"),
             "watch": _tr("things to watch"), "question": _tr("the questions")}
    what = names.get(kind, kind)
    return _tr("Week {number}: {what}").format(number=int(week[1:]), what=what)


def week_of_key(key: str) -> int | None:
    """The week a report section or task belongs to ("w3.talk" → 3), or None."""
    week = key.partition(".")[0]
    return int(week[1:]) if week.startswith("w") and week[1:].isdigit() else None
