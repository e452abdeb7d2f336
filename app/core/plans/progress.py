"""How far a family is through a counsellor's plan, and which sections its report can hold.

Counsellors want more than ticks (the Homework Rating Scale): per week, how many talks were
held, whether the refusal line was practised, which questions were answered; over the plan's
period, how many signs were noted in the journal by kind. This module turns an ``ActivePlan``,
the talks held and the journal's sign events into those numbers, and lays out the report's
sections in a fixed order, each either filled or ``withheld`` — a section the parent left out
is always named as such, never silently missing (research: professionals notice gaps and
distrust records whose redactions are unexplained).

Pure: no Qt, no database, no words. The screen words every title and line in the parent's
language and hands them back to ``assemble_sections``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.journal.model import SignEvent
from app.core.plans.model import ActivePlan, Plan, ReportSection, Withheld

# The sections of a report that are not a week's, in the order a counsellor reads them.
PROGRESS, JOURNAL_SUMMARY, JOURNAL_ENTRIES, CHART, NOTE = (
    "progress", "journal-summary", "journal-entries", "chart", "note")
TASKS = ("talk", "refusal", "watch")


@dataclass(frozen=True)
class TalkHeld:
    """One talk with the child, as the progress counts it (its local day and what it covered)."""

    on: dt.date
    topics: tuple[str, ...] = ()
    practised: bool = False  # the refusal line was practised in it


@dataclass(frozen=True)
class WeekProgress:
    number: int
    first_day: dt.date
    last_day: dt.date
    state: str  # "done" (the week is over), "current" or "to-come"
    talks: int  # talks held that week
    plan_topics_talked: tuple[str, ...]  # the week's own topics that came up in those talks
    refusal_practised: bool  # in a talk, or recorded by the parent for the refusal task
    questions: int
    answered: int


@dataclass(frozen=True)
class Progress:
    weeks: tuple[WeekProgress, ...]
    current: int | None  # the week today is in (None before the start, after the end)
    weeks_done: int
    talks_held: int
    refusals_practised: int  # weeks whose refusal line was practised
    questions_total: int
    questions_answered: int


@dataclass(frozen=True)
class SectionSlot:
    """A section the report can hold: ``key`` as in ``ReportSection``, ``kind`` says which."""

    key: str  # "w2.talk", "w2.answers", "progress", "journal-summary", …
    kind: str  # "task", "answers", or the key itself for the plan-wide sections
    week: int | None = None
    task: str = ""  # for kind "task": one of TASKS


def report_period(active: ActivePlan, today: dt.date) -> tuple[dt.date, dt.date]:
    """From the plan's first day to its last, or to today if the plan is still running."""
    plan = active.plan
    last = plan.end - dt.timedelta(days=1)
    if active.ended_at is not None:
        last = min(last, active.ended_at.date())
    return plan.start, max(plan.start, min(last, today))


def plan_progress(active: ActivePlan, talks: Iterable[TalkHeld], today: dt.date) -> Progress:
    """Per week and in total: talks held, refusals practised, questions answered."""
    plan, held = active.plan, sorted(talks, key=lambda t: t.on)
    weeks = []
    for week in plan.weeks:
        first = plan.start + dt.timedelta(weeks=week.number - 1)
        last = first + dt.timedelta(days=6)
        in_week = [t for t in held if first <= t.on <= last]
        covered = {topic for t in in_week for topic in t.topics}
        record = active.records.get(f"w{week.number}.refusal")
        practised = bool(week.refusal) and (any(t.practised for t in in_week)
                                            or (record is not None and record.times_done > 0))
        state = "done" if last < today else "current" if first <= today else "to-come"
        weeks.append(WeekProgress(
            week.number, first, last, state, len(in_week),
            tuple(topic for topic in week.topics if topic in covered), practised,
            len(week.questions), sum(q.id in active.answers for q in week.questions)))
    current = plan.week_of(today) if active.ended_at is None else None
    return Progress(tuple(weeks), current, sum(w.state == "done" for w in weeks),
                    sum(w.talks for w in weeks), sum(w.refusal_practised for w in weeks),
                    sum(w.questions for w in weeks), sum(w.answered for w in weeks))


def category_counts(events: Iterable[SignEvent], first_day: dt.date, last_day: dt.date,
                    zone: dt.tzinfo) -> dict[str, int]:
    """Signs noted per category between two local days (inclusive), most first.

    The caregiver's own tags (no category) are counted under "" so the total stays honest."""
    counted = Counter(event.category for event in events
                      if first_day <= event.noted_at.astimezone(zone).date() <= last_day)
    return dict(sorted(counted.items(), key=lambda item: (-item[1], item[0])))


def report_slots(plan: Plan) -> list[SectionSlot]:
    """Every section a report on this plan can hold, in reading order."""
    slots = [SectionSlot(PROGRESS, PROGRESS)]
    for week in plan.weeks:
        for task_id in week.task_ids():
            slots.append(SectionSlot(task_id, "task", week.number, task_id.split(".", 1)[1]))
        if week.questions:
            slots.append(SectionSlot(f"w{week.number}.answers", "answers", week.number))
    slots += [SectionSlot(key, key) for key in (JOURNAL_SUMMARY, JOURNAL_ENTRIES, CHART, NOTE)]
    return slots


def assemble_sections(slots: Sequence[SectionSlot], titles: Mapping[str, str],
                      lines: Mapping[str, Sequence[str]], included: Iterable[str],
                      reasons: Mapping[str, str]) -> tuple[ReportSection, ...]:
    """The report's sections: ticked ones with their lines, every other one withheld.

    A withheld section carries only its title and the parent's reason (trimmed; may be
    empty); its lines are never looked at, so nothing of it can reach the files."""
    chosen = set(included)
    sections = []
    for slot in slots:
        title = titles.get(slot.key, slot.key)
        if slot.key in chosen:
            sections.append(ReportSection(slot.key, title, tuple(lines.get(slot.key, ()))))
        else:
            reason = " ".join(reasons.get(slot.key, "").split())
            sections.append(ReportSection(slot.key, title, (), Withheld(reason)))
    return tuple(sections)
