"""How a counsellor's plan is put into words for the parent, in one place.

The import preview, the Plans page and the dialogs all say "Week 3 of 6", name a task, word a
rating or an answer the same way, so a plan reads alike wherever it appears and is translated
once. Library ids are turned into titles here; an id this version of Porchlight does not know
is said plainly rather than hidden, since the counsellor chose it for a reason.
Words from the plan file itself are only ever handed on as plain text (see ``plain_label``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.plans.fhir_base import WHOLE_FILE
from app.core.plans.model import Answer, Plan, Question, TaskRecord
from app.core.plans.progress import Progress
from app.ui.coach.words import weeks_words
from app.ui.dates import date_words, time_words, weekday_name
from app.ui.translate import _tr


def plain_label(text: str, name: str = "", *, muted: bool = False) -> QLabel:
    """A label for words that came from a plan file: never rich text, whatever they hold."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setProperty("muted", True)
    if name:
        label.setObjectName(name)
    return label


def unknown_words(item_id: str) -> str:
    return _tr("{id} (not in this version of Porchlight)").format(id=item_id)


def topic_title(library: Any, topic_id: str) -> str:
    topic = library.topic(topic_id) if library is not None else None
    return topic.title if topic is not None else unknown_words(topic_id)


def starter_text(library: Any, starter_id: str) -> str:
    starter = library.starter(starter_id) if library is not None else None
    return f"“{starter.text}”" if starter is not None else unknown_words(starter_id)


def refusal_text(library: Any, refusal_id: str) -> str:
    found = next((r for r in getattr(library, "refusals", ()) if r.id == refusal_id), None)
    return f"“{found.text}”" if found is not None else unknown_words(refusal_id)


def sign_text(library: Any, sign_id: str) -> str:
    found = next((s for s in getattr(library, "signs", ()) if s.id == sign_id), None)
    return found.text if found is not None else unknown_words(sign_id)


def week_of_words(number: int, total: int) -> str:
    return _tr("Week {number} of {total}").format(number=number, total=total)


def plan_span_words(plan: Plan) -> str:
    """"Starts Monday, 7 December 2026 · 6 weeks · ends Monday, 18 January 2027"."""
    last_day = plan.end.toordinal() - 1
    return _tr("Starts {start} · {weeks} · ends {end}").format(
        start=date_words(plan.start), weeks=weeks_words(len(plan.weeks)),
        end=date_words(plan.start.fromordinal(last_day)))


def checkin_words(plan: Plan) -> str:
    """The counsellor's suggested check-in, or "" when the plan suggests none."""
    if plan.checkin_weekday is None and plan.checkin_time is None:
        return ""
    if plan.checkin_time is None:
        return _tr("Suggested check-in: {day}s").format(day=weekday_name(plan.checkin_weekday or 0))
    if plan.checkin_weekday is None:
        return _tr("Suggested check-in: at {time}").format(time=time_words(plan.checkin_time))
    return _tr("Suggested check-in: {day}s at {time}").format(
        day=weekday_name(plan.checkin_weekday), time=time_words(plan.checkin_time))


def task_title(task_id: str) -> str:
    """"w2.talk" → what the parent does that week, in words."""
    kind = task_id.rsplit(".", 1)[-1]
    if kind == "talk":
        return _tr("Talk about this week's topics")
    if kind == "refusal":
        return _tr("Practise the refusal line")
    if kind == "watch":
        return _tr("Watch for the things listed")
    return _tr("Answer the questions")


def how_it_went_ends() -> tuple[str, str]:
    return _tr("Badly"), _tr("Very well")


def how_hard_ends() -> tuple[str, str]:
    return _tr("Easy"), _tr("Very hard")


def scale_ends() -> tuple[str, str]:
    return _tr("Not at all"), _tr("A lot")


def record_words(record: TaskRecord | None) -> str:
    """One line on how a task went: "Done 2 times · went 4 of 5 · hard 2 of 5"."""
    if record is None:
        return _tr("Not recorded yet")
    parts = [times_words(record.times_done)]
    if record.how_it_went is not None:
        parts.append(_tr("went {n} of 5").format(n=record.how_it_went))
    if record.how_hard is not None:
        parts.append(_tr("hard {n} of 5").format(n=record.how_hard))
    return " · ".join(parts)


def progress_words(progress: Progress, weeks: int) -> str:
    """"2 of 6 weeks done · 3 talks held · refusal line practised in 2 weeks · 4 of 12
    questions answered": the plan so far, in the numbers the report uses."""
    talks = progress.talks_held
    refusals = progress.refusals_practised
    return " · ".join((
        _tr("{done} of {weeks} weeks done").format(done=progress.weeks_done, weeks=weeks),
        _tr("%n talk held", "", talks) if talks == 1 else _tr("%n talks held", "", talks),
        (_tr("refusal line not practised yet") if not refusals
         else _tr("refusal line practised in %n week", "", refusals) if refusals == 1
         else _tr("refusal line practised in %n weeks", "", refusals)),
        _tr("{answered} of {total} questions answered").format(
            answered=progress.questions_answered, total=progress.questions_total)))


def times_words(times: int) -> str:
    if not times:
        return _tr("Not done yet")
    return _tr("Done %n time", "", times) if times == 1 else _tr("Done %n times", "", times)


def question_kind_words(question: Question) -> str:
    if question.kind == "yes-no":
        return _tr("Yes or no")
    if question.kind == "scale":
        return _tr("From 1 (not at all) to 5 (a lot)")
    if question.kind == "choice":
        return _tr("Choose one: {choices}").format(choices=" / ".join(question.choices))
    return _tr("A few words")


def answer_words(question: Question, answer: Answer | None) -> str:
    if answer is None:
        return _tr("Not answered yet")
    if question.kind == "yes-no":
        return _tr("Yes") if answer.value == "yes" else _tr("No")
    if question.kind == "scale":
        return _tr("{n} of 5").format(n=answer.value)
    return answer.value


def privacy_words() -> str:
    return _tr("Importing reads nothing from your family's notes or talks and sends nothing "
               "anywhere. It only adds this plan to Porchlight on this computer; you can end "
               "it at any time.")


def expired_words(plan: Plan) -> str:
    if plan.expires is None:
        return ""
    return _tr("This plan expired on {date}. You can read it, but it can't be imported. Ask "
               "your counsellor for a new copy.").format(date=date_words(plan.expires))


def problem_lines(problems: list[tuple[str, str]]) -> str:
    """The file's problems, one per line, each naming the field it is about (in the file's own
    spelling, so a counsellor can find it); a problem with the whole file says so."""
    lines = []
    for field, message in problems:
        if not field:
            lines.append(message)
        elif field == WHOLE_FILE:
            lines.append(_tr("The file {problem}").format(problem=message))
        else:
            lines.append(_tr("{field}: {problem}").format(field=field, problem=message))
    return "\n".join(lines)
