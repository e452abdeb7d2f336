"""The progress report put into words: every section's title and lines, and the ``Report``.

The parent's choices (``ReportChoices``: the sections ticked, a reason for any left out, the
entries ticked, facts only or with what they think, a free note) and what was read
(``ReportData``, the ticked entries in full) become one ``Report``. The preview, the PDF, the
JSON and the HTML copy are all made from that one value, so they cannot disagree, and a section
left out is handed to ``assemble_sections`` with no lines at all: its words never reach a file.

Words are made here, in the parent's language, because the counsellor reads what the parent
saw; the machine-readable parts (task records, answers) go along as values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.journal.model import Entry
from app.core.journal.trends import Week, monday_of, weekly_counts
from app.core.plans.model import PlanWeek, Report, TaskRecord
from app.core.plans.progress import (
    CHART,
    JOURNAL_ENTRIES,
    JOURNAL_SUMMARY,
    NOTE,
    PROGRESS,
    SectionSlot,
    assemble_sections,
    report_slots,
)
from app.ui.dates import date_words, short_moment
from app.ui.journal.export_document import field_label, strength_words
from app.ui.plans.plan_words import (
    answer_words,
    refusal_text,
    sign_text,
    task_title,
    times_words,
    topic_title,
)
from app.ui.plans.report_data import ReportData
from app.ui.translate import _tr

MAX_CHART_WEEKS = 13  # a plan runs 12 weeks at most; its period can touch one more Monday


@dataclass
class ReportChoices:
    """What the parent ticked on the report writer."""

    included: set[str] = field(default_factory=set)  # section keys
    reasons: dict[str, str] = field(default_factory=dict)  # section key → why it is left out
    entry_ids: list[int] = field(default_factory=list)  # journal entries ticked
    with_thoughts: bool = False  # entries: facts only (the default), or with what they think
    note: str = ""


def section_title(slot: SectionSlot) -> str:
    week = slot.week or 0
    if slot.kind == "task":
        return _tr("Week {week}: {task}").format(week=week, task=task_title(slot.key))
    if slot.kind == "answers":
        return _tr("Week {week}: answers to your questions").format(week=week)
    return {PROGRESS: _tr("Progress through the plan"),
            JOURNAL_SUMMARY: _tr("Journal: signs noted, by kind"),
            JOURNAL_ENTRIES: _tr("Journal: entries the parent chose"),
            CHART: _tr("Journal: signs per week"),
            NOTE: _tr("A note from the parent")}.get(slot.key, slot.key)


def chart_weeks(data: ReportData) -> list[Week]:
    """Signs per week by kind over the report's period (Monday weeks in the parent's zone)."""
    weeks = (data.last_day - monday_of(data.first_day)).days // 7 + 1
    return weekly_counts(data.events, min(weeks, MAX_CHART_WEEKS), data.last_day, data.zone)


def build_report(data: ReportData, choices: ReportChoices, entries: Sequence[Entry],
                 library: object, written_at: dt.datetime) -> Report:
    """The report: ticked sections worded, every other one withheld with the parent's reason.

    ``entries`` must be the ticked entries only (``report_data.ticked_entries``)."""
    plan = data.active.plan
    slots = report_slots(plan)
    included = set(choices.included)
    if not entries:
        included.discard(JOURNAL_ENTRIES)  # nothing ticked in the list: the section is left out
    weeks = {week.number: week for week in plan.weeks}
    lines: dict[str, list[str]] = {}
    for slot in slots:
        if slot.key not in included:
            continue  # never worded: a section left out cannot leak a word
        if slot.kind == "task":
            lines[slot.key] = _task_lines(data, weeks[slot.week or 0], slot, library)
        elif slot.kind == "answers":
            lines[slot.key] = _answer_lines(data, weeks[slot.week or 0])
        elif slot.key == PROGRESS:
            lines[slot.key] = _progress_lines(data)
        elif slot.key == JOURNAL_SUMMARY:
            lines[slot.key] = _summary_lines(data, library)
        elif slot.key == JOURNAL_ENTRIES:
            lines[slot.key] = [_entry_line(e, data, library, choices.with_thoughts)
                               for e in entries]
        elif slot.key == CHART:
            lines[slot.key] = _chart_lines(chart_weeks(data), library)
        elif slot.key == NOTE:
            lines[slot.key] = [line.strip() for line in choices.note.splitlines() if line.strip()]
    titles = {slot.key: section_title(slot) for slot in slots}
    sections = assemble_sections(slots, titles, lines, included, choices.reasons)
    records = tuple(record for key, record in sorted(data.active.records.items())
                    if key in included)
    answers = tuple(answer for week in plan.weeks if f"w{week.number}.answers" in included
                    for q in week.questions
                    if (answer := data.active.answers.get(q.id)) is not None)
    return Report(plan.id, plan.version, plan.title, plan.family_label, written_at,
                  data.first_day, data.last_day, sections, records, answers)


def _progress_lines(data: ReportData) -> list[str]:
    p = data.progress
    refusal_weeks = sum(bool(week.refusal) for week in data.active.plan.weeks)
    return [
        _tr("Period: {first} to {last}").format(first=date_words(data.first_day),
                                               last=date_words(data.last_day)),
        _tr("Weeks done: {done} of {total}").format(done=p.weeks_done, total=len(p.weeks)),
        _tr("Talks held: {n}").format(n=p.talks_held),
        _tr("Refusal lines practised: {n} of {total}").format(n=p.refusals_practised,
                                                              total=refusal_weeks),
        _tr("Questions answered: {n} of {total}").format(n=p.questions_answered,
                                                         total=p.questions_total),
    ]


def _task_lines(data: ReportData, week: PlanWeek, slot: SectionSlot,
                library: object) -> list[str]:
    progress = data.progress.weeks[week.number - 1]
    lines = []
    if slot.task == "talk":
        titles = [topic_title(library, t) for t in week.topics]
        if titles:
            lines.append(_tr("Topics: {topics}").format(topics=", ".join(titles)))
        lines.append(_tr("Talks held that week: {n}").format(n=progress.talks))
        talked = [topic_title(library, t) for t in progress.plan_topics_talked]
        if talked:
            lines.append(_tr("Plan topics talked about: {topics}").format(
                topics=", ".join(talked)))
    elif slot.task == "refusal":
        lines.append(_tr("Refusal line: {line}").format(line=refusal_text(library,
                                                                          week.refusal)))
    elif slot.task == "watch":
        lines.append(_tr("Things to watch: {signs}").format(
            signs="; ".join(sign_text(library, s).rstrip(".") for s in week.watch)))
        noted = sum(1 for e in data.events if e.sign_id in week.watch
                    and progress.first_day <= e.noted_at.astimezone(data.zone).date()
                    <= progress.last_day)
        lines.append(_tr("Times any of these were noted in the journal that week: {n}")
                     .format(n=noted))
    return lines + _record_lines(data.active.records.get(slot.key))


def _record_lines(record: TaskRecord | None) -> list[str]:
    """How the task went, in the Homework Rating Scale's terms, as the parent recorded it."""
    if record is None:
        return [_tr("How it went was not recorded.")]
    lines = [times_words(record.times_done)]
    if record.how_it_went is not None:
        lines.append(_tr("How it went: {n} of 5 (5 is very well)").format(n=record.how_it_went))
    if record.how_hard is not None:
        lines.append(_tr("How hard it was: {n} of 5 (5 is very hard)").format(
            n=record.how_hard))
    for label, text in ((_tr("What got in the way: {text}"), record.got_in_the_way),
                        (_tr("What helped: {text}"), record.helped),
                        (_tr("Question for the next session: {text}"),
                         record.question_for_next)):
        if text.strip():
            lines.append(label.format(text=" ".join(text.split())))
    return lines


def _answer_lines(data: ReportData, week: PlanWeek) -> list[str]:
    return [_tr("{question} — {answer}").format(
        question=q.text, answer=answer_words(q, data.active.answers.get(q.id)))
        for q in week.questions]


def _category_titles(library: object) -> dict[str, str]:
    titles = {c.id: c.title for c in getattr(library, "sign_categories", ()) or ()}
    titles[""] = _tr("The parent's own words (tags)")
    return titles


def _summary_lines(data: ReportData, library: object) -> list[str]:
    if not data.counts:
        return [_tr("No signs were noted in the journal in this period.")]
    titles = _category_titles(library)
    lines = [_tr("{kind}: {n}").format(kind=titles.get(category, category), n=count)
             for category, count in data.counts.items()]
    lines.append(_tr("In all: {n}").format(n=sum(data.counts.values())))
    return lines


def _entry_line(entry: Entry, data: ReportData, library: object, with_thoughts: bool) -> str:
    """One entry on one line: when, the signs, then the facts (and, if chosen, the thoughts)."""
    f = entry.fields
    parts = [short_moment(f.noted_at, data.zone)]
    signs = [sign_text(library, s).rstrip(".") for s in f.signs] + list(f.tags)
    if signs:
        parts.append("; ".join(signs))
    names = ("saw", "place", "did", "think") if with_thoughts else ("saw", "place", "did")
    for name in names:
        text = " ".join(getattr(f, name).split())
        if text:
            parts.append(_tr("{label}: {text}").format(label=field_label(name), text=text))
    if with_thoughts and f.strength:
        parts.append(_tr("{label}: {text}").format(label=field_label("strength"),
                                                   text=strength_words(f.strength)))
    return " — ".join(parts)


def _chart_lines(weeks: Sequence[Week], library: object) -> list[str]:
    """The chart's numbers, a line per week: the table twin a screen reader reads."""
    titles = _category_titles(library)
    lines = []
    for week in weeks:
        kinds = Counter({k: n for k, n in week.counts.items() if n})
        detail = ", ".join(f"{titles.get(k, k)} {n}" for k, n in kinds.most_common())
        words = (_tr("Week of {day}: %n sign", "", week.total) if week.total == 1
                 else _tr("Week of {day}: %n signs", "", week.total)).format(
            day=date_words(week.start))
        lines.append(f"{words} ({detail})" if detail else words)
    return lines
