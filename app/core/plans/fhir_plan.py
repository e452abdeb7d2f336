"""A counsellor's plan as a ``.porchplan`` file: a FHIR R4 ``Bundle`` of type ``collection``.

The bundle holds one ``CarePlan`` and one ``Questionnaire``, both standard R4, both carrying
the plan id (``identifier``) and version (``meta.versionId``) and a readable narrative:

- ``CarePlan``: status active, intent plan; ``title``; ``subject.display`` the family label;
  ``category`` the age band; ``period`` the start (and ``end`` = when it expires, if ever);
  ``note`` the counsellor's contact line; one ``activity.detail`` (kind Task) per week in
  order, with ``scheduledPeriod`` that week's seven days, ``code`` the topic, starter and
  refusal ids under Porchlight code systems, ``description`` the note to the parent; and an
  optional check-in suggestion (kind Appointment, ``scheduledTiming`` day and time).
- ``Questionnaire``: a ``group`` per week (``linkId`` "w3") holding the things to watch as
  ``display`` items coded with sign ids and the weekly questions as ``boolean`` (yes/no),
  ``integer`` (a 1–5 scale), ``choice`` (``answerOption``) or ``string`` items.

Library ids this version does not know are kept (``unknown_ids`` names them for the preview).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

import msgspec

from app.core.content.model import Library
from app.core.plans.fhir_base import (
    ACTIVITY_SYSTEM,
    BAND_SYSTEM,
    FAMILY_SYSTEM,
    PLAN_SYSTEM,
    REFUSAL_SYSTEM,
    SIGN_SYSTEM,
    STARTER_SYSTEM,
    TOPIC_SYSTEM,
    Annotation,
    CodeableConcept,
    Coding,
    Identifier,
    Meta,
    Period,
    Reference,
    line_or_none,
    narrative,
    read_guarded,
    text_or_none,
)
from app.core.plans.fhir_plan_read import read_bundle
from app.core.plans.fhir_plan_types import (
    KIND_TO_TYPE,
    QUESTIONNAIRE_URL,
    WEEKDAYS,
    Activity,
    AnswerOption,
    CarePlan,
    Detail,
    Item,
    PlanBundle,
    PlanEntry,
    Questionnaire,
    Timing,
    TimingRepeat,
)
from app.core.plans.model import Plan, PlanWeek

# ---------------------------------------------------------------- writing


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def plan_to_bundle(plan: Plan, library: Library | None = None) -> dict:
    """The plan as FHIR R4 JSON values; ``library`` (if given) adds readable names to codes."""
    return msgspec.json.decode(msgspec.json.encode(_bundle(plan, library)))


def plan_bytes(plan: Plan, library: Library | None = None) -> bytes:
    """The ``.porchplan`` file's bytes: indented UTF-8 JSON, the same for the same plan."""
    return msgspec.json.format(msgspec.json.encode(_bundle(plan, library)), indent=2)


def _bundle(plan: Plan, library: Library | None) -> PlanBundle:
    names = _Names(library)
    meta = Meta(version_id=str(plan.version))
    ident = (Identifier(system=PLAN_SYSTEM, value=plan.id),)
    care = CarePlan(
        id=plan.id, meta=meta, identifier=ident, status="active", intent="plan",
        text=narrative(_plan_words(plan), (_week_words(w, names) for w in plan.weeks)),
        category=(CodeableConcept(coding=(Coding(system=BAND_SYSTEM, code=plan.band),),
                                  text=f"Ages {plan.band}"),),
        title=line_or_none(plan.title),
        subject=Reference(identifier=Identifier(system=FAMILY_SYSTEM, value=plan.id),
                          display=line_or_none(plan.family_label)),
        period=Period(start=plan.start, end=plan.expires),
        activity=tuple(_week_activity(plan, week, names) for week in plan.weeks)
        + _checkin(plan),
        note=tuple(Annotation(text=t) for t in [text_or_none(plan.counsellor_contact)] if t),
    )
    questions = Questionnaire(
        id=plan.id, meta=meta, identifier=ident,
        url=f"{QUESTIONNAIRE_URL}/{plan.id}", version=str(plan.version),
        title=line_or_none(plan.title), status="active",
        text=narrative([f"Things to watch and weekly questions: {plan.title}"],
                       _question_words(plan, names)),
        item=tuple(_week_group(week, names) for week in plan.weeks
                   if week.watch or week.questions),
    )
    bundle = PlanBundle(
        id=plan.id, identifier=Identifier(system=PLAN_SYSTEM, value=plan.id), type="collection",
        entry=(PlanEntry(full_url=entry_url(plan.id, "CarePlan"), resource=care),
               PlanEntry(full_url=entry_url(plan.id, "Questionnaire"), resource=questions)),
    )
    return bundle


def entry_url(plan_id: str, part: str) -> str:
    """A stable ``urn:uuid`` for one resource of a plan: the same plan gives the same file."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{PLAN_SYSTEM}/{plan_id}/{part}')}"


def _week_activity(plan: Plan, week: PlanWeek, names: _Names) -> Activity:
    first = plan.start + dt.timedelta(weeks=week.number - 1)
    coding = ([names.coding(TOPIC_SYSTEM, t) for t in week.topics]
              + [names.coding(STARTER_SYSTEM, s) for s in week.starters]
              + ([names.coding(REFUSAL_SYSTEM, week.refusal)] if week.refusal else []))
    return Activity(detail=Detail(
        kind="Task", status="not-started",
        code=CodeableConcept(coding=tuple(coding), text=f"Week {week.number}") if coding else None,
        scheduled_period=Period(start=first, end=first + dt.timedelta(days=6)),
        description=text_or_none(week.note),
    ))


def _checkin(plan: Plan) -> tuple[Activity, ...]:
    if plan.checkin_weekday is None and plan.checkin_time is None:
        return ()
    repeat = TimingRepeat(
        frequency=1, period=1, period_unit="wk",
        day_of_week=(WEEKDAYS[plan.checkin_weekday],) if plan.checkin_weekday is not None else (),
        time_of_day=(plan.checkin_time,) if plan.checkin_time is not None else ())
    code = CodeableConcept(coding=(Coding(system=ACTIVITY_SYSTEM, code="check-in"),),
                           text="A suggested weekly check-in")
    return (Activity(detail=Detail(kind="Appointment", status="not-started", code=code,
                                   scheduled_timing=Timing(repeat=repeat))),)


def _week_group(week: PlanWeek, names: _Names) -> Item:
    watch = tuple(Item(link_id=f"w{week.number}.watch{i}", type="display",
                       code=(names.coding(SIGN_SYSTEM, sign),),
                       text=f"Watch for: {names.name(SIGN_SYSTEM, sign)}")
                  for i, sign in enumerate(week.watch, start=1))
    asked = tuple(Item(link_id=q.id, type=KIND_TO_TYPE[q.kind], text=line_or_none(q.text),
                       answer_option=tuple(AnswerOption(value_string=line_or_none(c))
                                           for c in q.choices))
                  for q in week.questions)
    return Item(link_id=f"w{week.number}", type="group", text=f"Week {week.number}",
                item=watch + asked)


class _Names:
    """Readable names for codes, from the library when the writer has one (else the ids)."""

    def __init__(self, library: Library | None) -> None:
        self.by_id: dict[str, str] = {}
        if library is not None:
            self.by_id.update({t.id: t.title for t in library.topics})
            self.by_id.update({s.id: s.text for s in library.starters()})
            self.by_id.update({r.id: r.text for r in library.refusals})
            self.by_id.update({s.id: s.text for s in library.signs})

    def name(self, system: str, code: str) -> str:
        return self.by_id.get(code, code)

    def coding(self, system: str, code: str) -> Coding:
        return Coding(system=system, code=code, display=self.by_id.get(code))


def _plan_words(plan: Plan) -> list[str]:
    words = [plan.title, f"For: {plan.family_label}", f"Ages {plan.band}",
             f"Starts {plan.start.isoformat()}, {len(plan.weeks)} week(s)."]
    if plan.expires:
        words.append(f"Use until {plan.expires.isoformat()}.")
    if plan.checkin_weekday is not None or plan.checkin_time is not None:
        day = DAY_NAMES[plan.checkin_weekday] if plan.checkin_weekday is not None else ""
        at = plan.checkin_time.strftime("%H:%M") if plan.checkin_time else ""
        words.append(f"Suggested check-in: {day} {at}".strip())
    if plan.counsellor_contact:
        words.append(f"Counsellor: {plan.counsellor_contact}")
    return words


def _week_words(week: PlanWeek, names: _Names) -> str:
    parts = []
    if week.topics or week.starters:
        parts.append("talk about " + ", ".join(
            [names.name(TOPIC_SYSTEM, t) for t in week.topics]
            + [names.name(STARTER_SYSTEM, s) for s in week.starters]))
    if week.refusal:
        parts.append("practise saying: " + names.name(REFUSAL_SYSTEM, week.refusal))
    if week.note:
        parts.append(week.note)
    return f"Week {week.number}: " + ("; ".join(parts) or "no tasks")


def _question_words(plan: Plan, names: _Names) -> Iterable[str]:
    for week in plan.weeks:
        for sign in week.watch:
            yield f"Week {week.number}, watch for: {names.name(SIGN_SYSTEM, sign)}"
        for question in week.questions:
            yield f"Week {week.number}, {question.kind}: {question.text}"


# ---------------------------------------------------------------- reading


def read_plan(data: bytes, source: str) -> Plan:
    """The plan in a ``.porchplan`` file, or ``PlanFileError`` naming every problem found.

    An expired plan is read as any other (``Plan.expires`` tells the page to say so)."""
    return read_bundle(read_guarded(data, PlanBundle, "collection", source), source)


def unknown_ids(plan: Plan, library: Library) -> list[str]:
    """Library ids in the plan that this version's library does not have (kept, but shown)."""
    known = ({t.id for t in library.topics} | {s.id for s in library.starters()}
             | {r.id for r in library.refusals} | {s.id for s in library.signs})
    found: list[str] = []
    for week in plan.weeks:
        for item in (*week.topics, *week.starters, week.refusal, *week.watch):
            if item and item not in known and item not in found:
                found.append(item)
    return found
