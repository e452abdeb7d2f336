"""The FHIR R4 subset a progress report uses, as msgspec structs: read and written alike.

A report is a ``document`` bundle: the ``Composition`` first (its sections are what the
parent chose to share, or marks of what they withheld), then ``QuestionnaireResponse``s for
the task records and the answers. ``fhir_report`` explains what each element carries.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from app.core.plans.fhir_base import (
    BASE,
    CodeableConcept,
    Fhir,
    Identifier,
    LongText,
    Narrative,
    Period,
    Reference,
    Resource,
    ShortText,
)

SECTION_SYSTEM = f"{BASE}/CodeSystem/report-section"
TASK_SYSTEM = f"{BASE}/task-id"  # QuestionnaireResponse.identifier of a task record
TASK_QUESTIONNAIRE = f"{BASE}/Questionnaire/task-record"  # after the Homework Rating Scale
EMPTY_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
LOINC = "http://loinc.org"
PROGRESS_NOTE = "11506-3"  # LOINC "Progress note"
DOCUMENT_ID_SYSTEM = "urn:ietf:rfc:3986"
LinkId = Annotated[str, msgspec.Meta(max_length=64)]


class Section(Fhir, kw_only=True, frozen=True):
    title: ShortText | None = None
    code: CodeableConcept | None = None
    text: Narrative | None = None
    entry: tuple[Reference, ...] = ()
    empty_reason: CodeableConcept | None = None


class Event(Fhir, kw_only=True, frozen=True):
    period: Period | None = None
    detail: tuple[Reference, ...] = ()


class Composition(Resource, kw_only=True, frozen=True, tag=True):
    identifier: Identifier | None = None
    status: Literal["preliminary", "final", "amended", "entered-in-error"]
    type: CodeableConcept
    subject: Reference | None = None
    date: dt.datetime
    author: tuple[Reference, ...]
    title: ShortText
    event: tuple[Event, ...] = ()
    section: tuple[Section, ...] = ()


class ResponseAnswer(Fhir, kw_only=True, frozen=True):
    value_boolean: bool | None = None
    value_integer: int | None = None
    value_string: LongText | None = None


class ResponseItem(Fhir, kw_only=True, frozen=True):
    link_id: LinkId
    text: ShortText | None = None
    answer: tuple[ResponseAnswer, ...] = ()


class QuestionnaireResponse(Resource, kw_only=True, frozen=True, tag=True):
    identifier: Identifier | None = None
    based_on: tuple[Reference, ...] = ()
    questionnaire: ShortText | None = None
    status: Literal["in-progress", "completed", "amended", "entered-in-error", "stopped"]
    authored: dt.datetime | None = None
    item: tuple[ResponseItem, ...] = ()


class ReportEntry(Fhir, kw_only=True, frozen=True):
    full_url: ShortText | None = None
    resource: Composition | QuestionnaireResponse


class ReportBundle(Resource, kw_only=True, frozen=True, tag="Bundle"):
    identifier: Identifier | None = None
    type: Literal["document"]
    timestamp: dt.datetime | None = None
    entry: tuple[ReportEntry, ...] = ()
