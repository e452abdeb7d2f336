"""The progress report file: a FHIR R4 document whose withheld parts stay marked as withheld."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.plans.examples import example_plan, example_report
from app.core.plans.fhir_base import PlanFileError
from app.core.plans.fhir_report import read_report, report_bytes, report_to_bundle
from app.core.plans.fhir_report_types import EMPTY_REASON_SYSTEM
from app.core.plans.model import Answer, Report, ReportSection, TaskRecord, Withheld

WRITTEN = dt.datetime(2026, 3, 16, 19, 5, 30, tzinfo=dt.UTC)


def report() -> Report:
    return example_report(example_plan(dt.date(2026, 3, 2)), WRITTEN)


def problems(data: bytes) -> list[tuple[str, str]]:
    with pytest.raises(PlanFileError) as caught:
        read_report(data, "report.json")
    assert all(line.startswith("report.json: ") for line in caught.value.lines())
    return caught.value.problems


def test_report_with_two_withheld_sections_round_trips_and_is_valid_r4():
    written = report()
    assert sum(s.withheld is not None for s in written.sections) == 2
    data = report_bytes(written)
    read = read_report(data, "report.json")
    assert read == written
    assert read.sections[3].withheld == Withheld("We would rather talk about this in person.")
    assert read.sections[4].withheld == Withheld("")
    bundle = Bundle.model_validate_json(data)
    assert bundle.type == "document"
    assert bundle.entry[0].resource.get_resource_type() == "Composition"
    assert {e.resource.get_resource_type() for e in bundle.entry[1:]} == {
        "QuestionnaireResponse"}


def test_withheld_sections_carry_the_standard_empty_reason():
    sections = report_to_bundle(report())["entry"][0]["resource"]["section"]
    withheld = [s for s in sections if "emptyReason" in s]
    assert [s["code"]["coding"][0]["code"] for s in withheld] == [
        "journal-summary", "journal-entries"]
    assert withheld[0]["emptyReason"] == {
        "coding": [{"system": EMPTY_REASON_SYSTEM, "code": "withheld",
                    "display": "Information Withheld"}],
        "text": "We would rather talk about this in person."}
    assert "entry" not in withheld[0] and "withheld" in withheld[0]["text"]["div"].lower()
    assert "text" not in withheld[1]["emptyReason"]


def test_the_document_names_the_plan_period_and_time():
    composition = report_to_bundle(report())["entry"][0]["resource"]
    assert composition["date"] == "2026-03-16T19:05:30Z"
    assert composition["event"][0]["period"] == {"start": "2026-03-02", "end": "2026-03-16"}
    assert composition["event"][0]["detail"][0]["reference"] == (
        "CarePlan/example-9-12-four-weeks/_history/1")
    assert report_bytes(report()) == report_bytes(report())


def test_minimal_and_odd_values_round_trip():
    bare = Report(
        plan_id="p.2", plan_version=12, plan_title="", family_label="", written_at=WRITTEN,
        period_start=dt.date(2026, 1, 5), period_end=dt.date(2026, 1, 5),
        sections=(ReportSection("note", "", ()),),
        task_records=(TaskRecord("w1.watch"),),
        answers=(Answer("w1.q1", "no", WRITTEN), Answer("w1.q2", "maybe <i>later</i>", WRITTEN),
                 Answer("w1.q3", "", WRITTEN)))
    data = report_bytes(bare)
    assert read_report(data, "r.json") == bare
    Bundle.model_validate_json(data)


def test_markup_in_lines_is_written_escaped_and_read_back_as_text():
    odd = dataclasses.replace(report(), sections=(
        ReportSection("note", "Note", ("<img src=x onerror=alert(1)>", "a & b\x07")),))
    data = report_bytes(odd)
    assert b"<img" not in data and b"&lt;img" in data  # lines live escaped in the narrative
    assert read_report(data, "r.json").sections[0].lines == (
        "<img src=x onerror=alert(1)>", "a & b")


def _composition(data):
    return data["entry"][0]["resource"]


@pytest.mark.parametrize(("change", "field", "words"), [
    (lambda d: d["entry"].reverse(), "entry[0].resource", "Composition"),
    (lambda d: _composition(d).update(date="2026-03-16T19:05:30"), "entry[0].resource.date",
     "time zone"),
    (lambda d: _composition(d)["section"][3]["emptyReason"]["coding"][0].update(code="nilknown"),
     "entry[0].resource.section[3].emptyReason", "withheld"),
    (lambda d: _composition(d)["event"][0]["detail"][0].update(reference="Patient/1"),
     "entry[0].resource.event[0].detail[0].reference", "plan reference"),
    (lambda d: d["entry"][1]["resource"]["item"][1]["answer"][0].update(valueInteger=9),
     "entry[1].resource.item[1].answer[0].valueInteger", "1 to 5"),
    (lambda d: d["entry"][3]["resource"]["item"][0]["answer"].append({"valueString": "x"}),
     "entry[3].resource.item[0].answer", "exactly one"),
    (lambda d: _composition(d)["section"][1]["code"]["coding"][0].update(code="w1.talk"),
     "entry[0].resource.section[1].code", "repeats"),
    (lambda d: d.update(type="collection"), "type", "a plan, not a report"),
])
def test_each_problem_names_its_field(change, field, words):
    data = report_to_bundle(report())
    change(data)
    found = problems(json.dumps(data).encode())
    assert any(path == field and words in message for path, message in found), found


WORDS = st.lists(st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")),
                         min_size=1, max_size=8), min_size=1, max_size=4).map(" ".join)
KEYS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.\-_]{0,20}", fullmatch=True)
MOMENTS = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2090, 1, 1),
                       timezones=st.just(dt.UTC))


@st.composite
def reports(draw) -> Report:
    keys = draw(st.lists(KEYS, unique=True, max_size=6))
    sections = tuple(
        ReportSection(key, draw(st.one_of(st.just(""), WORDS)),
                      withheld=Withheld(draw(st.one_of(st.just(""), WORDS))))
        if draw(st.booleans()) else
        ReportSection(key, draw(WORDS), tuple(draw(st.lists(WORDS, max_size=3))))
        for key in keys)
    records = tuple(TaskRecord(
        key, times_done=draw(st.integers(0, 999)),
        how_it_went=draw(st.one_of(st.none(), st.integers(1, 5))),
        how_hard=draw(st.one_of(st.none(), st.integers(1, 5))),
        got_in_the_way=draw(st.one_of(st.just(""), WORDS)), helped=draw(WORDS),
        updated_at=draw(st.one_of(st.none(), MOMENTS)))
        for key in draw(st.lists(KEYS, unique=True, max_size=3)))
    answers = tuple(Answer(key, draw(st.one_of(st.sampled_from(["yes", "no", "3", ""]), WORDS)),
                           draw(MOMENTS))
                    for key in draw(st.lists(KEYS, unique=True, max_size=3)))
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)))
    return Report(
        plan_id=draw(st.from_regex(r"[A-Za-z0-9\-.]{1,64}", fullmatch=True)),
        plan_version=draw(st.integers(1, 10**6)), plan_title=draw(st.one_of(st.just(""), WORDS)),
        family_label=draw(WORDS), written_at=draw(MOMENTS), period_start=start,
        period_end=start + dt.timedelta(days=draw(st.integers(0, 84))), sections=sections,
        task_records=records, answers=answers)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_the_writer_can_make_round_trips_as_valid_r4(written):
    data = report_bytes(written)
    assert read_report(data, "report.json") == written
    Bundle.model_validate_json(data)
