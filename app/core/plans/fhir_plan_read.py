"""From a decoded plan bundle to a ``Plan``, naming every problem msgspec's types cannot see.

msgspec has already checked the types and the required fields (and stopped at the first
problem); what is left is the meaning: one CarePlan and one Questionnaire, a plan id and
version on both, weeks in order with their own seven days, question ids that are unique, a
choice with something to choose. Every problem found is collected (not just the first), each
with its field path, so one ``plan check`` run shows the counsellor everything to fix.
"""

from __future__ import annotations

import datetime as dt
import re

from app.core.content.model import BAND_ORDER
from app.core.plans.fhir_base import (
    ACTIVITY_SYSTEM,
    BAND_SYSTEM,
    PLAN_SYSTEM,
    REFUSAL_SYSTEM,
    SIGN_SYSTEM,
    STARTER_SYSTEM,
    TOPIC_SYSTEM,
    CodeableConcept,
    Identifier,
    Meta,
    PlanFileError,
    Problem,
    clean,
    one_line,
)
from app.core.plans.fhir_plan_types import (
    TYPE_TO_KIND,
    WEEKDAYS,
    Activity,
    CarePlan,
    Item,
    PlanBundle,
    Questionnaire,
)
from app.core.plans.model import MAX_WEEKS, Plan, PlanWeek, Question

PLAN_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
LIBRARY_ID = re.compile(r"^[a-z0-9][a-z0-9._\-]{0,119}$")
WEEK_LINK = re.compile(r"^w([1-9][0-9]?)$")
CODE_SYSTEMS = {TOPIC_SYSTEM: "topics", STARTER_SYSTEM: "starters", REFUSAL_SYSTEM: "refusal"}


def read_bundle(bundle: PlanBundle, source: str) -> Plan:
    reader = _Reader()
    plan = reader.plan(bundle)
    if reader.problems or plan is None:
        raise PlanFileError(reader.problems, source)
    return plan


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def plan(self, bundle: PlanBundle) -> Plan | None:
        cares = [(i, e.resource) for i, e in enumerate(bundle.entry)
                 if isinstance(e.resource, CarePlan)]
        asks = [(i, e.resource) for i, e in enumerate(bundle.entry)
                if isinstance(e.resource, Questionnaire)]
        if len(cares) != 1:
            self.add("entry", f"holds {len(cares)} CarePlan resources; a plan has exactly one")
        if len(asks) != 1:
            self.add("entry", f"holds {len(asks)} Questionnaire resources; a plan has exactly one")
        if self.problems:
            return None
        (ci, care), (qi, asked) = cares[0], asks[0]
        at, qat = f"entry[{ci}].resource", f"entry[{qi}].resource"
        plan_id = self.plan_id(care.identifier, f"{at}.identifier")
        version = self.version(care.meta, f"{at}.meta.versionId")
        if plan_id and self.plan_id(asked.identifier, f"{qat}.identifier") not in (None, plan_id):
            self.add(f"{qat}.identifier", "names another plan than the CarePlan does")
        band = self.band(care.category, f"{at}.category")
        start = care.period.start
        if start is None:
            self.add(f"{at}.period.start", "is missing")
        if care.period.end is not None and start is not None and care.period.end < start:
            self.add(f"{at}.period.end", "is before the start")
        weeks, checkin_day, checkin_time = self.activities(care.activity, start, f"{at}.activity")
        weeks = self.questions(asked.item, weeks, f"{qat}.item")
        if self.problems or plan_id is None or version is None or band is None or start is None:
            return None
        return Plan(
            id=plan_id, version=version, title=one_line(care.title or ""),
            family_label=one_line(care.subject.display or ""), band=band, start=start,
            weeks=tuple(weeks), checkin_weekday=checkin_day, checkin_time=checkin_time,
            counsellor_contact=clean(care.note[0].text).strip() if care.note else "",
            expires=care.period.end)

    def plan_id(self, identifiers: tuple[Identifier, ...], path: str) -> str | None:
        for i, ident in enumerate(identifiers):
            if ident.system == PLAN_SYSTEM:
                if ident.value and PLAN_ID.match(ident.value):
                    return ident.value
                self.add(f"{path}[{i}].value", "is not a plan id (letters, digits, - and .)")
                return None
        self.add(path, f"has no plan id (an identifier with system {PLAN_SYSTEM})")
        return None

    def version(self, meta: Meta | None, path: str) -> int | None:
        value = meta.version_id if meta else None
        if value is None:
            self.add(path, "is missing (the plan's version, 1 or more)")
        elif not value.isascii() or not value.isdigit() or int(value) < 1:
            self.add(path, f"is {value!r}; the plan's version is a whole number, 1 or more")
        else:
            return int(value)
        return None

    def band(self, categories: tuple[CodeableConcept, ...], path: str) -> str | None:
        for i, concept in enumerate(categories):
            for j, coding in enumerate(concept.coding):
                if coding.system == BAND_SYSTEM:
                    if coding.code in BAND_ORDER:
                        return coding.code
                    self.add(f"{path}[{i}].coding[{j}].code",
                             f"is not an age band ({', '.join(BAND_ORDER)})")
                    return None
        self.add(path, f"has no age band (a coding with system {BAND_SYSTEM})")
        return None

    def activities(self, activities: tuple[Activity, ...], start: dt.date | None,
                   path: str) -> tuple[list[PlanWeek], int | None, dt.time | None]:
        weeks: list[PlanWeek] = []
        day: int | None = None
        time: dt.time | None = None
        checkins = 0
        for i, activity in enumerate(activities):
            detail, at = activity.detail, f"{path}[{i}].detail"
            if detail.kind == "Appointment":
                checkins += 1
                if checkins > 1:
                    self.add(at, "is a second check-in; a plan suggests at most one")
                day, time = self.checkin(activity, at)
                continue
            weeks.append(self.week(activity, len(weeks) + 1, start, at))
        if not weeks:
            self.add(path, "has no weeks (activities of kind Task); a plan has 1 to 12")
        elif len(weeks) > MAX_WEEKS:
            self.add(path, f"has {len(weeks)} weeks; a plan has at most {MAX_WEEKS}")
        return weeks, day, time

    def checkin(self, activity: Activity, at: str) -> tuple[int | None, dt.time | None]:
        detail = activity.detail
        codes = [c.code for c in (detail.code.coding if detail.code else ())
                 if c.system == ACTIVITY_SYSTEM]
        if codes != ["check-in"]:
            self.add(f"{at}.code", "an Appointment in a plan is the check-in (code check-in)")
        repeat = detail.scheduled_timing.repeat if detail.scheduled_timing else None
        if repeat is None:
            self.add(f"{at}.scheduledTiming.repeat", "is missing (the check-in's day and time)")
            return None, None
        if len(repeat.day_of_week) > 1 or len(repeat.time_of_day) > 1:
            self.add(f"{at}.scheduledTiming.repeat", "suggests more than one day or time")
        day = WEEKDAYS.index(repeat.day_of_week[0]) if repeat.day_of_week else None
        time = repeat.time_of_day[0] if repeat.time_of_day else None
        if time is not None and time.tzinfo is not None:
            self.add(f"{at}.scheduledTiming.repeat.timeOfDay[0]", "has a time zone")
        return day, time

    def week(self, activity: Activity, number: int, start: dt.date | None, at: str) -> PlanWeek:
        detail = activity.detail
        period = detail.scheduled_period
        if period is None or period.start is None:
            self.add(f"{at}.scheduledPeriod.start", "is missing (the first day of the week)")
        elif start is not None and period.start != start + dt.timedelta(weeks=number - 1):
            self.add(f"{at}.scheduledPeriod.start",
                     f"is {period.start.isoformat()}; week {number} starts on "
                     f"{(start + dt.timedelta(weeks=number - 1)).isoformat()}")
        found: dict[str, list[str]] = {"topics": [], "starters": [], "refusal": []}
        for j, coding in enumerate(detail.code.coding if detail.code else ()):
            where = f"{at}.code.coding[{j}]"
            kind = CODE_SYSTEMS.get(coding.system or "")
            if kind is None:
                self.add(f"{where}.system", "is not a Porchlight library code system")
            elif coding.code is None or not LIBRARY_ID.match(coding.code):
                self.add(f"{where}.code", "is not a library id (lower case, digits, . and -)")
            else:
                found[kind].append(coding.code)
        if len(found["refusal"]) > 1:
            self.add(f"{at}.code", "names more than one refusal line; a week practises one")
        return PlanWeek(number=number, topics=tuple(found["topics"]),
                        starters=tuple(found["starters"]),
                        refusal=found["refusal"][0] if found["refusal"] else "",
                        note=clean(detail.description or "").strip())

    def questions(self, groups: tuple[Item, ...], weeks: list[PlanWeek],
                  path: str) -> list[PlanWeek]:
        by_number = {w.number: w for w in weeks}
        seen: set[str] = set()
        for i, group in enumerate(groups):
            at = f"{path}[{i}]"
            match = WEEK_LINK.match(group.link_id)
            if group.type != "group" or match is None:
                self.add(at, "is not a week's group (type group, linkId w1 to w12)")
                continue
            number = int(match.group(1))
            if number not in by_number:
                self.add(f"{at}.linkId", f"names week {number}; the plan has {len(weeks)} weeks")
                continue
            if group.link_id in seen:
                self.add(f"{at}.linkId", f"repeats {group.link_id}")
            seen.add(group.link_id)
            watch, asked = self.week_items(group.item, seen, f"{at}.item")
            week = by_number[number]
            by_number[number] = PlanWeek(
                number=number, topics=week.topics, starters=week.starters, refusal=week.refusal,
                watch=week.watch + watch, questions=week.questions + asked, note=week.note)
        return [by_number[w.number] for w in weeks]

    def week_items(self, items: tuple[Item, ...], seen: set[str],
                   path: str) -> tuple[tuple[str, ...], tuple[Question, ...]]:
        watch: list[str] = []
        asked: list[Question] = []
        for k, item in enumerate(items):
            at = f"{path}[{k}]"
            if item.link_id in seen:
                self.add(f"{at}.linkId", f"repeats {item.link_id!r}")
            seen.add(item.link_id)
            if item.type == "group" or item.item:
                self.add(at, "holds other items; a week's group holds only questions and signs")
            elif item.type == "display":
                signs = [c.code for c in item.code if c.system == SIGN_SYSTEM]
                if len(signs) != 1 or signs[0] is None or not LIBRARY_ID.match(signs[0]):
                    self.add(f"{at}.code", f"needs one sign id (system {SIGN_SYSTEM})")
                else:
                    watch.append(signs[0])
            else:
                asked.append(self.question(item, at))
        return tuple(watch), tuple(asked)

    def question(self, item: Item, at: str) -> Question:
        text = one_line(item.text or "")
        if not text:
            self.add(f"{at}.text", "is missing (the question the family is asked)")
        if not item.link_id.strip() or not item.link_id.isprintable():
            self.add(f"{at}.linkId", "is empty or holds control characters")
        kind = TYPE_TO_KIND[item.type]
        choices = tuple(one_line(option.value_string or "") for option in item.answer_option)
        if kind == "choice":
            if len(choices) < 2 or not all(choices):
                self.add(f"{at}.answerOption", "needs two or more choices, each with valueString")
        elif choices:
            self.add(f"{at}.answerOption", f"is only for choice questions, not {item.type}")
        return Question(id=item.link_id, kind=kind, text=text, choices=choices)
