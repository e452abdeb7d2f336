"""From a decoded report bundle to a ``Report``, naming every problem the types cannot see.

The counsellor must be able to trust what a report shows: a section is either the parent's
lines or a withheld mark (never an unexplained gap), ratings are 1 to 5, each answer has one
value and a time with a zone. Every problem found is collected, each with its field path.
"""

from __future__ import annotations

import datetime as dt
import re

from app.core.plans.fhir_base import (
    PLAN_SYSTEM,
    PlanFileError,
    Problem,
    clean,
    listed_items,
    one_line,
)
from app.core.plans.fhir_report_types import (
    EMPTY_REASON_SYSTEM,
    SECTION_SYSTEM,
    TASK_SYSTEM,
    Composition,
    QuestionnaireResponse,
    ReportBundle,
    ResponseAnswer,
    Section,
)
from app.core.plans.model import Answer, Report, ReportSection, TaskRecord, Withheld

PLAN_REFERENCE = re.compile(r"^CarePlan/([A-Za-z0-9\-.]{1,64})/_history/([1-9][0-9]{0,8})$")
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_]{0,63}$")
RATED = {"how-it-went", "how-hard"}
WORDED = {"got-in-the-way", "helped", "question-for-next"}


def read_report_bundle(bundle: ReportBundle, source: str) -> Report:
    reader = _Reader()
    report = reader.report(bundle)
    if reader.problems or report is None:
        raise PlanFileError(reader.problems, source)
    return report


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def report(self, bundle: ReportBundle) -> Report | None:
        if not bundle.entry or not isinstance(bundle.entry[0].resource, Composition):
            self.add("entry[0].resource", "is not a Composition; a report starts with one")
            return None
        composition: Composition = bundle.entry[0].resource
        at = "entry[0].resource"
        for i, entry in enumerate(bundle.entry[1:], start=1):
            if isinstance(entry.resource, Composition):
                self.add(f"entry[{i}].resource", "is a second Composition; a report has one")
        written = self.moment(composition.date, f"{at}.date")
        plan_id, version, title = self.plan(composition, f"{at}.event")
        period = composition.event[0].period if composition.event else None
        if period is None or period.start is None or period.end is None:
            self.add(f"{at}.event[0].period", "needs the start and end of the weeks reported")
        elif period.end < period.start:
            self.add(f"{at}.event[0].period.end", "is before the start")
        sections = self.sections(composition.section, f"{at}.section")
        records: list[TaskRecord] = []
        answers: list[Answer] = []
        for i, entry in enumerate(bundle.entry[1:], start=1):
            resource = entry.resource
            if not isinstance(resource, QuestionnaireResponse):
                continue
            where = f"entry[{i}].resource"
            if resource.identifier is not None and resource.identifier.system == TASK_SYSTEM:
                records.append(self.record(resource, where))
            else:
                answers.append(self.answer(resource, where))
        if self.problems or plan_id is None or version is None or written is None:
            return None
        assert period is not None and period.start is not None and period.end is not None
        family = composition.subject.display if composition.subject else None
        return Report(
            plan_id=plan_id, plan_version=version, plan_title=title,
            family_label=one_line(family or ""), written_at=written,
            period_start=period.start, period_end=period.end, sections=tuple(sections),
            task_records=tuple(records), answers=tuple(answers))

    def moment(self, value: dt.datetime | None, path: str) -> dt.datetime | None:
        if value is None:
            self.add(path, "is missing")
        elif value.tzinfo is None:
            self.add(path, "has no time zone (write it like 2026-03-02T18:30:00Z)")
        else:
            return value
        return None

    def plan(self, composition: Composition,
             path: str) -> tuple[str | None, int | None, str]:
        details = composition.event[0].detail if composition.event else ()
        if not details:
            self.add(f"{path}[0].detail", "is missing (the plan this report is about)")
            return None, None, ""
        plan = details[0]
        match = PLAN_REFERENCE.match(plan.reference or "")
        if match is None:
            self.add(f"{path}[0].detail[0].reference",
                     "is not a plan reference like CarePlan/<plan id>/_history/<version>")
            return None, None, ""
        if plan.identifier is not None and (plan.identifier.system != PLAN_SYSTEM
                                            or plan.identifier.value != match.group(1)):
            self.add(f"{path}[0].detail[0].identifier", "names another plan than the reference")
        return match.group(1), int(match.group(2)), one_line(plan.display or "")

    def sections(self, sections: tuple[Section, ...], path: str) -> list[ReportSection]:
        found: list[ReportSection] = []
        keys: set[str] = set()
        for i, section in enumerate(sections):
            at = f"{path}[{i}]"
            key = next((c.code for c in (section.code.coding if section.code else ())
                        if c.system == SECTION_SYSTEM), None)
            if key is None or not KEY.match(key):
                self.add(f"{at}.code", f"needs the part's key (a code of {SECTION_SYSTEM})")
                continue
            if key in keys:
                self.add(f"{at}.code", f"repeats the part {key!r}")
            keys.add(key)
            title = one_line(section.title or "")
            if section.empty_reason is not None:
                codes = [c.code for c in section.empty_reason.coding
                         if c.system == EMPTY_REASON_SYSTEM]
                if codes != ["withheld"]:
                    self.add(f"{at}.emptyReason", "is not 'withheld' (the only reason used)")
                if section.entry:
                    self.add(f"{at}.entry", "is not empty, yet the part is marked withheld")
                reason = clean(section.empty_reason.text or "").strip()
                found.append(ReportSection(key, title, withheld=Withheld(reason)))
            else:
                lines = listed_items(section.text.div) if section.text else ()
                found.append(ReportSection(key, title, tuple(line for line in lines if line)))
        return found

    def record(self, response: QuestionnaireResponse, at: str) -> TaskRecord:
        task_id = response.identifier.value if response.identifier else None
        if not task_id or not KEY.match(task_id):
            self.add(f"{at}.identifier.value", "is not a task id like w2.talk")
        values: dict[str, int | str] = {}
        for k, item in enumerate(response.item):
            where = f"{at}.item[{k}]"
            value = self.one_value(item.answer, f"{where}.answer")
            if item.link_id in values:
                self.add(f"{where}.linkId", f"repeats {item.link_id!r}")
            elif item.link_id == "times-done":
                if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 999:
                    self.add(f"{where}.answer[0].valueInteger", "is not a count from 0 to 999")
                values[item.link_id] = value if isinstance(value, int) else 0
            elif item.link_id in RATED:
                if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
                    self.add(f"{where}.answer[0].valueInteger", "is not a rating from 1 to 5")
                values[item.link_id] = value if isinstance(value, int) else 0
            elif item.link_id in WORDED:
                if not isinstance(value, str):
                    self.add(f"{where}.answer[0].valueString", "is missing")
                values[item.link_id] = clean(value).strip() if isinstance(value, str) else ""
            else:
                self.add(f"{where}.linkId", f"{item.link_id!r} is not part of a task record")
        if "times-done" not in values:
            self.add(f"{at}.item", "has no times-done")
        return TaskRecord(
            task_id=task_id or "", times_done=int(values.get("times-done", 0)),
            how_it_went=_int_or_none(values.get("how-it-went")),
            how_hard=_int_or_none(values.get("how-hard")),
            got_in_the_way=str(values.get("got-in-the-way", "")),
            helped=str(values.get("helped", "")),
            question_for_next=str(values.get("question-for-next", "")),
            updated_at=self.moment(response.authored, f"{at}.authored")
            if response.authored else None)

    def answer(self, response: QuestionnaireResponse, at: str) -> Answer:
        answered = self.moment(response.authored, f"{at}.authored")
        if len(response.item) != 1:
            self.add(f"{at}.item", "needs exactly one item (the question answered)")
            return Answer("", "", answered or dt.datetime.min.replace(tzinfo=dt.UTC))
        item = response.item[0]
        if not KEY.match(item.link_id):
            self.add(f"{at}.item[0].linkId", "is not a question id like w3.q1")
        value = self.one_value(item.answer, f"{at}.item[0].answer") if item.answer else ""
        if isinstance(value, bool):
            text = "yes" if value else "no"
        else:
            text = one_line(str(value)) if value is not None else ""
        return Answer(item.link_id, text, answered or dt.datetime.min.replace(tzinfo=dt.UTC))

    def one_value(self, answers: tuple[ResponseAnswer, ...], at: str) -> bool | int | str | None:
        if len(answers) != 1:
            self.add(at, "needs exactly one answer")
            return None
        given = [v for v in (answers[0].value_boolean, answers[0].value_integer,
                             answers[0].value_string) if v is not None]
        if len(given) != 1:
            self.add(f"{at}[0]", "needs exactly one value")
            return None
        return given[0]


def _int_or_none(value: int | str | None) -> int | None:
    return value if isinstance(value, int) else None
