"""The FHIR R4 subset a plan file uses, as msgspec structs: read and written with the same types.

Only standard R4 elements appear; ``fhir_plan`` explains what each one carries. Struct field
names are the FHIR names in snake case (``scheduled_period`` is ``scheduledPeriod``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from app.core.plans.fhir_base import (
    BASE,
    Annotation,
    CodeableConcept,
    Coding,
    Fhir,
    Identifier,
    LongText,
    Period,
    Reference,
    Resource,
    ShortText,
)

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ItemType = Literal["group", "display", "boolean", "integer", "choice", "string"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KIND_TO_TYPE: dict[str, ItemType] = {
    "yes-no": "boolean", "scale": "integer", "choice": "choice", "text": "string"}
TYPE_TO_KIND = {value: key for key, value in KIND_TO_TYPE.items()}
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire"  # + "/<plan id>"; answers point at it
LinkId = Annotated[str, msgspec.Meta(max_length=64)]


class TimingRepeat(Fhir, kw_only=True, frozen=True):
    frequency: int | None = None
    period: float | None = None
    period_unit: Literal["s", "min", "h", "d", "wk", "mo", "a"] | None = None
    day_of_week: tuple[Weekday, ...] = ()
    time_of_day: tuple[dt.time, ...] = ()


class Timing(Fhir, kw_only=True, frozen=True):
    repeat: TimingRepeat | None = None


class Detail(Fhir, kw_only=True, frozen=True):
    kind: Literal["Task", "Appointment"]
    code: CodeableConcept | None = None
    status: Literal["not-started", "scheduled", "in-progress", "on-hold", "completed",
                    "cancelled", "stopped", "unknown", "entered-in-error"]
    scheduled_period: Period | None = None
    scheduled_timing: Timing | None = None
    description: LongText | None = None


class Activity(Fhir, kw_only=True, frozen=True):
    detail: Detail


class CarePlan(Resource, kw_only=True, frozen=True, tag=True):
    identifier: tuple[Identifier, ...] = ()
    status: Literal["active"]
    intent: Literal["plan"]
    category: tuple[CodeableConcept, ...] = ()
    title: ShortText | None = None
    subject: Reference
    period: Period
    activity: tuple[Activity, ...] = ()
    note: tuple[Annotation, ...] = ()


class AnswerOption(Fhir, kw_only=True, frozen=True):
    value_string: ShortText | None = None


class Item(Fhir, kw_only=True, frozen=True):
    link_id: LinkId
    code: tuple[Coding, ...] = ()
    text: LongText | None = None
    type: ItemType
    answer_option: tuple[AnswerOption, ...] = ()
    item: tuple[Item, ...] = ()


class Questionnaire(Resource, kw_only=True, frozen=True, tag=True):
    url: ShortText | None = None
    identifier: tuple[Identifier, ...] = ()
    version: ShortText | None = None
    title: ShortText | None = None
    status: Literal["active"]
    item: tuple[Item, ...] = ()


class PlanEntry(Fhir, kw_only=True, frozen=True):
    full_url: ShortText | None = None
    resource: CarePlan | Questionnaire


class PlanBundle(Resource, kw_only=True, frozen=True, tag="Bundle"):
    identifier: Identifier | None = None
    type: Literal["collection"]
    entry: tuple[PlanEntry, ...] = ()
