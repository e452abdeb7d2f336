"""Counsellor homework, as every layer sees it: plain values, no file format, no database, no Qt.

A counsellor builds a ``Plan`` (1–12 weeks; each week: topics and starters from the library,
a refusal line to practise, signs to watch in the journal, one or two questions for the family,
a note to the parent on why) and hands it over as a ``.porchplan`` file (FHIR R4, see
``fhir_plan``). The family imports it for one child, works through it, records how each task
went (``TaskRecord``, after the Homework Rating Scale) and answers the weekly questions
(``Answer``); then chooses what goes into a ``Report`` for the counsellor. A section the parent
leaves out is kept as ``withheld`` (with their reason, if they gave one), never silently missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MAX_WEEKS = 12
QUESTION_KINDS = ("yes-no", "scale", "choice", "text")  # scale: 1 (not at all) to 5 (a lot)
TASK_KINDS = ("talk", "refusal", "watch", "question")
WORKSPACES = ("family", "counsellor")  # chosen at setup; the same vault either way


@dataclass(frozen=True)
class Question:
    id: str  # stable within the plan ("w3.q1"), the key of its answers
    kind: str  # one of QUESTION_KINDS
    text: str
    choices: tuple[str, ...] = ()  # for "choice" only


@dataclass(frozen=True)
class PlanWeek:
    number: int  # 1-based
    topics: tuple[str, ...] = ()  # topic ids from the library
    starters: tuple[str, ...] = ()  # specific starter ids, if the counsellor chose some
    refusal: str = ""  # a refusal line id to practise this week
    watch: tuple[str, ...] = ()  # sign ids from the warning-sign catalogue
    questions: tuple[Question, ...] = ()  # one or two
    note: str = ""  # to the parent: why this week matters

    def task_ids(self) -> tuple[str, ...]:
        """The tasks a family records how they went: "w2.talk", "w2.refusal", "w2.watch"."""
        tasks = []
        if self.topics or self.starters:
            tasks.append(f"w{self.number}.talk")
        if self.refusal:
            tasks.append(f"w{self.number}.refusal")
        if self.watch:
            tasks.append(f"w{self.number}.watch")
        return tuple(tasks)


@dataclass(frozen=True)
class Plan:
    id: str  # a random id chosen when the counsellor first saves it
    version: int  # raised on each save of the same plan
    title: str
    family_label: str  # first names or initials, the counsellor's choice
    band: str  # the age band it was written for ("9-12")
    start: dt.date
    weeks: tuple[PlanWeek, ...]
    checkin_weekday: int | None = None  # 0 = Monday; a suggestion only
    checkin_time: dt.time | None = None
    counsellor_contact: str = ""  # printed on the plan, nothing else
    expires: dt.date | None = None  # after this the plan is shown as expired

    def week_of(self, day: dt.date) -> int | None:
        """Which plan week ``day`` falls in (1-based), or None before the start or after."""
        if day < self.start:
            return None
        number = (day - self.start).days // 7 + 1
        return number if number <= len(self.weeks) else None

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(weeks=len(self.weeks))


@dataclass(frozen=True)
class TaskRecord:
    """How one task went, in the words counsellors need (after the Homework Rating Scale)."""

    task_id: str  # "w2.talk"
    times_done: int = 0
    how_it_went: int | None = None  # 1 (badly) to 5 (very well)
    how_hard: int | None = None  # 1 (easy) to 5 (very hard)
    got_in_the_way: str = ""
    helped: str = ""
    question_for_next: str = ""  # for the next session
    updated_at: dt.datetime | None = None


@dataclass(frozen=True)
class Answer:
    question_id: str
    value: str  # "yes"/"no", "1".."5", the chosen text, or the short text
    answered_at: dt.datetime


@dataclass(frozen=True)
class ActivePlan:
    """A plan a family imported for one child, with where they are in it."""

    id: int  # the row id in the family's vault
    child_id: int
    plan: Plan
    imported_at: dt.datetime
    ended_at: dt.datetime | None = None
    records: dict[str, TaskRecord] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)


@dataclass(frozen=True)
class Withheld:
    """A section the parent chose to leave out of the report, and why (if they said)."""

    reason: str = ""


@dataclass(frozen=True)
class ReportSection:
    """One part of a report: a week's task, the answers, the journal summary, a note.

    ``key`` names it ("w2.talk", "answers", "journal-summary", "journal-entries", "chart",
    "note"); ``title`` is what the counsellor reads; ``lines`` the content (plain text, one
    line each); ``withheld`` set means the parent left it out (``lines`` is then empty)."""

    key: str
    title: str
    lines: tuple[str, ...] = ()
    withheld: Withheld | None = None


@dataclass(frozen=True)
class Report:
    plan_id: str
    plan_version: int
    plan_title: str
    family_label: str
    written_at: dt.datetime
    period_start: dt.date
    period_end: dt.date
    sections: tuple[ReportSection, ...]
    task_records: tuple[TaskRecord, ...] = ()  # only the ones the parent ticked
    answers: tuple[Answer, ...] = ()  # only the ones the parent ticked
