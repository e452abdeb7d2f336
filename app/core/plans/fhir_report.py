"""A progress report as a file: a FHIR R4 ``document`` bundle the counsellor's Porchlight reads.

- ``Bundle``: ``identifier`` (a stable ``urn:uuid``) and ``timestamp`` (when it was written),
  as every R4 document needs; the ``Composition`` first.
- ``Composition``: final; a LOINC progress note; ``subject.display`` the family label;
  ``date`` when written; ``event.period`` the weeks it covers and ``event.detail`` the plan
  (``CarePlan/<plan id>/_history/<version>``, its title as ``display``); one ``section`` per
  part the parent chose (``code`` the key such as "w2.talk", ``title``, the lines as a
  narrative list). A part the parent left out has no lines and ``emptyReason`` coded
  ``withheld`` (list-empty-reason), with their reason as its ``text`` — never silently missing.
- ``QuestionnaireResponse``: one per task record (``identifier`` the task id, items after the
  Homework Rating Scale) and one per answer (``questionnaire`` the plan's, ``authored`` when).
"""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from app.core.plans.fhir_base import (
    FAMILY_SYSTEM,
    PLAN_SYSTEM,
    CodeableConcept,
    Coding,
    Identifier,
    Period,
    Reference,
    line_or_none,
    narrative,
    read_guarded,
    text_or_none,
)
from app.core.plans.fhir_plan_types import QUESTIONNAIRE_URL
from app.core.plans.fhir_report_read import read_report_bundle
from app.core.plans.fhir_report_types import (
    DOCUMENT_ID_SYSTEM,
    EMPTY_REASON_SYSTEM,
    LOINC,
    PROGRESS_NOTE,
    SECTION_SYSTEM,
    TASK_QUESTIONNAIRE,
    TASK_SYSTEM,
    Composition,
    Event,
    QuestionnaireResponse,
    ReportBundle,
    ReportEntry,
    ResponseAnswer,
    ResponseItem,
    Section,
)
from app.core.plans.model import Answer, Report, ReportSection, TaskRecord

RATINGS = (("how-it-went", "How it went (1 badly to 5 very well)"),
           ("how-hard", "How hard it was (1 easy to 5 very hard)"))
WORDS = (("got-in-the-way", "What got in the way"), ("helped", "What helped"),
         ("question-for-next", "A question for the next session"))


def report_to_bundle(report: Report) -> dict:
    """The report as FHIR R4 JSON values."""
    return msgspec.json.decode(msgspec.json.encode(_bundle(report)))


def report_bytes(report: Report) -> bytes:
    """The report file's bytes (the JSON beside the PDF, and the PDF's attachment)."""
    return msgspec.json.format(msgspec.json.encode(_bundle(report)), indent=2)


def read_report(data: bytes, source: str) -> Report:
    """The report in a file, or ``PlanFileError`` naming every problem found."""
    return read_report_bundle(read_guarded(data, ReportBundle, "document", source), source)


def _bundle(report: Report) -> ReportBundle:
    written = _aware(report.written_at)
    key = f"{PLAN_SYSTEM}/{report.plan_id}/{report.plan_version}/report/{written.isoformat()}"
    base = uuid.uuid5(uuid.NAMESPACE_URL, key)
    plan = Reference(reference=f"CarePlan/{report.plan_id}/_history/{report.plan_version}",
                     identifier=Identifier(system=PLAN_SYSTEM, value=report.plan_id),
                     display=line_or_none(report.plan_title))
    tasks = [(_url(base, f"task/{r.task_id}"), _task_response(r, plan))
             for r in report.task_records]
    answers = [(_url(base, f"answer/{a.question_id}"), _answer_response(a, plan, report))
               for a in report.answers]
    refs = {r.task_id: url for r, (url, _) in zip(report.task_records, tasks, strict=True)}
    refs_for_answers = tuple(Reference(reference=url) for url, _ in answers)
    composition = Composition(
        identifier=Identifier(system=DOCUMENT_ID_SYSTEM, value=f"urn:uuid:{base}"),
        status="final",
        type=CodeableConcept(coding=(Coding(system=LOINC, code=PROGRESS_NOTE,
                                            display="Progress note"),),
                             text="Homework progress report"),
        subject=Reference(identifier=Identifier(system=FAMILY_SYSTEM, value=report.plan_id),
                          display=line_or_none(report.family_label)),
        date=written, author=(Reference(display="The parent"),),
        title=f"Progress report: {line_or_none(report.plan_title) or 'a plan'}",
        text=narrative([f"Progress report for {report.family_label or 'the family'}",
                        f"{report.period_start.isoformat()} to {report.period_end.isoformat()}"],
                       (_section_words(s) for s in report.sections)),
        event=(Event(period=Period(start=report.period_start, end=report.period_end),
                     detail=(plan,)),),
        section=tuple(_section(s, refs, refs_for_answers) for s in report.sections),
    )
    entries = [ReportEntry(full_url=_url(base, "composition"), resource=composition)]
    entries += [ReportEntry(full_url=url, resource=r) for url, r in (*tasks, *answers)]
    return ReportBundle(identifier=Identifier(system=DOCUMENT_ID_SYSTEM, value=f"urn:uuid:{base}"),
                        type="document", timestamp=written, entry=tuple(entries))


def _url(base: uuid.UUID, part: str) -> str:
    return f"urn:uuid:{uuid.uuid5(base, part)}"


def _aware(moment: dt.datetime) -> dt.datetime:
    """FHIR times carry a zone; a naive time from the app is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _section(section: ReportSection, refs: dict[str, str],
             answers: tuple[Reference, ...]) -> Section:
    code = CodeableConcept(coding=(Coding(system=SECTION_SYSTEM, code=section.key),))
    if section.withheld is not None:
        reason = text_or_none(section.withheld.reason)
        words = ["Withheld: the parent chose to leave this out."]
        words += [f"Their reason: {reason}"] if reason else []
        return Section(title=line_or_none(section.title), code=code, text=narrative(words),
                       empty_reason=CodeableConcept(
                           coding=(Coding(system=EMPTY_REASON_SYSTEM, code="withheld",
                                          display="Information Withheld"),), text=reason))
    entry = answers if section.key == "answers" else tuple(
        Reference(reference=refs[section.key]) for _ in [0] if section.key in refs)
    lines = [line for line in (line_or_none(x) for x in section.lines) if line]
    return Section(title=line_or_none(section.title), code=code, entry=entry,
                   text=narrative([] if lines else ["Nothing to report here."], lines))


def _section_words(section: ReportSection) -> str:
    if section.withheld is not None:
        return f"{section.title}: withheld"
    return f"{section.title}: " + (" / ".join(section.lines) or "nothing to report")


def _task_response(record: TaskRecord, plan: Reference) -> QuestionnaireResponse:
    items = [ResponseItem(link_id="times-done", text="Times done",
                          answer=(ResponseAnswer(value_integer=record.times_done),))]
    ratings = {"how-it-went": record.how_it_went, "how-hard": record.how_hard}
    items += [ResponseItem(link_id=link, text=text, answer=(ResponseAnswer(value_integer=value),))
              for link, text in RATINGS if (value := ratings[link]) is not None]
    words = {"got-in-the-way": record.got_in_the_way, "helped": record.helped,
             "question-for-next": record.question_for_next}
    items += [ResponseItem(link_id=link, text=text, answer=(ResponseAnswer(value_string=said),))
              for link, text in WORDS if (said := text_or_none(words[link]))]
    return QuestionnaireResponse(
        identifier=Identifier(system=TASK_SYSTEM, value=record.task_id), based_on=(plan,),
        questionnaire=TASK_QUESTIONNAIRE, status="completed",
        authored=_aware(record.updated_at) if record.updated_at else None, item=tuple(items),
        text=narrative([f"How {record.task_id} went"],
                       [f"{i.text}: {_shown(i.answer[0])}" for i in items]))


def _answer_response(answer: Answer, plan: Reference, report: Report) -> QuestionnaireResponse:
    value = answer.value
    if value in ("yes", "no"):
        given = ResponseAnswer(value_boolean=value == "yes")
    elif value in ("1", "2", "3", "4", "5"):
        given = ResponseAnswer(value_integer=int(value))
    else:
        given = ResponseAnswer(value_string=text_or_none(value))
    return QuestionnaireResponse(
        based_on=(plan,), status="completed", authored=_aware(answer.answered_at),
        questionnaire=f"{QUESTIONNAIRE_URL}/{report.plan_id}|{report.plan_version}",
        item=(ResponseItem(link_id=answer.question_id, answer=(given,) if value else ()),),
        text=narrative([f"Answer to {answer.question_id}: {value}"]))


def _shown(answer: ResponseAnswer) -> str:
    return str(next(v for v in (answer.value_boolean, answer.value_integer, answer.value_string)
                    if v is not None))
